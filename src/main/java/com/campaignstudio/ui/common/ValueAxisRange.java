package com.campaignstudio.ui.common;

import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/** Widens an auto-ranging value axis to values drawn beside the chart's data (intervals, bands). */
final class ValueAxisRange {

    private ValueAxisRange() {
    }

    /** Call from {@code updateAxisRange}, after the chart's own: the axis then spans the data and {@code extra}. */
    static void include(XYChart<?, Number> chart, DoubleStream extra) {
        Axis<Number> values = chart.getYAxis();
        if (!values.isAutoRanging()) {
            return;
        }
        List<Number> shown = new ArrayList<>();
        chart.getData().forEach(series -> series.getData().forEach(point -> shown.add(point.getYValue())));
        extra.forEach(shown::add);
        values.invalidateRange(shown);
    }
}
