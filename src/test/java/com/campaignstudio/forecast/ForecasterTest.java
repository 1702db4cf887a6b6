package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On series with known structure, the model chosen by back-test beats the seasonal naive forecast. */
class ForecasterTest {

    @Test
    void anAutoregressiveSeriesIsForecastBetterThanBySeasonalNaive() {
        Random random = new Random(1);
        double[] y = new double[160];
        y[0] = 1000;
        for (int t = 1; t < y.length; t++) {
            y[t] = 1000 + 0.85 * (y[t - 1] - 1000) + random.nextGaussian() * 40;
        }
        Forecast forecast = Forecaster.forecast(weekly(y), 13, 7);
        assertTrue(forecast.backTestSmape() < smapeOf(forecast, "seasonal naive"),
                forecast.model() + " " + forecast.candidates());
        assertEquals(13, forecast.point().length);
        for (int h = 0; h < 13; h++) {
            assertTrue(forecast.low95()[h] <= forecast.low80()[h] && forecast.low80()[h] <= forecast.high80()[h]
                    && forecast.high80()[h] <= forecast.high95()[h], "bands in order at step " + h);
        }
        assertTrue(forecast.high95()[12] - forecast.low95()[12] > forecast.high95()[0] - forecast.low95()[0],
                "uncertainty grows with the horizon");
    }

    @Test
    void aSeasonalSeriesWithTrendIsForecastBetterThanBySeasonalNaive() {
        Random random = new Random(2);
        double[] y = new double[156];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2000 + 6 * t + 400 * Math.sin(2 * Math.PI * t / 52) + random.nextGaussian() * 60;
        }
        Forecast forecast = Forecaster.forecast(weekly(y), 13, 7);
        assertTrue(forecast.backTestSmape() < smapeOf(forecast, "seasonal naive"),
                forecast.model() + " " + forecast.candidates());
        double expected = 2000 + 6 * 160 + 400 * Math.sin(2 * Math.PI * 160 / 52);
        assertEquals(expected, forecast.point()[4], 0.1 * expected, "five weeks ahead: " + forecast.model() + " " + forecast.candidates());
    }

    @Test
    void smapeIsSymmetricAndBounded() {
        assertEquals(0, Forecaster.smape(new double[]{1, 2}, new double[]{1, 2}), 1e-12);
        assertEquals(2.0 / 3, Forecaster.smape(new double[]{100}, new double[]{50}), 1e-12);
        assertEquals(2, Forecaster.smape(new double[]{0}, new double[]{5}), 1e-12);
    }

    private static double smapeOf(Forecast forecast, String model) {
        return forecast.candidates().stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow().smape();
    }

    private static RevenueSeries weekly(double[] y) {
        LocalDate[] starts = new LocalDate[y.length];
        for (int t = 0; t < y.length; t++) {
            starts[t] = LocalDate.of(2024, 1, 1).plusWeeks(t);
        }
        return new RevenueSeries(RevenueSeries.Granularity.WEEK, starts, y);
    }
}
