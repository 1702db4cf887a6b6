package com.campaignstudio.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/** The reference lines of one chart: the chart hands over its plot children and asks again at each layout. */
final class ReferenceLines {

    private final List<ReferenceLine> lines = new ArrayList<>();
    private final List<Line> shapes = new ArrayList<>();

    /** Replaces the lines among {@code plotChildren}, behind the data. */
    void set(List<ReferenceLine> newLines, ObservableList<Node> plotChildren) {
        lines.clear();
        lines.addAll(newLines);
        plotChildren.removeAll(shapes);
        shapes.clear();
        for (ReferenceLine line : newLines) {
            Line shape = new Line();
            shape.getStyleClass().addAll("reference-line", line.styleClass());
            shape.setManaged(false);
            shapes.add(shape);
        }
        plotChildren.addAll(0, shapes);
    }

    List<ReferenceLine> lines() {
        return List.copyOf(lines);
    }

    DoubleStream values() {
        return lines.stream().mapToDouble(ReferenceLine::value);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Places each line across the plot at its value. */
    void layout(XYChart<?, Number> chart, double plotWidth) {
        for (int i = 0; i < lines.size(); i++) {
            double y = chart.getYAxis().getDisplayPosition(lines.get(i).value());
            Line shape = shapes.get(i);
            shape.setStartX(0);
            shape.setEndX(plotWidth);
            shape.setStartY(y);
            shape.setEndY(y);
        }
    }
}
