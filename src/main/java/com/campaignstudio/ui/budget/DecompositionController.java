package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.Estimate;
import com.campaignstudio.budget.MixModel;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decomposition: each week's outcome stacked as the baseline (what would have come without ads) and each platform's
 * contribution; the share the ads brought and each platform's return over the history, with 90% intervals.
 */
public final class DecompositionController {

    /** A platform's part of the history. */
    public record Row(String platform, double spent, Estimate contribution, Optional<Estimate> roi) {
    }

    private final BudgetResults results;
    private final BudgetFormats formats;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final ChangeListener<BudgetResults.Shown> shownListener = (observable, old, shown) -> show(shown);

    @FXML
    private Label shareLabel;
    @FXML
    private StackedAreaChart<Number, Number> weeksChart;
    @FXML
    private NumberAxis weeksAxis;
    @FXML
    private IntervalBarChart roiChart;
    @FXML
    private NumberAxis roiAxis;
    @FXML
    private TableView<Row> contributionTable;

    DecompositionController(BudgetResults results, BudgetFormats formats, Glossary glossary, ExportMenu exports) {
        this.results = results;
        this.formats = formats;
        this.text = formats.text();
        this.glossary = glossary;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        weeksAxis.setTickLabelFormatter(text.axisNumbers());
        roiAxis.setTickLabelFormatter(text.axisNumbers());
        glossary.attach(weeksChart, Term.BASELINE);
        glossary.attach(roiChart, Term.ROI, Term.BOOTSTRAP_INTERVAL);
        glossary.attach(shareLabel, Term.BASELINE, Term.BOOTSTRAP_INTERVAL);
        exports.install(weeksChart, text.get("budget.chart.decomposition"));
        exports.install(roiChart, text.get("budget.chart.roi"));
        exports.install(contributionTable, text.get("budget.chart.decomposition"));
        TableFit.columnsToContent(contributionTable);
        TableFit.heightToRows(contributionTable, 12);
        results.shownProperty().addListener(new WeakChangeListener<>(shownListener));
        show(results.shown().orElse(null));
    }

    private void show(BudgetResults.Shown shown) {
        weeksChart.getData().clear();
        roiChart.getData().clear();
        roiChart.setIntervals(Map.of());
        contributionTable.getItems().clear();
        if (shown == null) {
            shareLabel.setText("");
            return;
        }
        BudgetAnalysis analysis = shown.analysis();
        BudgetGoal goal = shown.goal();
        MixModel.Fit fit = analysis.fit();
        long firstDay = analysis.history().firstWeek().toEpochDay();
        weeksAxis.setLabel(text.get("budget.chart.weeklyOutcome", formats.goal(goal)));
        roiAxis.setLabel(formats.returnUnit(goal));
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        series.add(weekly(text.get("budget.series.baseline"), fit.baseline(), firstDay));
        List<Row> rows = new ArrayList<>();
        XYChart.Series<String, Number> returns = new XYChart.Series<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        double per = BudgetFormats.returnPer(goal);
        for (int p = 0; p < analysis.platforms(); p++) {
            String name = text.platform(analysis.history().platforms().get(p));
            series.add(weekly(name, fit.contribution()[p], firstDay));
            Optional<Estimate> roi = analysis.roi(p);
            rows.add(new Row(name, java.util.Arrays.stream(analysis.history().spend()[p]).sum(),
                    analysis.contribution(p), roi));
            roi.ifPresent(estimate -> {
                returns.getData().add(new XYChart.Data<>(name, estimate.value() * per));
                intervals.put(name, new double[]{estimate.low() * per, estimate.high() * per});
            });
        }
        weeksChart.getData().setAll(series);
        roiChart.getData().setAll(List.of(returns));
        roiChart.setIntervals(intervals);
        Estimate share = analysis.adsShare();
        shareLabel.setText(text.get("budget.adsShare", formats.goal(goal), formats.interval(
                text.percent(share.value()), text.percent(share.low()), text.percent(share.high()))));
        String unit = formats.returnUnit(goal);
        contributionTable.getColumns().setAll(List.of(
                CurvesController.<Row>column(text.get("budget.col.platform"), Row::platform),
                CurvesController.<Row>column(text.get("budget.col.spent"), row -> text.yuan(row.spent())),
                CurvesController.<Row>column(text.get("budget.col.contribution", formats.goal(goal)),
                        row -> formats.outcome(goal, row.contribution())),
                CurvesController.<Row>column(text.get("budget.col.roi", unit),
                        row -> row.roi().map(roi -> formats.perYuan(goal, roi)).orElse("\u2013"))));
        contributionTable.getItems().setAll(rows);
        TableFit.lastColumnTakesTheRest(contributionTable, 200);
    }

    private static XYChart.Series<Number, Number> weekly(String name, double[] values, long firstDay) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int t = 0; t < values.length; t++) {
            series.getData().add(new XYChart.Data<>(firstDay + 7L * t, values[t]));
        }
        return series;
    }
}
