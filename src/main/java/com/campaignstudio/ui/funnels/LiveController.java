package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.funnels.LiveFeatures;
import com.campaignstudio.funnels.LiveFigures;
import com.campaignstudio.funnels.LiveResult;
import com.campaignstudio.funnels.LiveSelling;
import com.campaignstudio.funnels.LiveSessions;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
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
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Live selling tab: per session viewers → engaged → buyers and revenue, conversion = buyers / viewers with its
 * 95% Wilson interval, sessions over time and by platform, revenue per viewer-minute, and which kinds of session go
 * with higher conversion (an association, said as one). Read in the background, with liveProgress and Cancel.
 */
public final class LiveController {

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final RunProgress runProgress;
    private final LiveTables tables;
    private List<LiveFeatures.Comparison> comparisons = List.of();

    @FXML
    private ComboBox<Period> livePeriodChoice;
    @FXML
    private Button liveRunButton;
    @FXML
    private Button liveCancelButton;
    @FXML
    private ProgressBar liveProgress;
    @FXML
    private Label liveResultTitle;
    @FXML
    private Label liveStateLabel;
    @FXML
    private VBox liveResultsBox;
    @FXML
    private BarChart<String, Number> liveFunnelChart;
    @FXML
    private IntervalPointChart liveTimeChart;
    @FXML
    private IntervalPointChart livePlatformChart;
    @FXML
    private BarChart<String, Number> liveMinuteChart;
    @FXML
    private Label liveFeatureLabel;
    @FXML
    private ComboBox<LiveFeatures.Feature> liveFeatureChoice;
    @FXML
    private Label liveFeatureSummary;
    @FXML
    private IntervalPointChart liveFeatureChart;
    @FXML
    private TableView<LiveTables.GroupRow> liveFeatureTable;
    @FXML
    private TableView<LiveTables.GroupRow> livePlatformTable;
    @FXML
    private TableView<LiveTables.GroupRow> livePeriodTable;
    @FXML
    private TableView<LiveTables.SessionRow> liveSessionTable;

    LiveController(ProjectDatabase database, BackgroundRunner runner, UiText text, Glossary glossary,
                   ExportMenu exports) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.glossary = glossary;
        this.exports = exports;
        this.runProgress = new RunProgress(text.bundle());
        this.tables = new LiveTables(text);
    }

    @FXML
    private void initialize() {
        liveProgress.progressProperty().bind(runProgress.fractionProperty());
        liveProgress.managedProperty().bind(liveProgress.visibleProperty());
        livePeriodChoice.getItems().setAll(Period.values());
        livePeriodChoice.setConverter(Views.converter(period -> text.get("retention.period." + period.key())));
        livePeriodChoice.setValue(Period.MONTH);
        liveFeatureChoice.getItems().setAll(LiveFeatures.Feature.values());
        liveFeatureChoice.setConverter(Views.converter(feature -> text.get("live.feature." + feature.key())));
        liveFeatureChoice.setValue(LiveFeatures.Feature.LENGTH);
        liveFeatureChoice.valueProperty().addListener((observable, old, feature) -> showFeature());
        tables.buildSessions(liveSessionTable);
        tables.buildGroups(livePlatformTable, text.get("live.col.platform"), false);
        tables.buildGroups(livePeriodTable, text.get("live.col.period"), false);
        tables.buildGroups(liveFeatureTable, text.get("live.col.group"), true);
        glossary.attach(liveFeatureLabel, Term.WILSON_INTERVAL);
        glossary.attach(liveTimeChart, Term.WILSON_INTERVAL);
        exports.install(liveFunnelChart, text.get("live.chart.funnel"));
        exports.install(liveTimeChart, text.get("live.chart.time"));
        exports.install(livePlatformChart, text.get("live.chart.platform"));
        exports.install(liveMinuteChart, text.get("live.chart.minute"));
        exports.install(liveFeatureChart, text.get("live.chart.feature"));
        exports.install(liveFeatureTable, text.get("live.table.features"));
        exports.install(livePlatformTable, text.get("live.table.platforms"));
        exports.install(livePeriodTable, text.get("live.table.periods"));
        exports.install(liveSessionTable, text.get("live.table.sessions"));
        liveResultsBox.setVisible(false);
        liveResultsBox.setManaged(false);
        liveStateLabel.setText(text.get("live.empty"));
    }

    /** Reads the sessions and summarises them for the period on show, in the background. */
    @FXML
    void run() {
        if (liveRunButton.isDisabled()) {
            return;
        }
        Period period = livePeriodChoice.getValue();
        setRunning(true);
        runner.run(text.get("live.running"), context -> {
            TaskContext inner = runProgress.around(context);
            LiveSessions sessions = LiveSessions.read(database);
            inner.checkCancelled();
            LiveResult result = LiveSelling.summarize(sessions.sessions(), sessions.platforms(), period);
            return new Read(sessions, result, LiveFeatures.compare(sessions.sessions(), sessions.platforms()));
        }, read -> {
            setRunning(false);
            show(read);
        }, this::failed, () -> setRunning(false));
    }

    private record Read(LiveSessions sessions, LiveResult result, List<LiveFeatures.Comparison> comparisons) {
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        liveCancelButton.setDisable(true);
    }

    private void show(Read read) {
        LiveResult result = read.result();
        LiveFigures total = result.total();
        liveResultsBox.setVisible(true);
        liveResultsBox.setManaged(true);
        liveResultTitle.setText(text.get("live.result", text.integer(total.sessions()), text.integer(total.viewers()),
                text.integer(total.buyers()), total.conversion().map(rate -> tables.percent(rate.rate())).orElse("\u2013"),
                total.conversion().map(rate -> tables.percent(rate.low())).orElse("\u2013"),
                total.conversion().map(rate -> tables.percent(rate.high())).orElse("\u2013"),
                text.yuan(total.revenue()), total.revenuePerViewerMinute().isPresent()
                        ? tables.perViewerMinute(total.revenuePerViewerMinute().getAsDouble()) : "\u2013"));
        List<String> notes = new ArrayList<>(result.notes().stream().map(note -> note.in(text.bundle())).toList());
        notes.add(text.get("live.howToRead"));
        liveStateLabel.setText(String.join("\n", notes));
        showFunnel(total);
        String periodName = text.get("retention.period." + result.period().key());
        liveTimeChart.setTitle(text.get("live.chart.time.title", periodName));
        List<LiveTables.GroupRow> byPeriod = result.byPeriod().stream()
                .map(f -> new LiveTables.GroupRow(periodName, f.label().in(text.locale()), f)).toList();
        List<LiveTables.GroupRow> byPlatform = result.byPlatform().stream()
                .map(f -> new LiveTables.GroupRow("", f.label().in(text.locale()), f)).toList();
        tables.showConversion(byPeriod, liveTimeChart);
        tables.showConversion(byPlatform, livePlatformChart);
        tables.showPerViewerMinute(byPlatform, liveMinuteChart);
        livePeriodTable.getItems().setAll(byPeriod);
        livePlatformTable.getItems().setAll(byPlatform);
        liveSessionTable.getItems().setAll(IntStream.range(0, result.sessions().size()).mapToObj(i -> {
            var session = read.sessions().sessions().get(i);
            var platform = read.sessions().platforms().get(session.platformId());
            return new LiveTables.SessionRow(session, platform == null ? text.get("group.unknownPlatform")
                    : platform.in(text.locale()), result.sessions().get(i));
        }).toList());
        comparisons = read.comparisons();
        liveFeatureTable.getItems().setAll(tables.featureRows(comparisons));
        showFeature();
    }

    /** Viewers → engaged → buyers over all sessions; engaged only over the sessions whose export gives it. */
    private void showFunnel(LiveFigures total) {
        XYChart.Series<String, Number> steps = new XYChart.Series<>();
        steps.getData().add(new XYChart.Data<>(text.get("live.step.viewers"), total.viewers()));
        total.engagedShare().ifPresent(share ->
                steps.getData().add(new XYChart.Data<>(text.get("live.step.engaged"), share.successes())));
        steps.getData().add(new XYChart.Data<>(text.get("live.step.buyers"), total.buyers()));
        liveFunnelChart.getData().setAll(List.of(steps));
        steps.getData().forEach(bar -> {
            if (bar.getNode() != null) {
                Tooltip.install(bar.getNode(), new Tooltip(bar.getXValue() + ": "
                        + text.integer(bar.getYValue().longValue())));
            }
        });
    }

    /** The chosen feature's groups on the chart, and what they say. */
    private void showFeature() {
        LiveFeatures.Feature feature = liveFeatureChoice.getValue();
        LiveFeatures.Comparison comparison = comparisons.stream().filter(c -> c.feature() == feature).findFirst()
                .orElse(null);
        if (comparison == null) {
            liveFeatureChart.getData().clear();
            liveFeatureSummary.setText("");
            return;
        }
        List<LiveTables.GroupRow> rows = comparison.groups().stream()
                .map(f -> new LiveTables.GroupRow("", f.label().in(text.locale()), f)).toList();
        tables.showConversion(rows, liveFeatureChart);
        liveFeatureChart.setTitle(text.get("live.chart.feature.title", text.get("live.feature." + feature.key())));
        if (comparison.groups().size() < 2 || comparison.best().isEmpty()) {
            liveFeatureSummary.setText(text.get("live.feature.oneGroup", comparison.groups().isEmpty() ? "\u2013"
                    : comparison.groups().getFirst().label().in(text.locale())));
            return;
        }
        Proportion best = comparison.best().get().conversion().orElseThrow();
        Proportion worst = comparison.worst().get().conversion().orElseThrow();
        liveFeatureSummary.setText(text.get(comparison.separated() ? "live.feature.separated" : "live.feature.overlap",
                comparison.best().get().label().in(text.locale()), tables.percent(best.rate()),
                comparison.worst().get().label().in(text.locale()), tables.percent(worst.rate())));
    }

    private void failed(Throwable failure) {
        setRunning(false);
        if (failure instanceof FunnelException problem) {
            liveResultsBox.setVisible(false);
            liveResultsBox.setManaged(false);
            liveResultTitle.setText("");
            liveStateLabel.setText(problem.reason().in(text.bundle()));
        } else {
            new Dialogs(text, window()).unexpected(failure);
        }
    }

    private void setRunning(boolean running) {
        liveRunButton.setDisable(running);
        liveCancelButton.setDisable(!running);
        liveProgress.setVisible(running);
    }

    private Window window() {
        return liveRunButton.getScene() == null ? null : liveRunButton.getScene().getWindow();
    }
}
