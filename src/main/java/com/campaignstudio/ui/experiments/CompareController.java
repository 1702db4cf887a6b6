package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentException;
import com.campaignstudio.experiments.ProjectVariants;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ExperimentStore;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Compare tab: type each variant's visitors and conversions (the control first), its share of the intended
 * split and the minimum lift that matters, run, and read the verdict, the rates and lifts with their intervals, the
 * p-values, P(better than control), the expected losses, and the warnings. Experiments are saved in the project
 * under a name, loaded and deleted; overwriting and deleting ask first.
 */
public final class CompareController {

    private final ProjectDatabase database;
    private final Snapshots snapshots;
    private final BackgroundRunner runner;
    private final UiText text;
    private final ExperimentsModel model;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final RunProgress runProgress;
    private final CompareResults results;
    private final ChangeListener<ExperimentAnalysis.Analysis> analysisListener = (observable, old, read) -> show(read);
    private final ListChangeListener<ExperimentsModel.VariantRow> variantsListener = change -> buildGrid();
    private final ListChangeListener<Reason> fillNotesListener = change -> showFillNotes();
    private VariantGrid grid;

    @FXML
    private ComboBox<ExperimentStore.Saved> savedChoice;
    @FXML
    private Button loadButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label savedNameLabel;
    @FXML
    private GridPane variantGrid;
    @FXML
    private Button addButton;
    @FXML
    private Button fillButton;
    @FXML
    private Label fillNotesLabel;
    @FXML
    private Label splitHint;
    @FXML
    private Label minLiftLabel;
    @FXML
    private TextField minLiftField;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label problemLabel;
    @FXML
    private VBox verdictBox;
    @FXML
    private Label stateLabel;
    @FXML
    private IntervalPointChart rateChart;
    @FXML
    private IntervalPointChart liftChart;
    @FXML
    private Label warningsLabel;
    @FXML
    private Label comparisonsTitle;
    @FXML
    private TableView<ExperimentAnalysis.Comparison> comparisonTable;
    @FXML
    private TableView<ExperimentAnalysis.Arm> armTable;
    @FXML
    private Label notesLabel;

    CompareController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                      ExperimentsModel model, Glossary glossary, ExportMenu exports) {
        this.database = database;
        this.snapshots = snapshots;
        this.runner = runner;
        this.text = text;
        this.model = model;
        this.glossary = glossary;
        this.exports = exports;
        this.runProgress = new RunProgress(text.bundle());
        this.results = new CompareResults(text, glossary);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
        grid = new VariantGrid(variantGrid, model, text);
        buildGrid();
        model.variants().addListener(new WeakListChangeListener<>(variantsListener));
        fillNotesLabel.managedProperty().bind(fillNotesLabel.textProperty().isNotEmpty());
        model.fillNotes().addListener(new WeakListChangeListener<>(fillNotesListener));
        showFillNotes();
        minLiftField.textProperty().bindBidirectional(model.minLiftProperty());
        savedChoice.setConverter(Views.converter(ExperimentStore.Saved::name));
        savedChoice.setItems(model.saved());
        loadButton.disableProperty().bind(savedChoice.valueProperty().isNull());
        deleteButton.disableProperty().bind(savedChoice.valueProperty().isNull());
        savedNameLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.savedNameProperty().get().isEmpty() ? "" : text.get("experiments.saved.current",
                        model.savedNameProperty().get()), model.savedNameProperty()));
        results.build(comparisonTable, armTable);
        glossary.attach(minLiftLabel, Term.MINIMUM_LIFT);
        glossary.attach(splitHint, Term.CONTROL, Term.SAMPLE_RATIO_MISMATCH);
        exports.install(rateChart, text.get("experiments.chart.rates"));
        exports.install(liftChart, text.get("experiments.chart.lift"));
        exports.install(comparisonTable, text.get("experiments.comparisons"));
        exports.install(armTable, text.get("experiments.arms"));
        model.analysisProperty().addListener(new WeakChangeListener<>(analysisListener));
        show(model.analysis().orElse(null));
        refreshSaved();
    }

    private void buildGrid() {
        grid.build();
        addButton.setDisable(model.variants().size() >= 26);
    }

    @FXML
    private void addVariant() {
        model.addVariant();
    }

    /** Reads the campaigns, posts and segments to choose from, then asks what to count as variants. */
    @FXML
    private void fillFromProject() {
        setRunning(true);
        runner.run(text.get("experiments.fill.loading"), context -> {
            SegmentStore store = new SegmentStore(database);
            DefaultNames names = new DefaultNames(text);
            List<FillFromProjectDialog.SegmentOption> segments = new java.util.ArrayList<>();
            for (SegmentStore.Summary summary : store.list()) {
                for (SegmentProfile profile : store.profiles(summary.id())) {
                    segments.add(new FillFromProjectDialog.SegmentOption(summary.id(), profile.number(),
                            names.segmentation(summary.name()) + " \u00b7 " + names.segment(profile.name())));
                }
            }
            return new FillFromProjectDialog.Choices(ProjectVariants.campaigns(database),
                    ProjectVariants.posts(database), segments);
        }, choices -> {
            setRunning(false);
            new FillFromProjectDialog(text, choices).ask(window()).ifPresent(this::count);
        }, this::failed, () -> setRunning(false));
    }

    /** Counts the chosen variants in the background and puts them in the grid, or says why they cannot be. */
    private void count(FillFromProjectDialog.Request request) {
        setRunning(true);
        runner.run(text.get("experiments.fill.running"), context -> {
            TaskContext inner = runProgress.around(context);
            try {
                if (request.source() == ProjectVariants.Source.CAMPAIGNS) {
                    return new Filled(ProjectVariants.fromCampaigns(database, request.items(), request.days()), null);
                }
                Optional<Set<Long>> population = request.segment().segmentationId() == 0 ? Optional.empty()
                        : Optional.of(new SegmentStore(database).members(request.segment().segmentationId(),
                                request.segment().segmentNo()));
                return new Filled(ProjectVariants.fromPosts(snapshots.of(database, inner), request.items(),
                        request.days(), request.counting(), population, inner), null);
            } catch (ExperimentException refused) {
                return new Filled(null, refused.reason());
            }
        }, filled -> {
            setRunning(false);
            if (filled.refused() == null) {
                problemLabel.setText("");
                model.fill(filled.counted().variants(), filled.counted().notes());
            } else {
                problemLabel.setText(filled.refused().in(text.bundle()));
            }
        }, this::failed, () -> setRunning(false));
    }

    /** The variants counted from the project, or why they could not be. */
    private record Filled(ProjectVariants.Counted counted, Reason refused) {
    }

    private void showFillNotes() {
        fillNotesLabel.setText(String.join("\n", model.fillNotes().stream().map(note -> note.in(text.bundle()))
                .toList()));
    }

    /** Reads the variants as typed and analyses them in the background. */
    @FXML
    void run() {
        if (runButton.isDisabled()) {
            return;
        }
        readSetup().ifPresent(setup -> analyse(setup, null));
    }

    private java.util.Optional<ExperimentSetup> readSetup() {
        try {
            ExperimentSetup setup = model.setup();
            problemLabel.setText("");
            return java.util.Optional.of(setup);
        } catch (ExperimentsModel.InputProblem problem) {
            problemLabel.setText(problem.in(text.bundle()));
            return java.util.Optional.empty();
        }
    }

    /** Analyses {@code setup}; with a name, saves it in the project under that name too. */
    private void analyse(ExperimentSetup setup, String saveAs) {
        setRunning(true);
        runner.run(text.get("experiments.running"), context -> {
            TaskContext inner = runProgress.around(context);
            inner.checkCancelled();
            ExperimentAnalysis.Analysis analysis = ExperimentAnalysis.analyse(setup);
            inner.checkCancelled();
            List<ExperimentStore.Saved> saved = null;
            if (saveAs != null) {
                ExperimentStore store = new ExperimentStore(database);
                store.save(saveAs, analysis);
                saved = store.list();
            }
            return new Outcome(analysis, saved);
        }, outcome -> {
            setRunning(false);
            model.show(outcome.analysis());
            if (outcome.saved() != null) {
                model.savedNameProperty().set(saveAs.strip());
                model.showSaved(outcome.saved());
                select(saveAs.strip());
            }
        }, this::failed, () -> setRunning(false));
    }

    private record Outcome(ExperimentAnalysis.Analysis analysis, List<ExperimentStore.Saved> saved) {
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    @FXML
    private void save() {
        java.util.Optional<ExperimentSetup> setup = readSetup();
        if (setup.isEmpty()) {
            return;
        }
        Dialogs dialogs = new Dialogs(text, window());
        dialogs.askText(text.get("experiments.save.title"), text.get("experiments.save.header"),
                model.savedNameProperty().get()).ifPresent(name -> {
                    if (!model.isSaved(name) || dialogs.confirm(text.get("experiments.save.title"),
                            text.get("experiments.save.replace", name))) {
                        analyse(setup.get(), name);
                    }
                });
    }

    @FXML
    private void load() {
        ExperimentStore.Saved chosen = savedChoice.getValue();
        if (chosen != null) {
            model.load(chosen);
            problemLabel.setText("");
            run();
        }
    }

    @FXML
    private void delete() {
        ExperimentStore.Saved chosen = savedChoice.getValue();
        if (chosen == null || !new Dialogs(text, window()).confirm(text.get("experiments.delete.title"),
                text.get("experiments.delete.confirm", chosen.name()))) {
            return;
        }
        runner.run(text.get("experiments.deleting"), context -> {
            ExperimentStore store = new ExperimentStore(database);
            store.delete(chosen.name());
            return store.list();
        }, saved -> {
            model.showSaved(saved);
            if (model.savedNameProperty().get().equals(chosen.name())) {
                model.savedNameProperty().set("");
            }
        }, this::failed);
    }

    private void refreshSaved() {
        runner.run(text.get("experiments.loadingSaved"), context -> new ExperimentStore(database).list(),
                saved -> {
                    model.showSaved(saved);
                    select(model.savedNameProperty().get());
                }, this::failed);
    }

    private void select(String name) {
        model.saved().stream().filter(experiment -> experiment.name().equals(name)).findFirst()
                .ifPresent(savedChoice::setValue);
    }

    private void show(ExperimentAnalysis.Analysis analysis) {
        results.show(analysis, verdictBox, stateLabel, rateChart, liftChart, warningsLabel, comparisonsTitle,
                notesLabel);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        new Dialogs(text, window()).unexpected(failure);
    }

    private void setRunning(boolean running) {
        runButton.setDisable(running);
        saveButton.setDisable(running);
        fillButton.setDisable(running);
        cancelButton.setDisable(!running);
        progress.setVisible(running);
    }

    private Window window() {
        return runButton.getScene() == null ? null : runButton.getScene().getWindow();
    }
}
