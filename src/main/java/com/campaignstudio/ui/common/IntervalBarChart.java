package com.campaignstudio.ui.common;

import javafx.beans.NamedArg;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart that draws an interval (a whisker from low to high, with caps) over each bar, so that an
 * estimate's uncertainty is seen, not only read from a tooltip. Categories without an interval get none.
 */
public final class IntervalBarChart extends BarChart<String, Number> {

    private final Map<String, double[]> intervals = new LinkedHashMap<>();
    private final List<Line> whiskers = new ArrayList<>();

    public IntervalBarChart(@NamedArg("xAxis") Axis<String> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** Sets the intervals by category (low, high); call after the data. */
    public void setIntervals(Map<String, double[]> byCategory) {
        intervals.clear();
        intervals.putAll(byCategory);
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        for (int i = 0; i < byCategory.size(); i++) {
            for (int part = 0; part < 3; part++) {
                Line line = new Line();
                line.getStyleClass().add("interval-whisker");
                line.setManaged(false);
                whiskers.add(line);
            }
        }
        getPlotChildren().addAll(whiskers);
        requestChartLayout();
    }

    /** The value axis also spans the intervals, so that no whisker is cut off at the top. */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (!intervals.isEmpty()) {
            ValueAxisRange.include(this, intervals.values().stream().flatMapToDouble(Arrays::stream));
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (getData().isEmpty()) {
            return;
        }
        int w = 0;
        for (XYChart.Data<String, Number> bar : getData().getFirst().getData()) {
            double[] interval = intervals.get(bar.getXValue());
            if (interval == null || bar.getNode() == null || w + 3 > whiskers.size()) {
                continue;
            }
            double centre = getXAxis().getDisplayPosition(bar.getXValue());
            double low = getYAxis().getDisplayPosition(interval[0]);
            double high = getYAxis().getDisplayPosition(interval[1]);
            double cap = Math.max(3, bar.getNode().getBoundsInParent().getWidth() / 6);
            place(whiskers.get(w++), centre, low, centre, high);
            place(whiskers.get(w++), centre - cap, low, centre + cap, low);
            place(whiskers.get(w++), centre - cap, high, centre + cap, high);
        }
    }

    private static void place(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }
}
