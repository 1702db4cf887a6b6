package com.campaignstudio.ui.basket;

import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.BasketException;
import com.campaignstudio.basket.BasketSettings;
import com.campaignstudio.basket.BasketUnit;
import com.campaignstudio.basket.Baskets;
import com.campaignstudio.basket.PurchaseReader;
import com.campaignstudio.basket.RuleThresholds;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.stream.Collectors;

/**
 * The Bought together view: choose what a basket is (a customer's purchases or one order) and the minimums a rule
 * must reach, run in the background, and see the rules (sortable), the products whose buyers are most alike (a map
 * and a table), what was left out, and the next product to pitch to a customer, a product's buyers or a segment.
 */
public final class BasketController {

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final BasketResults results;
    private final FileQuestions files;
    private final Runnable importData;
    private final Glossary glossary;
    private final RunProgress runProgress;
    private final BasketTables tables;
    private final ChangeListener<BasketAnalysis> analysisListener = (observable, old, analysis) -> show(analysis);

    @FXML
    private Label unitLabel;
    @FXML
    private ComboBox<BasketUnit> unitChoice;
    @FXML
    private Label unitHint;
    @FXML
    private Label supportLabel;
    @FXML
    private Spinner<Double> supportSpinner;
    @FXML
    private Label confidenceLabel;
    @FXML
    private Spinner<Double> confidenceSpinner;
    @FXML
    private Label liftLabel;
    @FXML
    private Spinner<Double> liftSpinner;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label resultTitle;
    @FXML
    private Label stateLabel;
    @FXML
    private Button importButton;
    @FXML
    private TabPane tabs;
    @FXML
    private Label rulesNote;
    @FXML
    private TableView<BasketTables.RuleRow> ruleTable;
    @FXML
    private Label similarNote;
    @FXML
    private GridPane similarityGrid;
    @FXML
    private TableView<BasketTables.PairRow> pairTable;
    @FXML
    private Tab pitchTab;

    /** {@code importData} opens the import of a file (the next step when the project has no orders). */
    public BasketController(ProjectDatabase database, BackgroundRunner runner, UiText text, BasketResults results,
                            FileQuestions files, Runnable importData) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.files = files;
        this.importData = importData;
        this.glossary = new Glossary(text);
        this.runProgress = new RunProgress(text.bundle());
        this.tables = new BasketTables(text, glossary);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        resultTitle.managedProperty().bind(resultTitle.textProperty().isNotEmpty());
        unitChoice.getItems().setAll(BasketUnit.values());
        unitChoice.setConverter(Views.converter(unit -> text.get("basket.unit." + unit.key())));
        unitChoice.valueProperty().addListener((observable, old, unit) ->
                unitHint.setText(unit == null ? "" : text.get("basket.unit." + unit.key() + ".hint")));
        RuleThresholds defaults = RuleThresholds.defaults();
        supportSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 100,
                defaults.minSupport() * 100, 0.5));
        confidenceSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 100,
                defaults.minConfidence() * 100, 5));
        liftSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 100, defaults.minLift(), 0.1));
        results.analysis().ifPresentOrElse(analysis -> {
            unitChoice.setValue(analysis.settings().unit());
            RuleThresholds shown = analysis.settings().thresholds();
            supportSpinner.getValueFactory().setValue(shown.minSupport() * 100);
            confidenceSpinner.getValueFactory().setValue(shown.minConfidence() * 100);
            liftSpinner.getValueFactory().setValue(shown.minLift());
        }, () -> unitChoice.setValue(BasketUnit.CUSTOMER));
        tables.build(ruleTable, pairTable);
        glossary.attach(unitLabel, Term.BASKET);
        glossary.attach(supportLabel, Term.SUPPORT);
        glossary.attach(confidenceLabel, Term.CONFIDENCE);
        glossary.attach(liftLabel, Term.RULE_LIFT);
        glossary.attach(similarNote, Term.COSINE);
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(ruleTable, text.get("basket.tab.rules"));
        exports.install(similarityGrid, text.get("basket.map"));
        exports.install(pairTable, text.get("basket.pairs"));
        pitchTab.setContent(Views.load("PitchView.fxml", new PitchController(database, runner, text, results, glossary,
                exports, files), text));
        runButton.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
        results.analysisProperty().addListener(new WeakChangeListener<>(analysisListener));
        show(results.analysis().orElse(null));
        if (results.analysis().isEmpty()) {
            checkForOrders();
        }
    }

    /** Without paid orders there are no baskets: the view says so and offers the import instead of a run. */
    private void checkForOrders() {
        runner.run(text.get("basket.checking"), context -> new PurchaseReader(database).paidOrders(), paid -> {
            boolean none = paid == 0;
            runButton.setDisable(none);
            importButton.setVisible(none);
            importButton.setManaged(none);
            // Empty tables and a map that ask for a run would only contradict the way on.
            tabs.setVisible(!none);
            tabs.setManaged(!none);
            if (none) {
                stateLabel.setText(text.get("basket.noOrders"));
            }
        }, this::failed);
    }

    private BasketSettings settings() {
        return new BasketSettings(unitChoice.getValue(), new RuleThresholds(supportSpinner.getValue() / 100,
                confidenceSpinner.getValue() / 100, liftSpinner.getValue()));
    }

    @FXML
    private void run() {
        if (runButton.isDisabled()) {
            return;
        }
        BasketSettings settings = settings();
        setRunning(true);
        runner.run(text.get("basket.running"), context -> {
            TaskContext inner = runProgress.around(context);
            return BasketAnalysis.run(database, settings, inner);
        }, analysis -> {
            setRunning(false);
            results.show(analysis);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    @FXML
    private void importData() {
        importData.run();
    }

    private void show(BasketAnalysis analysis) {
        if (analysis == null) {
            resultTitle.setText("");
            stateLabel.setText(text.get("basket.empty"));
            rulesNote.setText("");
            similarNote.setText(text.get("basket.similar.empty"));
            tables.clear(ruleTable, similarityGrid, pairTable);
            return;
        }
        Baskets baskets = analysis.baskets();
        resultTitle.setText(text.get("basket.result." + baskets.unit().key(), text.integer(baskets.size()),
                text.integer(baskets.productCount()), text.integer(baskets.leftOut().paidOrders())));
        stateLabel.setText(analysis.notes().isEmpty() ? text.get("basket.howToRead")
                : analysis.notes().stream().map(note -> note.in(text.bundle())).collect(Collectors.joining("\n")));
        RuleThresholds t = analysis.settings().thresholds();
        rulesNote.setText(text.get("basket.rules.note", text.integer(analysis.rules().size()),
                text.percent(t.minSupport()), text.percent(t.minConfidence()),
                String.format(text.locale(), "%.2f", t.minLift())));
        tables.show(analysis, ruleTable, similarityGrid, pairTable, similarNote);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        Dialogs dialogs = new Dialogs(text, window());
        if (failure instanceof BasketException problem) {
            stateLabel.setText(problem.reason().in(text.bundle()));
        } else {
            dialogs.unexpected(failure);
        }
    }

    private void setRunning(boolean running) {
        runButton.setDisable(running);
        cancelButton.setDisable(!running);
        progress.setVisible(running);
    }

    private Window window() {
        return runButton.getScene() == null ? null : runButton.getScene().getWindow();
    }
}
