package com.campaignstudio.ui.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlanReview;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.ScheduleReviews;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleStore;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.TableSnapshot;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compare &amp; review: two saved schedules side by side (the totals predicted when each was saved, and both
 * re-simulated with the current model for their reach over time); a saved schedule whose period has begun against
 * the posts actually published; and how well the plans whose period has ended predicted (calibration). The saved
 * schedules are read, and the timelines simulated, in the background with progress and Cancel.
 */
public final class ScheduleReviewController {

    static final String VIEW = "ScheduleReviewView.fxml";
    /** The figures counted per post, hence checkable against a published post. */
    static final List<Metric> CHECKED = List.of(Metric.REACH, Metric.ENGAGEMENTS, Metric.CLICKS);

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final RunProgress runProgress;
    private final ReviewFormats formats;
    private final ReviewTables tables;
    private final ReviewCharts charts;
    private final Snapshots snapshots;
    private ScheduleReviews reviews;
    /** Which comparison the timelines on show belong to; a slower earlier run does not overwrite a later one. */
    private int timelineRun;
    private boolean showing;

    @FXML
    private VBox reviewPage;
    @FXML
    private Button reviewRefreshButton;
    @FXML
    private Button reviewCancelButton;
    @FXML
    private ProgressBar reviewProgress;
    @FXML
    private Label reviewCompareTitle;
    @FXML
    private Label reviewCompareEmpty;
    @FXML
    private VBox reviewCompareBox;
    @FXML
    private ComboBox<ScheduleStore.Saved> reviewCompareA;
    @FXML
    private ComboBox<ScheduleStore.Saved> reviewCompareB;
    @FXML
    private TableView<ReviewTables.CompareRow> reviewCompareTable;
    @FXML
    private LineChart<Number, Number> reviewTimelineChart;
    @FXML
    private Label reviewTimelineState;
    @FXML
    private Label reviewActualEmpty;
    @FXML
    private VBox reviewActualBox;
    @FXML
    private ComboBox<String> reviewActualChoice;
    @FXML
    private ComboBox<Metric> reviewMetricChoice;
    @FXML
    private Label reviewActualSummary;
    @FXML
    private IntervalPointChart reviewActualChart;
    @FXML
    private TableView<ReviewTables.PlanRow> reviewActualTable;
    @FXML
    private Label reviewUnplannedTitle;
    @FXML
    private TableView<PlanReview.PublishedPost> reviewUnplannedTable;
    @FXML
    private Label reviewCalibrationTitle;
    @FXML
    private Label reviewCalibrationLine;
    @FXML
    private Label reviewCalibrationMeaning;

    /** @param snapshots the application's activity snapshots, which the model behind the timelines reads */
    public ScheduleReviewController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                                    Glossary glossary, ExportMenu exports) {
        this.database = database;
        this.snapshots = snapshots;
        this.runner = runner;
        this.text = text;
        this.glossary = glossary;
        this.exports = exports;
        this.runProgress = new RunProgress(text.bundle());
        this.formats = new ReviewFormats(text);
        this.tables = new ReviewTables(text, formats, glossary);
        this.charts = new ReviewCharts(text, formats);
    }

    /** The view, with this controller; it reads the saved schedules as it opens. */
    public Parent load() {
        return Views.load(VIEW, this, text);
    }

    @FXML
    private void initialize() {
        reviewProgress.progressProperty().bind(runProgress.fractionProperty());
        reviewProgress.managedProperty().bind(reviewProgress.visibleProperty());
        for (ComboBox<ScheduleStore.Saved> choice : List.of(reviewCompareA, reviewCompareB)) {
            choice.setConverter(Views.converter(ScheduleStore.Saved::name));
            choice.valueProperty().addListener((observable, old, saved) -> compare());
        }
        reviewActualChoice.valueProperty().addListener((observable, old, name) -> showActual());
        reviewMetricChoice.getItems().setAll(CHECKED);
        reviewMetricChoice.setConverter(Views.converter(formats::metric));
        reviewMetricChoice.setValue(Metric.REACH);
        reviewMetricChoice.valueProperty().addListener((observable, old, metric) -> showActual());
        ((NumberAxis) reviewTimelineChart.getYAxis()).setTickLabelFormatter(text.axisNumbers());
        ((NumberAxis) reviewActualChart.getYAxis()).setTickLabelFormatter(text.axisNumbers());
        tables.buildCompare(reviewCompareTable);
        tables.buildPlan(reviewActualTable, Metric.REACH);
        tables.buildUnplanned(reviewUnplannedTable);
        glossary.attach(reviewCompareTitle, Term.PLAN_INTERVAL);
        glossary.attach(reviewCalibrationTitle, Term.CALIBRATION, Term.PLAN_INTERVAL);
        exports.install(reviewCompareTable, text.get("review.export.compare"));
        exports.install(reviewTimelineChart, text.get("review.export.timeline"));
        exports.install(reviewActualChart, text.get("review.export.actualChart"));
        exports.install(reviewActualTable, () -> text.get("review.export.actual") + "-"
                + formats.metric(reviewMetricChoice.getValue()), () -> TableSnapshot.of(reviewActualTable));
        exports.install(reviewUnplannedTable, text.get("review.export.unplanned"));
        show(reviewCompareBox, false);
        show(reviewActualBox, false);
        reviewCompareEmpty.setText(text.get("review.reading"));
        refresh();
    }

    /** Reads the saved schedules again (after one was saved in the Planner, or posts were imported). */
    @FXML
    public void refresh() {
        if (reviewRefreshButton.isDisabled()) {
            return;
        }
        setRunning(true);
        runner.run(text.get("review.running"), context -> {
            TaskContext inner = runProgress.around(context);
            LocalDateTime now = LocalDateTime.now(ProjectSettings.read(database).zone());
            return ScheduleReviews.read(database, now, inner);
        }, read -> {
            setRunning(false);
            show(read);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        reviewCancelButton.setDisable(true);
    }

    private void show(ScheduleReviews read) {
        reviews = read;
        showing = true;
        List<ScheduleStore.Saved> saved = read.saved();
        boolean comparable = saved.size() >= 2;
        reviewCompareEmpty.setText(comparable ? "" : text.get("review.compare.empty", text.integer(saved.size())));
        show(reviewCompareEmpty, !comparable);
        show(reviewCompareBox, comparable);
        String a = Optional.ofNullable(reviewCompareA.getValue()).map(ScheduleStore.Saved::name).orElse(null);
        String b = Optional.ofNullable(reviewCompareB.getValue()).map(ScheduleStore.Saved::name).orElse(null);
        showing = false;
        reviewCompareA.getItems().setAll(saved);
        reviewCompareB.getItems().setAll(saved);
        if (comparable) {
            // The newest as B against the one saved before it, unless the user had chosen.
            reviewCompareA.setValue(byName(saved, a).orElse(saved.get(1)));
            reviewCompareB.setValue(byName(saved, b).orElse(saved.get(0)));
            compare();
        }
        String chosen = reviewActualChoice.getValue();
        reviewActualChoice.getItems().setAll(read.begun().keySet());
        boolean begun = !read.begun().isEmpty();
        show(reviewActualEmpty, !begun);
        show(reviewActualBox, begun);
        reviewActualEmpty.setText(begun ? "" : text.get(saved.isEmpty() ? "review.actual.noneSaved"
                : "review.actual.notBegun"));
        if (begun) {
            reviewActualChoice.setValue(read.begun().containsKey(chosen) ? chosen
                    : read.begun().keySet().iterator().next());
            showActual();
        }
        showCalibration(read);
    }

    private static Optional<ScheduleStore.Saved> byName(List<ScheduleStore.Saved> saved, String name) {
        return saved.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The chosen pair's saved totals at once; their timelines once simulated in the background. */
    private void compare() {
        ScheduleStore.Saved a = reviewCompareA.getValue();
        ScheduleStore.Saved b = reviewCompareB.getValue();
        if (showing || a == null || b == null) {
            return;
        }
        reviewCompareTable.getItems().setAll(Arrays.stream(Metric.values()).map(metric -> new ReviewTables.CompareRow(
                metric, a.prediction().total().get(metric), b.prediction().total().get(metric))).toList());
        reviewTimelineChart.getData().clear();
        reviewTimelineChart.setTitle(text.get("review.chart.timeline", a.name(), b.name()));
        reviewTimelineState.setText(text.get("review.timeline.running"));
        int run = ++timelineRun;
        setRunning(true);
        runner.run(text.get("review.timeline.running"), context -> {
            TaskContext inner = runProgress.around(context);
            Map<ScheduleSettings, Simulator> simulators = new HashMap<>();
            List<double[]> totals = new ArrayList<>();
            for (ScheduleStore.Saved saved : List.of(a, b)) {
                inner.checkCancelled();
                Simulator simulator = simulators.get(saved.settings());
                if (simulator == null) {
                    simulator = new Simulator(ScheduleModels.build(database, snapshots, saved.settings(), inner)
                            .model());
                    simulators.put(saved.settings(), simulator);
                }
                totals.add(ReviewCharts.total(simulator.simulate(saved.plan()).cumulativeReach()));
            }
            return totals;
        }, totals -> {
            setRunning(false);
            if (run == timelineRun) {
                charts.showTimelines(reviewTimelineChart, List.of(a.name(), b.name()), totals);
                reviewTimelineState.setText(text.get("review.timeline.hint"));
            }
        }, failure -> {
            reviewTimelineState.setText("");
            failed(failure);
        }, () -> {
            setRunning(false);
            reviewTimelineState.setText(text.get("review.timeline.cancelled"));
        });
    }

    private void showActual() {
        String name = reviewActualChoice.getValue();
        Metric metric = reviewMetricChoice.getValue();
        if (reviews == null || name == null || metric == null || !reviews.begun().containsKey(name)) {
            return;
        }
        PlanReview review = reviews.begun().get(name);
        List<PlanReview.Row> rows = review.rows();
        long matched = rows.stream().filter(row -> row.actual().isPresent()).count();
        long inside = rows.stream().filter(row -> row.inside(metric).orElse(false)).count();
        long early = rows.stream().filter(PlanReview.Row::early).count();
        List<String> summary = new ArrayList<>();
        summary.add(text.get("review.actual.summary", text.integer(rows.size()), text.integer(matched),
                text.integer(inside), formats.metric(metric), text.integer(review.unplanned().size())));
        if (early > 0) {
            summary.add(text.get("review.actual.early", text.integer(early)));
        }
        reviewActualSummary.setText(String.join(" ", summary));
        tables.buildPlan(reviewActualTable, metric);
        reviewActualTable.getItems().setAll(rows.stream().map(row -> new ReviewTables.PlanRow(row, metric)).toList());
        reviewActualChart.setTitle(text.get("review.chart.actualTitle", formats.metric(metric)));
        charts.showPlanVsActual(reviewActualChart, rows, metric);
        reviewUnplannedTable.getItems().setAll(review.unplanned());
        boolean unplanned = !review.unplanned().isEmpty();
        reviewUnplannedTitle.setText(text.get(unplanned ? "review.unplanned" : "review.unplanned.none"));
        show(reviewUnplannedTable, unplanned);
    }

    private void showCalibration(ScheduleReviews read) {
        PlanReview.Calibration calibration = read.calibration();
        if (calibration.inside().isEmpty()) {
            reviewCalibrationLine.setText(text.get(read.ended() == 0 ? "review.calibration.noneEnded"
                    : "review.calibration.noneMatched"));
            reviewCalibrationMeaning.setText(text.get("review.calibration.meaning"));
            return;
        }
        Proportion inside = calibration.inside().get();
        reviewCalibrationLine.setText(text.get("review.calibration.line", text.integer(calibration.posts()),
                text.integer(read.ended()), text.percent(inside.rate()), text.percent(inside.low()),
                text.percent(inside.high()), median(calibration.medianRatio())));
        String verdict = inside.high() < 0.8 ? "review.calibration.overConfident"
                : inside.low() > 0.8 ? "review.calibration.cautious" : "review.calibration.fits";
        reviewCalibrationMeaning.setText(text.get("review.calibration.meaning") + " " + text.get(verdict));
    }

    private String median(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "\u2013";
        }
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(ratio);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        new Dialogs(text, window()).unexpected(failure);
    }

    private void setRunning(boolean running) {
        reviewRefreshButton.setDisable(running);
        reviewCancelButton.setDisable(!running);
        reviewProgress.setVisible(running);
    }

    private Window window() {
        return reviewPage.getScene() == null ? null : reviewPage.getScene().getWindow();
    }
}
