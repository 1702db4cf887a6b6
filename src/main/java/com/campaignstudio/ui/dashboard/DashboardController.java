package com.campaignstudio.ui.dashboard;

import com.campaignstudio.dashboard.DashboardSummary;
import com.campaignstudio.dashboard.DashboardSummary.PlatformCount;
import com.campaignstudio.dashboard.DashboardSummary.WeekRevenue;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

import java.util.List;

/** Shows the KPI tiles and charts of the dashboard. */
public final class DashboardController {

    private final DashboardViewModel model;
    private final UiText text;
    private final BackgroundRunner runner;

    @FXML
    private Label stateLabel;
    @FXML
    private FlowPane tiles;
    @FXML
    private Label followersValue;
    @FXML
    private Label followersDetail;
    @FXML
    private Label buyersValue;
    @FXML
    private Label revenueValue;
    @FXML
    private Label repeatValue;
    @FXML
    private Label repeatDetail;
    @FXML
    private Label conversionValue;
    @FXML
    private Label conversionDetail;
    @FXML
    private BarChart<Number, String> platformChart;
    @FXML
    private AreaChart<Number, Number> revenueChart;
    @FXML
    private Label partialWeekNote;
    @FXML
    private NumberAxis followersAxis;
    @FXML
    private NumberAxis revenueAxis;

    public DashboardController(DashboardViewModel model, UiText text, BackgroundRunner runner) {
        this.model = model;
        this.text = text;
        this.runner = runner;
    }

    @FXML
    private void initialize() {
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(platformChart, text.get("dashboard.followersByPlatform"));
        exports.install(revenueChart, text.get("dashboard.revenueByWeek"));
        followersAxis.setTickLabelFormatter(text.axisNumbers());
        revenueAxis.setTickLabelFormatter(text.axisNumbers());
        model.summaryProperty().addListener((observable, old, summary) -> show(summary));
        model.loadingProperty().addListener((observable, old, loading) -> updateState());
        model.errorProperty().addListener((observable, old, error) -> updateState());
        updateState();
        model.refresh();
    }

    private void updateState() {
        DashboardSummary summary = model.summaryProperty().get();
        String message;
        if (model.errorProperty().get() != null) {
            message = model.errorProperty().get();
        } else if (model.loadingProperty().get() && summary == null) {
            message = text.get("dashboard.loading");
        } else if (summary != null && summary.isEmpty()) {
            message = text.get("dashboard.empty");
        } else {
            message = null;
        }
        stateLabel.setText(message);
        stateLabel.setVisible(message != null);
        stateLabel.setManaged(message != null);
    }

    private void show(DashboardSummary summary) {
        updateState();
        if (summary == null) {
            return;
        }
        followersValue.setText(text.count(summary.followers()));
        followersDetail.setText(text.get("dashboard.followers.detail", summary.followersByPlatform().size()));
        buyersValue.setText(text.count(summary.buyers()));
        revenueValue.setText(text.yuan(summary.revenue().doubleValue()));
        repeatValue.setText(text.percent(summary.repeatBuyerShare()));
        repeatDetail.setText(text.get("dashboard.repeatShare.detail", text.integer(summary.repeatBuyers()),
                text.integer(summary.buyers())));
        conversionValue.setText(text.percent(summary.overallConversion()));
        conversionDetail.setText(text.get("dashboard.conversion.detail", text.integer(summary.convertedFollowers()),
                text.integer(summary.followers())));
        showPlatforms(summary.followersByPlatform());
        showRevenue(summary.completeWeeks());
        summary.partialWeek().ifPresent(week -> partialWeekNote.setText(text.get("dashboard.partialWeek",
                week.weekStart().toString(), summary.lastSaleDay().toString())));
        partialWeekNote.setVisible(summary.partialWeek().isPresent());
        partialWeekNote.setManaged(summary.partialWeek().isPresent());
    }

    private void showPlatforms(List<PlatformCount> counts) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // Largest at the top: a category axis lists its first category at the bottom.
        for (PlatformCount count : counts.reversed()) {
            series.getData().add(new XYChart.Data<>(count.followers(), text.isChinese() ? count.nameZh() : count.nameEn()));
        }
        platformChart.getData().setAll(List.of(series));
    }

    private void showRevenue(List<WeekRevenue> weeks) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (WeekRevenue week : weeks) {
            series.getData().add(new XYChart.Data<>(week.weekStart().toEpochDay(), week.revenue().doubleValue()));
        }
        revenueChart.getData().setAll(List.of(series));
    }
}
