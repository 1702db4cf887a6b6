package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetData;
import com.campaignstudio.budget.BudgetFitException;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.WeeklyHistory;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The Budget section: the goal and the fit of the response curves (run in the background with progress and Cancel,
 * on first show and on Fit or F5), shared by the tabs of curves, decomposition, optimiser, the learning simulator and
 * saved splits. Without spend, or with too few weeks, it says what to import instead.
 */
public final class BudgetController {

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final BudgetResults results;
    private final Runnable importData;
    private final RunProgress runProgress;
    private final Glossary glossary;
    private final BudgetFormats formats;
    private final CurvesController curves;
    private final DecompositionController decomposition;
    private final OptimiserController optimiser;
    private final LearningController learning;
    private final ScenariosController scenarios;
    private final ChangeListener<BudgetResults.Shown> shownListener = (observable, old, shown) -> showQuality(shown);

    @FXML
    private Label goalLabel;
    @FXML
    private ComboBox<BudgetGoal> goalChoice;
    @FXML
    private Button fitButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label progressLabel;
    @FXML
    private Label stateLabel;
    @FXML
    private Button importButton;
    @FXML
    private Label qualityLabel;
    @FXML
    private Tab curvesTab;
    @FXML
    private Tab decompositionTab;
    @FXML
    private Tab optimiserTab;
    @FXML
    private Tab learningTab;
    @FXML
    private Tab scenariosTab;

    /**
     * @param results    the fit, kept while the project's data stays as it is
     * @param importData opens the import wizard (the next step when there is no spend)
     */
    public BudgetController(ProjectDatabase database, BackgroundRunner runner, UiText text, BudgetResults results,
                            Runnable importData) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.importData = importData;
        this.runProgress = new RunProgress(text.bundle());
        this.glossary = new Glossary(text);
        this.formats = new BudgetFormats(text);
        ExportMenu exports = new ExportMenu(text, runner);
        this.curves = new CurvesController(results, formats, glossary, exports);
        this.decomposition = new DecompositionController(results, formats, glossary, exports);
        this.optimiser = new OptimiserController(database, runner, results, formats, glossary, exports);
        this.learning = new LearningController(runner, formats, glossary, exports);
        this.scenarios = new ScenariosController(database, runner, formats, exports);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        progressLabel.textProperty().bind(runProgress.messageProperty());
        progressLabel.visibleProperty().bind(progress.visibleProperty());
        stateLabel.managedProperty().bind(stateLabel.textProperty().isNotEmpty().or(importButton.visibleProperty()));
        goalChoice.getItems().setAll(BudgetGoal.values());
        goalChoice.setConverter(Views.converter(goal -> text.get(goal.key())));
        goalChoice.setValue(results.shown().map(BudgetResults.Shown::goal).orElse(BudgetGoal.REVENUE));
        goalChoice.valueProperty().addListener((observable, old, goal) -> fit());
        glossary.attach(goalLabel, Term.RESPONSE_CURVE);
        glossary.attach(qualityLabel, Term.R_SQUARED, Term.HOLD_OUT, Term.BOOTSTRAP_INTERVAL);
        curvesTab.setContent(Views.load("CurvesView.fxml", curves, text));
        decompositionTab.setContent(Views.load("DecompositionView.fxml", decomposition, text));
        optimiserTab.setContent(Views.load("OptimiserView.fxml", optimiser, text));
        learningTab.setContent(Views.load("LearningView.fxml", learning, text));
        scenariosTab.setContent(Views.load("ScenariosView.fxml", scenarios, text));
        scenariosTab.setOnSelectionChanged(event -> {
            if (scenariosTab.isSelected()) {
                scenarios.refresh();
            }
        });
        fitButton.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::fit);
            }
        });
        results.shownProperty().addListener(new WeakChangeListener<>(shownListener));
        if (results.shown().isPresent()) {
            showQuality(results.shown().get());
        } else {
            fit();
        }
    }

    @FXML
    private void fit() {
        if (fitButton.isDisabled()) {
            return;
        }
        BudgetGoal goal = goalChoice.getValue();
        setRunning(true);
        showState("", false);
        runner.run(text.get("budget.fitting"), context -> {
            TaskContext inner = runProgress.around(context);
            WeeklyHistory history = new BudgetData(database).read(goal, inner);
            inner.checkCancelled();
            return BudgetAnalysis.run(history, goal, results.draws(), BudgetAnalysis.DEFAULT_SEED, inner);
        }, analysis -> {
            setRunning(false);
            results.fitted(analysis);
        }, this::failed, () -> {
            setRunning(false);
            showState(text.get("budget.cancelled"), false);
        });
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    @FXML
    private void importSpend() {
        importData.run();
    }

    private void failed(Throwable failure) {
        setRunning(false);
        if (failure instanceof BudgetFitException problem) {
            results.clear();
            showState(problem.reason().in(text.bundle()), "budget.error.noSpend".equals(problem.reason().key()));
        } else {
            new Dialogs(text, fitButton.getScene() == null ? null : fitButton.getScene().getWindow())
                    .unexpected(failure);
        }
    }

    private void showState(String message, boolean offerImport) {
        stateLabel.setText(message);
        stateLabel.getStyleClass().remove("budget-empty");
        if (!message.isEmpty()) {
            stateLabel.getStyleClass().add("budget-empty");
        }
        importButton.setVisible(offerImport);
        importButton.setManaged(offerImport);
    }

    private void showQuality(BudgetResults.Shown shown) {
        if (shown == null) {
            qualityLabel.setText("");
            return;
        }
        BudgetAnalysis analysis = shown.analysis();
        WeeklyHistory history = analysis.history();
        String holdout = analysis.holdoutError().isPresent()
                ? text.get("budget.quality.holdout", text.percent(analysis.holdoutError().getAsDouble()))
                : text.get("budget.quality.noHoldout");
        String quality = text.get("budget.quality", formats.goal(analysis.goal()),
                text.integer(history.weeks()), history.firstWeek().toString(),
                formats.decimals(analysis.fit().r2(), 2), holdout, text.integer(analysis.draws().size()));
        // The curves table names the platforms whose curves do not flatten; the other notes concern the whole fit.
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(quality));
        analysis.notes().stream().filter(note -> !note.key().equals("budget.note.unsaturated"))
                .forEach(note -> lines.add(note.in(text.bundle())));
        qualityLabel.setText(String.join("\n", lines));
        showState("", false);
    }

    private void setRunning(boolean running) {
        fitButton.setDisable(running);
        goalChoice.setDisable(running);
        cancelButton.setDisable(!running);
        progress.setVisible(running);
    }
}
