package com.campaignstudio.ui.forecast;

import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.List;

/** Draws past revenue and the forecast as lines, its 95% and 80% prediction intervals as shaded bands. */
final class ForecastChart {

    private final UiText text;

    ForecastChart(UiText text) {
        this.text = text;
    }

    void show(Forecast forecast, BandedLineChart chart) {
        RevenueSeries history = forecast.history();
        XYChart.Series<Number, Number> past = new XYChart.Series<>();
        past.setName(text.get("ltv.forecast.history"));
        for (int t = 0; t < history.size(); t++) {
            past.getData().add(new XYChart.Data<>(history.starts()[t].toEpochDay(), history.revenue()[t]));
        }
        // Every forecast line and band starts at the last observed period, so that they join the history.
        LocalDate last = history.starts()[history.size() - 1];
        double lastRevenue = history.revenue()[history.size() - 1];
        int ahead = forecast.point().length;
        double[] x = new double[ahead + 1];
        x[0] = last.toEpochDay();
        LocalDate start = last;
        for (int h = 0; h < ahead; h++) {
            start = history.granularity() == RevenueSeries.Granularity.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            x[h + 1] = start.toEpochDay();
        }
        XYChart.Series<Number, Number> point = new XYChart.Series<>();
        point.setName(text.get("ltv.forecast.point"));
        double[] pointValues = joined(lastRevenue, forecast.point());
        for (int i = 0; i < x.length; i++) {
            point.getData().add(new XYChart.Data<>(x[i], pointValues[i]));
        }
        chart.getData().setAll(List.of(past, point));
        chart.setBands(List.of(
                new BandedLineChart.Band(x, joined(lastRevenue, forecast.low95()), joined(lastRevenue, forecast.high95()),
                        "band-95"),
                new BandedLineChart.Band(x, joined(lastRevenue, forecast.low80()), joined(lastRevenue, forecast.high80()),
                        "band-80")));
    }

    private static double[] joined(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
