package com.campaignstudio.ui.common;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chart pane shows what to do while its chart is empty, and the chart once it has points. */
@ExtendWith(ApplicationExtension.class)
class ChartPaneTest {

    @Test
    void thePlaceholderGivesWayToTheChartWhenPointsArrive() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            ChartPane pane = new ChartPane();
            // As FXML does it: the chart first, then the attribute.
            pane.getChildren().add(chart);
            pane.setPlaceholder("Press Run to see it.");
            Label placeholder = (Label) pane.getChildren().getFirst();
            assertTrue(pane.isVisible() && placeholder.isVisible() && !chart.isVisible());

            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            chart.getData().add(series);
            assertFalse(chart.isVisible(), "a series without points draws nothing");
            series.getData().add(new XYChart.Data<>(1, 2));
            assertTrue(chart.isVisible() && !placeholder.isVisible());

            chart.setData(javafx.collections.FXCollections.observableArrayList(List.of(new XYChart.Series<>())));
            assertTrue(placeholder.isVisible() && !chart.isVisible(), "emptied again");
        }).get();
    }

    @Test
    void aPaneWithNothingToSayFoldsAwayWhileEmpty() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            ChartPane pane = new ChartPane();
            pane.getChildren().add(chart);
            assertFalse(pane.isVisible() || pane.isManaged());
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().add(new XYChart.Data<>(1, 2));
            chart.getData().add(series);
            assertTrue(pane.isVisible() && pane.isManaged() && chart.isVisible());
        }).get();
    }
}
