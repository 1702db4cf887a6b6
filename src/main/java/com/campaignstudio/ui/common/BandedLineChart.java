package com.campaignstudio.ui.common;

import javafx.beans.NamedArg;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.shape.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * A line chart with shaded bands (prediction intervals) behind its lines: each band is the area between a
 * lower and an upper bound at the same x values, filled with its style class's colour.
 */
public final class BandedLineChart extends LineChart<Number, Number> {

    /** A band from {@code low} to {@code high} at each {@code x}; {@code styleClass} gives its fill. */
    public record Band(double[] x, double[] low, double[] high, String styleClass) {
    }

    private final List<Band> bands = new ArrayList<>();
    private final List<Polygon> shapes = new ArrayList<>();
    private final ReferenceLines references = new ReferenceLines();

    public BandedLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** Replaces the bands; the widest first, so that narrower ones are drawn over it. */
    public void setBands(List<Band> newBands) {
        bands.clear();
        bands.addAll(newBands);
        getPlotChildren().removeAll(shapes);
        shapes.clear();
        for (Band band : newBands) {
            Polygon shape = new Polygon();
            shape.getStyleClass().addAll("chart-band", band.styleClass());
            shape.setManaged(false);
            shapes.add(shape);
        }
        getPlotChildren().addAll(0, shapes);
        requestChartLayout();
    }

    /** Horizontal lines across the chart (zero, a threshold that matters), behind the bands and lines. */
    public void setReferenceLines(List<ReferenceLine> lines) {
        references.set(lines, getPlotChildren());
        requestChartLayout();
    }

    public List<ReferenceLine> referenceLines() {
        return references.lines();
    }

    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** The value axis spans the bands and the reference lines too. */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (!bands.isEmpty() || !references.isEmpty()) {
            ValueAxisRange.include(this, DoubleStream.concat(bands.stream().flatMapToDouble(band ->
                    DoubleStream.concat(Arrays.stream(band.low()), Arrays.stream(band.high()))), references.values()));
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        references.layout(this, getXAxis().getWidth());
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            List<Double> points = new ArrayList<>();
            for (int i = 0; i < band.x().length; i++) {
                points.add(getXAxis().getDisplayPosition(band.x()[i]));
                points.add(getYAxis().getDisplayPosition(band.high()[i]));
            }
            for (int i = band.x().length - 1; i >= 0; i--) {
                points.add(getXAxis().getDisplayPosition(band.x()[i]));
                points.add(getYAxis().getDisplayPosition(band.low()[i]));
            }
            shapes.get(b).getPoints().setAll(points);
        }
    }
}
