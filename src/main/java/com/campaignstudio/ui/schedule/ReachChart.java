package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expected cumulative reach of a plan, stacked by platform, over the plan's days and the tail after them. Every
 * platform of the model has its series, in the model's order, so that its colour is its chips' colour.
 */
final class ReachChart {

    private final UiText text;

    ReachChart(UiText text) {
        this.text = text;
    }

    void show(StackedAreaChart<Number, Number> chart, Simulation simulation, List<String> platforms) {
        NumberAxis days = (NumberAxis) chart.getXAxis();
        int hours = simulation.plan().hours();
        days.setUpperBound(hours / 24.0);
        days.setTickUnit(hours > 24 * 21 ? 7 : 1);
        ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(text.axisNumbers());
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        Map<String, double[]> curves = simulation.cumulativeReach();
        for (String platform : platforms) {
            double[] curve = curves.get(platform);
            XYChart.Series<Number, Number> one = new XYChart.Series<>();
            one.setName(text.platform(platform));
            one.getData().add(new XYChart.Data<>(0, 0));
            for (int hour = 0; hour < hours; hour++) {
                one.getData().add(new XYChart.Data<>((hour + 1) / 24.0, curve == null ? 0 : curve[hour]));
            }
            series.add(one);
        }
        chart.getData().setAll(series);
    }
}
