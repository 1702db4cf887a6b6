package com.campaignstudio.ui;

import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tour's checks find what they are meant to, and only in what is shown. */
@ExtendWith(ApplicationExtension.class)
class ViewChecksTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 600, 600));
        stage.show();
    }

    @Test
    void aLabelCutShortIsFoundUnlessItIsHidden() throws Exception {
        Label cut = new Label("A label far too long for its forty pixels");
        cut.setId("cut");
        cut.setMaxWidth(40);
        Label hidden = new Label("Another label far too long for its forty pixels");
        hidden.setMaxWidth(40);
        VBox hiddenBox = new VBox(hidden);
        hiddenBox.setVisible(false);
        List<String> findings = findingsIn(new VBox(cut, hiddenBox, new Label("Short")));
        assertEquals(List.of("truncated Label in #cut: \"A label far too long for its forty pixels\""), findings);
    }

    @Test
    void aChartWithAxesButNoDataIsFound() throws Exception {
        LineChart<Number, Number> empty = new LineChart<>(new NumberAxis(), new NumberAxis());
        empty.setId("empty");
        empty.setAnimated(false);
        LineChart<Number, Number> drawn = new LineChart<>(new NumberAxis(), new NumberAxis());
        drawn.setAnimated(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().addAll(List.of(new XYChart.Data<>(0, 1), new XYChart.Data<>(10, 3)));
        drawn.getData().add(series);
        assertEquals(List.of("empty chart with axes LineChart in #empty"), findingsIn(new VBox(empty, drawn)));
    }

    @Test
    void tickLabelsThatRepeatAreFound() throws Exception {
        NumberAxis months = new NumberAxis();
        months.setId("months");
        // Day numbers shown as their month, as the old date axes did: ticks a few days apart read alike.
        months.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return "2024-0" + (1 + day.intValue() / 31);
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException();
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(months, new NumberAxis());
        chart.setAnimated(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().addAll(List.of(new XYChart.Data<>(0, 1), new XYChart.Data<>(60, 3)));
        chart.getData().add(series);
        List<String> findings = findingsIn(new VBox(chart));
        assertTrue(findings.contains("repeated tick label \"2024-01\" on NumberAxis in #months"), findings.toString());
    }

    private List<String> findingsIn(VBox content) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().setRoot(content);
            content.applyCss();
            content.layout();
            stage.getScene().snapshot(null);
            return ViewChecks.findings(content);
        }).get();
    }
}
