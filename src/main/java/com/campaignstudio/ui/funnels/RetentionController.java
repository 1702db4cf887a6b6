package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.PersonGroups;
import com.campaignstudio.ltv.ExpectedRevenueCurve;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.retention.Activity;
import com.campaignstudio.retention.Cohort;
import com.campaignstudio.retention.CohortBasis;
import com.campaignstudio.retention.Retention;
import com.campaignstudio.retention.RetentionException;
import com.campaignstudio.retention.RetentionResult;
import com.campaignstudio.retention.RetentionSettings;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The Retention tab: cohorts by first purchase or follow, by week or month, of everyone or a saved segment; the share
 * of each cohort active in each later period as a heat map, retention curves, revenue retention by cohort and by
 * acquisition platform with the lifetime-value model's expected curve over it, and the consecutive / total active
 * days ratio. The snapshot and the table are made in the background, with retentionProgress and Cancel.
 */
public final class RetentionController {

    /** The cohorts and the periods after the cohort's own a table shows: a year of months, a quarter of weeks. */
    static final int COHORTS = 12;
    static final int PERIODS = 12;

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Snapshots snapshots;
    private final ObservableValue<LtvResult> lifetimeValue;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final RunProgress runProgress;
    private final RetentionCharts charts;
    private final ChangeListener<LtvResult> fitListener = (observable, old, fit) -> showExpected();
    private RetentionResult shown;

    /** A segment to keep to, as offered in the population choice (segmentation 0: everyone). */
    record SegmentOption(long segmentationId, int segmentNo, String label) {
    }

    @FXML
    private ComboBox<CohortBasis> retentionBasisChoice;
    @FXML
    private ComboBox<Period> retentionPeriodChoice;
    @FXML
    private ComboBox<Activity> retentionActivityChoice;
    @FXML
    private ComboBox<SegmentOption> retentionSegmentChoice;
    @FXML
    private Button retentionRunButton;
    @FXML
    private Button retentionCancelButton;
    @FXML
    private ProgressBar retentionProgress;
    @FXML
    private Label retentionResultTitle;
    @FXML
    private Label retentionStateLabel;
    @FXML
    private VBox retentionResultsBox;
    @FXML
    private Label retentionHeatMapNote;
    @FXML
    private GridPane retentionHeatMap;
    @FXML
    private LineChart<Number, Number> retentionCurveChart;
    @FXML
    private LineChart<Number, Number> retentionRevenueChart;
    @FXML
    private LineChart<Number, Number> retentionPlatformChart;
    @FXML
    private Label retentionExpectedNote;
    @FXML
    private Label retentionStreakNote;
    @FXML
    private BarChart<String, Number> retentionStreakChart;
    @FXML
    private TableView<RetentionCharts.CellRow> retentionCohortTable;
    @FXML
    private TableView<RetentionCharts.PlatformRow> retentionPlatformTable;

    RetentionController(ProjectDatabase database, BackgroundRunner runner, UiText text, Snapshots snapshots,
                        ObservableValue<LtvResult> lifetimeValue, Glossary glossary, ExportMenu exports) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.snapshots = snapshots;
        this.lifetimeValue = lifetimeValue;
        this.glossary = glossary;
        this.exports = exports;
        this.runProgress = new RunProgress(text.bundle());
        this.charts = new RetentionCharts(text);
    }

    @FXML
    private void initialize() {
        retentionProgress.progressProperty().bind(runProgress.fractionProperty());
        retentionProgress.managedProperty().bind(retentionProgress.visibleProperty());
        retentionBasisChoice.getItems().setAll(CohortBasis.values());
        retentionBasisChoice.setConverter(Views.converter(basis -> text.get("retention.basis." + basis.key())));
        retentionBasisChoice.setValue(CohortBasis.PURCHASE);
        retentionPeriodChoice.getItems().setAll(Period.values());
        retentionPeriodChoice.setConverter(Views.converter(period -> text.get("retention.period." + period.key())));
        retentionPeriodChoice.setValue(Period.MONTH);
        retentionActivityChoice.getItems().setAll(Activity.values());
        retentionActivityChoice.setConverter(Views.converter(activity -> text.get("retention.activity." + activity.key())));
        retentionActivityChoice.setValue(Activity.PURCHASE);
        retentionSegmentChoice.setConverter(Views.converter(SegmentOption::label));
        retentionSegmentChoice.setOnShowing(event -> loadSegments());
        charts.build(retentionCohortTable, retentionPlatformTable);
        glossary.attach(retentionHeatMapNote, Term.WILSON_INTERVAL);
        glossary.attach(retentionExpectedNote, Term.BG_NBD, Term.GAMMA_GAMMA);
        exports.install(retentionHeatMap, text.get("retention.heatMap"));
        exports.install(retentionCurveChart, text.get("retention.chart.curves"));
        exports.install(retentionRevenueChart, text.get("retention.chart.revenue"));
        exports.install(retentionPlatformChart, text.get("retention.chart.platform"));
        exports.install(retentionStreakChart, text.get("retention.chart.streaks"));
        exports.install(retentionCohortTable, text.get("retention.table.cohorts"));
        exports.install(retentionPlatformTable, text.get("retention.table.platforms"));
        lifetimeValue.addListener(new WeakChangeListener<>(fitListener));
        show(null);
        loadSegments();
    }

    /**
     * Offers everyone and each segment of the saved segmentations. Asked again whenever the list opens, as segments
     * saved meanwhile (this view lives as long as the open project) are to be offered too; the choice stays.
     */
    private void loadSegments() {
        SegmentOption everyone = new SegmentOption(0, 0, text.get("retention.everyone"));
        if (retentionSegmentChoice.getItems().isEmpty()) {
            retentionSegmentChoice.getItems().setAll(everyone);
            retentionSegmentChoice.setValue(everyone);
        }
        DefaultNames names = new DefaultNames(text);
        runner.run(text.get("segments.loadingSaved"), context -> {
            SegmentStore store = new SegmentStore(database);
            List<SegmentOption> options = new ArrayList<>(List.of(everyone));
            for (SegmentStore.Summary summary : store.list()) {
                for (SegmentProfile profile : store.profiles(summary.id())) {
                    options.add(new SegmentOption(summary.id(), profile.number(),
                            names.segmentation(summary.name()) + " \u00b7 " + names.segment(profile.name())));
                }
            }
            return options;
        }, options -> {
            if (!options.equals(retentionSegmentChoice.getItems())) {
                SegmentOption chosen = retentionSegmentChoice.getValue();
                retentionSegmentChoice.getItems().setAll(options);
                retentionSegmentChoice.setValue(options.contains(chosen) ? chosen : everyone);
            }
        }, this::failed);
    }

    /** Makes the table for the choices on show, in the background. */
    @FXML
    void run() {
        if (retentionRunButton.isDisabled()) {
            return;
        }
        RetentionSettings settings = new RetentionSettings(retentionBasisChoice.getValue(), retentionPeriodChoice.getValue(),
                retentionActivityChoice.getValue(), COHORTS, PERIODS);
        SegmentOption segment = retentionSegmentChoice.getValue();
        setRunning(true);
        runner.run(text.get("retention.running"), context -> {
            TaskContext inner = runProgress.around(context);
            ActivitySnapshot snapshot = snapshots.of(database, inner);
            Optional<BitSet> population = segment == null || segment.segmentationId() == 0 ? Optional.empty()
                    : Optional.of(members(snapshot, segment));
            inner.checkCancelled();
            return Retention.run(snapshot, settings, population, inner);
        }, result -> {
            setRunning(false);
            show(result);
        }, this::failed, () -> setRunning(false));
    }

    private BitSet members(ActivitySnapshot snapshot, SegmentOption segment) throws java.sql.SQLException {
        Segmentation segmentation = new SegmentStore(database).load(segment.segmentationId());
        return PersonGroups.ofFollowers(snapshot, segmentation.followerIds(), segmentation.segment(),
                segmentation.profiles().stream().map(SegmentProfile::name).toList()).members(segment.segmentNo());
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        retentionCancelButton.setDisable(true);
    }

    private void show(RetentionResult result) {
        shown = result;
        boolean any = result != null;
        retentionResultsBox.setVisible(any);
        retentionResultsBox.setManaged(any);
        if (!any) {
            retentionResultTitle.setText("");
            retentionStateLabel.setText(text.get("retention.empty"));
            return;
        }
        long members = result.cohorts().stream().mapToLong(Cohort::size).sum();
        RetentionSettings settings = result.settings();
        retentionResultTitle.setText(text.get("retention.result", text.integer(members),
                text.get("retention.basis." + settings.cohort().key()),
                text.get("retention.period." + settings.period().key()),
                text.get("retention.activity." + settings.activity().key()),
                retentionSegmentChoice.getValue() == null ? "" : retentionSegmentChoice.getValue().label()));
        List<String> lines = new ArrayList<>();
        if (members == 1) {
            lines.add(text.get("retention.onlyOne"));
        }
        long small = result.cohorts().stream().filter(c -> c.size() > 0 && c.size() < RetentionCharts.SMALL_COHORT)
                .count();
        if (small > 0 && members > 1) {
            lines.add(text.get("retention.smallCohorts", small, RetentionCharts.SMALL_COHORT));
        }
        result.notes().stream().map(note -> note.in(text.bundle())).forEach(lines::add);
        retentionStateLabel.setText(String.join("\n", lines));
        retentionHeatMapNote.setText(charts.showHeatMap(result, retentionHeatMap));
        charts.showCurves(result, retentionCurveChart);
        charts.showStreaks(result.streaks(), retentionStreakChart, retentionStreakNote);
        showExpected();
    }

    /** Revenue retention, with the curve the lifetime-value fit on show expects over it (drawn again when it changes). */
    private void showExpected() {
        if (shown == null) {
            return;
        }
        LtvResult fit = lifetimeValue.getValue();
        Optional<ExpectedRevenueCurve> curve = Optional.empty();
        if (shown.settings().cohort() == CohortBasis.FOLLOW) {
            retentionExpectedNote.setText(text.get("retention.expected.followCohorts"));
        } else if (fit == null) {
            retentionExpectedNote.setText(text.get("retention.expected.noFit"));
        } else {
            curve = ExpectedRevenueCurve.of(fit);
            retentionExpectedNote.setText(curve.map(c -> text.get("retention.expected.drawn", text.yuan(c.orderValue()),
                    text.integer(fit.summary().size()), fit.summary().calibrationEnd().toString(),
                    text.get(fit.settings().platform() == null && fit.settings().segmentationId() == 0
                            ? "retention.expected.everyone" : "retention.expected.part")))
                    .orElse(text.get("retention.expected.noSpendModel")));
        }
        charts.showRevenue(shown, curve, retentionRevenueChart, retentionPlatformChart, retentionCohortTable, retentionPlatformTable);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        if (failure instanceof RetentionException problem) {
            show(null);
            retentionStateLabel.setText(problem.reason().in(text.bundle()));
        } else {
            new Dialogs(text, window()).unexpected(failure);
        }
    }

    private void setRunning(boolean running) {
        retentionRunButton.setDisable(running);
        retentionCancelButton.setDisable(!running);
        retentionProgress.setVisible(running);
    }

    private Window window() {
        return retentionRunButton.getScene() == null ? null : retentionRunButton.getScene().getWindow();
    }
}
