package com.campaignstudio.ui.funnels;

import javafx.beans.NamedArg;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart of people per step whose bars carry their figures above them (people, and the conversion from the
 * step before), so that the drop between steps is read without hovering. A label wider than its bar is left out
 * (grouped bars of many groups), the table has every figure.
 */
public final class FunnelBarChart extends BarChart<String, Number> {

    private final Map<XYChart.Data<String, Number>, String> labels = new IdentityHashMap<>();
    private final List<Text> shown = new ArrayList<>();

    public FunnelBarChart(@NamedArg("xAxis") Axis<String> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** The label over each bar, by its data point; call after setting the data. */
    public void setLabels(Map<XYChart.Data<String, Number>, String> byBar) {
        labels.clear();
        labels.putAll(byBar);
        getPlotChildren().removeAll(shown);
        shown.clear();
        for (int i = 0; i < byBar.size(); i++) {
            Text label = new Text();
            label.getStyleClass().add("funnel-bar-label");
            label.setTextAlignment(TextAlignment.CENTER);
            label.setManaged(false);
            shown.add(label);
        }
        getPlotChildren().addAll(shown);
        requestChartLayout();
    }

    /** The label over a bar, as set. */
    public String label(XYChart.Data<String, Number> bar) {
        return labels.get(bar);
    }

    /** Room above the tallest bar for its label. */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (getYAxis() instanceof javafx.scene.chart.NumberAxis axis && axis.isAutoRanging() && !labels.isEmpty()) {
            double top = labels.keySet().stream().mapToDouble(bar -> bar.getYValue().doubleValue()).max().orElse(0);
            axis.invalidateRange(List.of(0, top * 1.18));
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        int next = 0;
        for (XYChart.Series<String, Number> series : getData()) {
            for (XYChart.Data<String, Number> bar : series.getData()) {
                String label = labels.get(bar);
                Node node = bar.getNode();
                if (label == null || node == null || next >= shown.size()) {
                    continue;
                }
                Text text = shown.get(next++);
                text.setText(label);
                Bounds bounds = node.getBoundsInParent();
                double width = text.getLayoutBounds().getWidth();
                text.setVisible(width <= bounds.getWidth() + getCategoryGap() * 0.8);
                text.setX(bounds.getMinX() + (bounds.getWidth() - width) / 2);
                text.setY(bounds.getMinY() - 4 - text.getLayoutBounds().getHeight() + text.getBaselineOffset());
            }
        }
        for (int i = next; i < shown.size(); i++) {
            shown.get(i).setVisible(false);
        }
    }
}
