package com.campaignstudio.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Chart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Holds a chart (its child in FXML) and shows it only when it has something to draw; until then a placeholder
 * says what to do to get it. Bare axes, or a date axis reading 1970, tell a person nothing.
 */
public final class ChartPane extends StackPane {

    private final Label placeholder = new Label();
    private final InvalidationListener dataChanged = observable -> update();
    private final Set<ObservableList<?>> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private Chart chart;
    private boolean folded;

    public ChartPane() {
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        getChildren().add(placeholder);
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(Chart.class::isInstance).map(Chart.class::cast)
                        .findFirst().ifPresent(this::watch);
            }
        });
    }

    // Properties

    /** What to do to see the chart, shown while it is empty; without one, the pane folds away while empty. */
    public StringProperty placeholderProperty() {
        return placeholder.textProperty();
    }

    public String getPlaceholder() {
        return placeholder.getText();
    }

    public void setPlaceholder(String text) {
        placeholder.setText(text);
        update();
    }

    private void watch(Chart added) {
        chart = added;
        switch (added) {
            case XYChart<?, ?> xy -> xy.dataProperty().addListener(observable -> update());
            case PieChart pie -> pie.dataProperty().addListener(observable -> update());
            default -> throw new IllegalArgumentException("not a chart with data: " + added);
        }
        update();
    }

    private void update() {
        boolean drawn = switch (chart) {
            case XYChart<?, ?> xy -> xy.getData() != null && hasPoints(xy.getData());
            case PieChart pie -> pie.getData() != null && watchedSize(pie.getData()) > 0;
            case null, default -> false;
        };
        if (chart != null) {
            chart.setVisible(drawn);
        }
        boolean silent = getPlaceholder() == null || getPlaceholder().isEmpty();
        placeholder.setVisible(!drawn && !silent);
        // Nothing to say: the pane folds away and gives its room to the chart beside it, whose placeholder speaks
        // for both. Only a change of that is applied, so that a view may still hide the pane itself.
        boolean fold = silent && !drawn;
        if (fold != folded) {
            folded = fold;
            setVisible(!fold);
            setManaged(!fold);
        }
    }

    private boolean hasPoints(ObservableList<? extends XYChart.Series<?, ?>> series) {
        boolean any = false;
        watchedSize(series);
        for (XYChart.Series<?, ?> one : series) {
            any |= watchedSize(one.getData()) > 0;
        }
        return any;
    }

    /** The size of a list, which is watched from now on, so that adding to it shows the chart. */
    private int watchedSize(ObservableList<?> list) {
        if (watched.add(list)) {
            list.addListener(dataChanged);
        }
        return list.size();
    }
}
