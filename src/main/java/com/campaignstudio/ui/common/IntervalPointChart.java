package com.campaignstudio.ui.common;

import javafx.beans.NamedArg;
import javafx.scene.chart.Axis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * Estimates as points, one per category, each with its interval drawn as a bar from low to high with caps, and
 * optional horizontal reference lines (zero, a threshold that matters). For rates and differences, where a bar from
 * zero would suggest that the length matters, while what matters is where the point and its interval lie.
 */
public final class IntervalPointChart extends ScatterChart<String, Number> {

    private static final double CAP = 8;

    private final Map<String, double[]> intervals = new LinkedHashMap<>();
    private final List<Line> whiskers = new ArrayList<>();
    private final ReferenceLines references = new ReferenceLines();

    public IntervalPointChart(@NamedArg("xAxis") Axis<String> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** Sets the intervals by category (low, high); call after the data. */
    public void setIntervals(Map<String, double[]> byCategory) {
        intervals.clear();
        intervals.putAll(byCategory);
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        for (int i = 0; i < byCategory.size() * 3; i++) {
            Line line = new Line();
            line.getStyleClass().add("interval-whisker");
            line.setManaged(false);
            whiskers.add(line);
        }
        getPlotChildren().addAll(whiskers);
        requestChartLayout();
    }

    /** The intervals drawn, by category. */
    public Map<String, double[]> intervals() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        intervals.forEach((category, interval) -> copy.put(category, interval.clone()));
        return copy;
    }

    public void setReferenceLines(List<ReferenceLine> lines) {
        references.set(lines, getPlotChildren());
        requestChartLayout();
    }

    public List<ReferenceLine> referenceLines() {
        return references.lines();
    }

    /** The value axis spans the intervals and the reference lines too. */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (!intervals.isEmpty() || !references.isEmpty()) {
            ValueAxisRange.include(this, DoubleStream.concat(
                    intervals.values().stream().flatMapToDouble(Arrays::stream), references.values()));
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        references.layout(this, getXAxis().getWidth());
        if (getData().isEmpty()) {
            return;
        }
        int w = 0;
        for (XYChart.Series<String, Number> series : getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                double[] interval = intervals.get(point.getXValue());
                if (interval == null || w + 3 > whiskers.size()) {
                    continue;
                }
                double centre = getXAxis().getDisplayPosition(point.getXValue());
                double low = getYAxis().getDisplayPosition(interval[0]);
                double high = getYAxis().getDisplayPosition(interval[1]);
                place(whiskers.get(w++), centre, low, centre, high);
                place(whiskers.get(w++), centre - CAP, low, centre + CAP, low);
                place(whiskers.get(w++), centre - CAP, high, centre + CAP, high);
            }
        }
    }

    private static void place(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }
}
