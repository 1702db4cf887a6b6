package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelChoices;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.FunnelStore;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.PersonGroups;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.ChartPane;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The Funnel tab: choose the steps (event kinds and purchase), the conversion window, strict or any order, the
 * people (everyone or a saved segment) and a breakdown; run in the background (the first run reads the project's
 * activity, with progress and Cancel); read the bars of people per step, the step table with Wilson intervals and
 * times, the conversion trend by period of entry and the times to convert. Funnels are saved in the project by name,
 * opened, renamed and deleted (after confirming). What cannot be counted is said in the view, in words.
 */
public final class FunnelController {

    /** Whom to follow: everyone (segmentation 0) or one segment (0 = the most valuable) of a saved segmentation. */
    record PopulationOption(long segmentationId, int segmentNo, String segmentation, String segment, String label) {
    }

    /** What a run was asked for; {@code steps} empty while the project's starting funnel is to be used. */
    private record Request(List<String> steps, Duration window, StepOrder order, Breakdown breakdown, Period period,
                           PopulationOption population, SegmentStore.Summary segmentation) {
    }

    /** What a run found: the steps offered and used, and the funnel and its trend, or why there is none. */
    private record Outcome(List<String> offered, List<String> steps, FunnelDefinition definition, FunnelResult result,
                           FunnelResult trend, String problem) {
    }

    private record SavedLists(List<FunnelStore.Saved> funnels, List<SegmentStore.Summary> segmentations,
                              List<PopulationOption> segments) {
    }

    private final ProjectDatabase database;
    private final Snapshots snapshots;
    private final BackgroundRunner runner;
    private final UiText text;
    private final FunnelFormats format;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final RunProgress runProgress;
    private final FunnelCharts charts;
    private final ObservableList<String> steps = FXCollections.observableArrayList(FunnelDefinition.SOCIAL_TO_SALE);
    private FunnelStepGrid stepGrid;
    /** False until the user chooses steps (or opens a saved funnel): until then a run starts from the project's own. */
    private boolean stepsChosen;
    private boolean applyingSteps;
    private String savedName = "";

    @FXML
    private ComboBox<FunnelStore.Saved> savedChoice;
    @FXML
    private Button openButton;
    @FXML
    private Button renameButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label savedNameLabel;
    @FXML
    private Label stepsLabel;
    @FXML
    private GridPane stepGridPane;
    @FXML
    private Button addStepButton;
    @FXML
    private Label windowLabel;
    @FXML
    private Spinner<Integer> windowAmount;
    @FXML
    private ComboBox<WindowUnit> windowUnit;
    @FXML
    private Label orderLabel;
    @FXML
    private ComboBox<StepOrder> orderChoice;
    @FXML
    private Label populationLabel;
    @FXML
    private ComboBox<PopulationOption> populationChoice;
    @FXML
    private Label breakdownLabel;
    @FXML
    private ComboBox<Breakdown> breakdownChoice;
    @FXML
    private Label segmentationLabel;
    @FXML
    private ComboBox<SegmentStore.Summary> segmentationChoice;
    @FXML
    private Label periodLabel;
    @FXML
    private ComboBox<Period> periodChoice;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label progressLabel;
    @FXML
    private Label resultTitle;
    @FXML
    private Label factsLabel;
    @FXML
    private Label notesLabel;
    @FXML
    private ChartPane funnelChartPane;
    @FXML
    private FunnelBarChart funnelChart;
    @FXML
    private TableView<FunnelCharts.StepRow> stepTable;
    @FXML
    private NumberAxis peopleAxis;
    @FXML
    private BandedLineChart trendChart;
    @FXML
    private NumberAxis trendAxis;
    @FXML
    private BarChart<String, Number> timeChart;

    public FunnelController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text) {
        this.database = database;
        this.snapshots = snapshots;
        this.runner = runner;
        this.text = text;
        this.format = new FunnelFormats(text);
        this.glossary = new Glossary(text);
        this.exports = new ExportMenu(text, runner);
        this.runProgress = new RunProgress(text.bundle());
        this.charts = new FunnelCharts(text, format, glossary);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progressLabel.textProperty().bind(runProgress.messageProperty());
        progressLabel.managedProperty().bind(progress.visibleProperty());
        progressLabel.visibleProperty().bind(progress.visibleProperty());
        stepGrid = new FunnelStepGrid(stepGridPane, steps, format, text);
        stepGrid.offer(offeredBeforeReading());
        steps.addListener((ListChangeListener<String>) change -> {
            if (!applyingSteps) {
                stepsChosen = true;
            }
            stepGrid.build();
            addStepButton.setDisable(steps.size() >= FunnelStepGrid.MOST_STEPS);
        });
        windowAmount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 999, 7));
        windowUnit.getItems().setAll(WindowUnit.values());
        windowUnit.setConverter(Views.converter(unit -> text.get("funnel.view.unit." + unit.key())));
        windowUnit.setValue(WindowUnit.DAYS);
        orderChoice.getItems().setAll(StepOrder.values());
        orderChoice.setConverter(Views.converter(order -> text.get("funnel.view.order." + order.key())));
        orderChoice.setValue(StepOrder.STRICT);
        PopulationOption everyone = new PopulationOption(0, 0, "", "", text.get("funnel.view.everyone"));
        populationChoice.getItems().setAll(everyone);
        populationChoice.setValue(everyone);
        populationChoice.setConverter(Views.converter(PopulationOption::label));
        breakdownChoice.getItems().setAll(Breakdown.values());
        breakdownChoice.setConverter(Views.converter(b -> text.get("funnel.view.breakdown." + b.key())));
        breakdownChoice.setValue(Breakdown.NONE);
        segmentationChoice.setConverter(Views.converter(s -> format.names().segmentation(s.name())));
        for (javafx.scene.Node node : List.of(segmentationLabel, segmentationChoice)) {
            node.visibleProperty().bind(breakdownChoice.valueProperty().isEqualTo(Breakdown.SEGMENT));
            node.managedProperty().bind(node.visibleProperty());
        }
        periodChoice.getItems().setAll(Period.values());
        periodChoice.setConverter(Views.converter(p -> text.get("funnel.view.period." + p.key())));
        periodChoice.setValue(Period.MONTH);
        savedChoice.setConverter(Views.converter(FunnelStore.Saved::name));
        openButton.disableProperty().bind(savedChoice.valueProperty().isNull());
        renameButton.disableProperty().bind(savedChoice.valueProperty().isNull());
        deleteButton.disableProperty().bind(savedChoice.valueProperty().isNull());
        charts.buildTable(stepTable);
        peopleAxis.setTickLabelFormatter(FunnelCharts.wholeNumbers(text));
        ((NumberAxis) timeChart.getYAxis()).setTickLabelFormatter(FunnelCharts.wholeNumbers(text));
        explainAndOfferExports();
        resultTitle.setText(text.get("funnel.view.empty"));
        refreshSaved();
        run();
    }

    /** Before the project's activity is read, the steps any project may have. */
    private static List<String> offeredBeforeReading() {
        List<String> offered = new ArrayList<>(Funnels.KNOWN_KINDS);
        offered.add(FunnelDefinition.PURCHASE);
        return offered;
    }

    private void explainAndOfferExports() {
        glossary.attach(stepsLabel, Term.FUNNEL_STEP);
        glossary.attach(windowLabel, Term.CONVERSION_WINDOW);
        glossary.attach(orderLabel, Term.STEP_ORDER);
        glossary.attach(breakdownLabel, Term.BREAKDOWN);
        glossary.attach(funnelChart, Term.STEP_CONVERSION);
        glossary.attach(trendChart, Term.OVERALL_CONVERSION, Term.WILSON_INTERVAL);
        glossary.attach(timeChart, Term.TIME_TO_CONVERT);
        glossary.attach(factsLabel, Term.UNLINKED_BUYERS, Term.STILL_OPEN);
        exports.install(funnelChart, text.get("funnel.view.chart.funnel"));
        exports.install(stepTable, text.get("funnel.view.table"));
        exports.install(trendChart, text.get("funnel.view.trend"));
        exports.install(timeChart, text.get("funnel.view.time"));
    }

    @FXML
    private void addStep() {
        steps.add(FunnelDefinition.PURCHASE);
    }

    /** Reads the choices and counts the funnel in the background; F5 runs it too. */
    @FXML
    public void run() {
        if (runButton.isDisabled()) {
            return;
        }
        Optional<Request> request = request();
        if (request.isEmpty()) {
            return;
        }
        setRunning(true);
        Request asked = request.get();
        runner.run(text.get("funnel.view.running"), context -> count(asked, runProgress.around(context)),
                outcome -> {
                    setRunning(false);
                    show(outcome);
                }, this::failed, () -> {
                    setRunning(false);
                    resultTitle.getStyleClass().remove("problem");
                    resultTitle.setText(text.get("funnel.view.cancelled"));
                });
    }

    private Optional<Request> request() {
        List<String> chosen = stepsChosen ? List.copyOf(steps) : List.of();
        if (orderChoice.getValue() == StepOrder.ANY && new HashSet<>(steps).size() < steps.size()) {
            showProblem(text.get("funnel.view.error.repeatedInAnyOrder"));
            return Optional.empty();
        }
        Integer amount = windowAmount.getValue();
        if (amount == null || amount < 1) {
            showProblem(text.get("funnel.view.error.window"));
            return Optional.empty();
        }
        Breakdown breakdown = breakdownChoice.getValue();
        SegmentStore.Summary segmentation = segmentationChoice.getValue();
        if (breakdown == Breakdown.SEGMENT && segmentation == null) {
            showProblem(text.get("funnel.view.error.noSegmentation"));
            return Optional.empty();
        }
        return Optional.of(new Request(chosen, windowUnit.getValue().times(amount), orderChoice.getValue(), breakdown,
                periodChoice.getValue(), populationChoice.getValue(), segmentation));
    }

    /** On the worker thread: the snapshot (read once per data version), the population, the funnel and its trend. */
    private Outcome count(Request request, TaskContext context) throws Exception {
        ActivitySnapshot snapshot = snapshots.of(database, context);
        List<String> offered = FunnelChoices.offered(snapshot);
        List<String> used = request.steps().isEmpty() ? FunnelChoices.startingSteps(snapshot) : request.steps();
        FunnelDefinition definition = new FunnelDefinition(used, request.window(), request.order());
        try {
            Optional<BitSet> population = Optional.empty();
            PopulationOption chosen = request.population();
            SegmentStore store = new SegmentStore(database);
            if (chosen != null && chosen.segmentationId() != 0) {
                BitSet members = groups(snapshot, store.load(chosen.segmentationId())).members(chosen.segmentNo());
                if (members.isEmpty()) {
                    throw new FunnelException("funnel.view.error.emptySegment", chosen.segment(),
                            chosen.segmentation());
                }
                population = Optional.of(members);
            }
            Optional<PersonGroups> segments = request.breakdown() == Breakdown.SEGMENT
                    ? Optional.of(groups(snapshot, store.load(request.segmentation().id()))) : Optional.empty();
            FunnelResult result = Funnels.run(snapshot, new FunnelQuery(definition, request.breakdown(),
                    request.period(), segments, population), context);
            FunnelResult trend = request.breakdown() == Breakdown.PERIOD ? result : Funnels.run(snapshot,
                    new FunnelQuery(definition, Breakdown.PERIOD, request.period(), Optional.empty(), population),
                    context);
            return new Outcome(offered, used, definition, result, trend, null);
        } catch (FunnelException problem) {
            return new Outcome(offered, used, definition, null, null, format.reason(problem.reason(), definition));
        }
    }

    private PersonGroups groups(ActivitySnapshot snapshot, Segmentation segmentation) {
        return PersonGroups.ofFollowers(snapshot, segmentation.followerIds(), segmentation.segment(),
                segmentation.profiles().stream().map(SegmentProfile::name).map(format.names()::segment).toList());
    }

    private void show(Outcome outcome) {
        stepGrid.offer(outcome.offered());
        if (!stepsChosen && !outcome.steps().equals(steps)) {
            applyingSteps = true;
            steps.setAll(outcome.steps());
            applyingSteps = false;
        }
        if (outcome.problem() != null) {
            showProblem(outcome.problem());
            return;
        }
        FunnelResult result = outcome.result();
        FunnelDefinition definition = outcome.definition();
        resultTitle.getStyleClass().remove("problem");
        funnelChartPane.setPlaceholder(text.get("funnel.view.chart.empty"));
        List<String> names = definition.steps();
        resultTitle.setText(text.get("funnel.view.headline", text.integer(result.overall().entered()),
                format.step(names.getFirst()), text.integer(result.overall().converted()),
                format.step(names.getLast()), result.overall().steps().getLast().overallConversion()
                        .map(p -> format.rate(p.rate())).orElse("\u2013"), format.window(definition.window()),
                text.get("funnel.view.orderShort." + definition.order().key())));
        factsLabel.setText(text.get("funnel.view.facts", text.integer(result.unlinkedBuyers()),
                text.integer(result.overall().stillOpen()), format.window(definition.window())));
        List<String> notes = new ArrayList<>();
        for (Reason note : result.notes()) {
            notes.add(format.reason(note, definition));
        }
        if (result.breakdown() != Breakdown.NONE && !FunnelCharts.drawsGroups(result)) {
            notes.add(text.get(result.groups().isEmpty() ? "funnel.view.noGroups" : "funnel.view.tooManyGroups",
                    text.integer(result.groups().size())));
        }
        notesLabel.setText(String.join("\n", notes));
        charts.showFunnel(result, funnelChart);
        charts.showTable(result, stepTable);
        charts.showTrend(outcome.trend(), trendChart, trendAxis);
        charts.showTimes(result, timeChart);
    }

    /** Says in the view why there is nothing to show, in the places the figures would be. */
    private void showProblem(String problem) {
        if (!resultTitle.getStyleClass().contains("problem")) {
            resultTitle.getStyleClass().add("problem");
        }
        resultTitle.setText(problem);
        factsLabel.setText("");
        notesLabel.setText("");
        funnelChartPane.setPlaceholder(problem);
        funnelChart.getData().clear();
        funnelChart.setLabels(java.util.Map.of());
        stepTable.getItems().clear();
        trendChart.getData().clear();
        trendChart.setBands(List.of());
        timeChart.getData().clear();
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    // Saved funnels

    @FXML
    private void save() {
        Optional<Request> request = request();
        if (request.isEmpty()) {
            return;
        }
        Request asked = request.get();
        FunnelDefinition definition = new FunnelDefinition(List.copyOf(steps), asked.window(), asked.order());
        Dialogs dialogs = new Dialogs(text, window());
        dialogs.askText(text.get("funnel.view.save.title"), text.get("funnel.view.save.header"), savedName)
                .ifPresent(name -> {
                    boolean taken = savedChoice.getItems().stream().anyMatch(f -> f.name().equals(name.strip()));
                    if (taken && !dialogs.confirm(text.get("funnel.view.save.title"),
                            text.get("funnel.view.save.replace", name.strip()))) {
                        return;
                    }
                    runner.run(text.get("funnel.view.saving"), context -> {
                        FunnelStore store = new FunnelStore(database);
                        store.save(name, definition, asked.breakdown(), asked.period());
                        return store.list();
                    }, saved -> {
                        savedName = name.strip();
                        showSaved(saved);
                    }, this::failed);
                });
    }

    @FXML
    private void openSaved() {
        FunnelStore.Saved chosen = savedChoice.getValue();
        if (chosen == null) {
            return;
        }
        FunnelDefinition definition = chosen.definition();
        stepsChosen = true;
        steps.setAll(definition.steps());
        WindowUnit unit = WindowUnit.largestDividing(definition.window());
        windowUnit.setValue(unit);
        windowAmount.getValueFactory().setValue((int) (definition.window().toSeconds() / unit.seconds()));
        orderChoice.setValue(definition.order());
        breakdownChoice.setValue(chosen.breakdown());
        periodChoice.setValue(chosen.period());
        savedName = chosen.name();
        updateSavedName();
        run();
    }

    @FXML
    private void renameSaved() {
        FunnelStore.Saved chosen = savedChoice.getValue();
        if (chosen == null) {
            return;
        }
        new Dialogs(text, window()).askText(text.get("funnel.view.rename.title"),
                text.get("funnel.view.rename.header", chosen.name()), chosen.name()).ifPresent(name ->
                runner.run(text.get("funnel.view.saving"), context -> {
                    FunnelStore store = new FunnelStore(database);
                    store.rename(chosen.name(), name);
                    return store.list();
                }, saved -> {
                    if (savedName.equals(chosen.name())) {
                        savedName = name.strip();
                    }
                    showSaved(saved);
                    select(name.strip());
                }, this::failed));
    }

    @FXML
    private void deleteSaved() {
        FunnelStore.Saved chosen = savedChoice.getValue();
        if (chosen == null || !new Dialogs(text, window()).confirm(text.get("funnel.view.delete.title"),
                text.get("funnel.view.delete.confirm", chosen.name()))) {
            return;
        }
        runner.run(text.get("funnel.view.deleting"), context -> {
            FunnelStore store = new FunnelStore(database);
            store.delete(chosen.name());
            return store.list();
        }, saved -> {
            if (savedName.equals(chosen.name())) {
                savedName = "";
            }
            showSaved(saved);
        }, this::failed);
    }

    /** Reads the saved funnels and segmentations (for the population and the breakdown by segment). */
    private void refreshSaved() {
        runner.run(text.get("funnel.view.loadingSaved"), context -> {
            SegmentStore store = new SegmentStore(database);
            List<SegmentStore.Summary> segmentations = store.list();
            List<PopulationOption> segments = new ArrayList<>();
            for (SegmentStore.Summary summary : segmentations) {
                for (SegmentProfile profile : store.profiles(summary.id())) {
                    String segmentation = format.names().segmentation(summary.name());
                    String segment = format.names().segment(profile.name());
                    segments.add(new PopulationOption(summary.id(), profile.number(), segmentation, segment,
                            segmentation + " \u00b7 " + segment));
                }
            }
            return new SavedLists(new FunnelStore(database).list(), segmentations, segments);
        }, lists -> {
            showSaved(lists.funnels());
            populationChoice.getItems().addAll(lists.segments());
            segmentationChoice.getItems().setAll(lists.segmentations());
            if (!lists.segmentations().isEmpty()) {
                segmentationChoice.setValue(lists.segmentations().getFirst());
            }
        }, this::failed);
    }

    private void showSaved(List<FunnelStore.Saved> saved) {
        savedChoice.getItems().setAll(saved);
        select(savedName);
        updateSavedName();
    }

    private void select(String name) {
        savedChoice.getItems().stream().filter(funnel -> funnel.name().equals(name)).findFirst()
                .ifPresent(savedChoice::setValue);
    }

    private void updateSavedName() {
        savedNameLabel.setText(savedName.isEmpty() ? "" : text.get("funnel.view.saved.current", savedName));
    }

    private void failed(Throwable failure) {
        setRunning(false);
        Dialogs dialogs = new Dialogs(text, window());
        if (failure instanceof FunnelException problem) {
            dialogs.error(text.get("funnels.tab.funnel"), text.get("funnel.view.cannotSave"),
                    format.reason(problem.reason(), null));
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
