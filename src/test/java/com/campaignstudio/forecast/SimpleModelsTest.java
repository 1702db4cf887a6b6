package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Naive, seasonal naive, the recent mean and AR(p), worked by hand or against planted coefficients. */
class SimpleModelsTest {

    @Test
    void naiveRepeatsTheLastPeriodAndItsErrorsAccumulate() {
        ForecastModel.Fit fit = new SeasonalNaive(1).fit(new double[]{3, 5, 4});
        assertArrayEquals(new double[]{Double.NaN, 2, -1}, fit.residuals(), 1e-12);
        assertArrayEquals(new double[]{4, 4}, fit.simulate(new double[2]), 1e-12);
        assertArrayEquals(new double[]{5, 6}, fit.simulate(new double[]{1, 1}), 1e-12, "a random walk");
    }

    @Test
    void seasonalNaiveRepeatsTheSamePeriodOfTheLastSeason() {
        ForecastModel.Fit fit = new SeasonalNaive(2).fit(new double[]{1, 2, 3, 4});
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, 2, 2}, fit.residuals(), 1e-12);
        assertArrayEquals(new double[]{3, 4, 3}, fit.simulate(new double[3]), 1e-12);
    }

    @Test
    void recentMeanIsFlatAtTheMeanOfTheLastFour() {
        ForecastModel.Fit fit = new RecentMean(4).fit(new double[]{1, 2, 3, 4, 5, 6});
        // 5 against the mean of 1..4 (2.5), 6 against that of 2..5 (3.5).
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2.5, 2.5}, fit.residuals(), 1e-12);
        assertArrayEquals(new double[]{4.5, 4.5}, fit.simulate(new double[2]), 1e-12);
        assertArrayEquals(new double[]{5.5, 3.5}, fit.simulate(new double[]{1, -1}), 1e-12, "errors do not accumulate");
    }

    @Test
    void anAutoregressionReturnsToItsPlantedMean() {
        // y = 10 + 0.6 y(t-1) + e: mean 10 / (1 - 0.6) = 25; 2,000 periods.
        Random random = new Random(9);
        double[] y = new double[2000];
        y[0] = 25;
        for (int t = 1; t < y.length; t++) {
            y[t] = 10 + 0.6 * y[t - 1] + random.nextGaussian();
        }
        y[y.length - 1] = 40;
        double[] forecast = new Autoregressive(1).fit(y).simulate(new double[60]);
        assertEquals(10 + 0.6 * 40, forecast[0], 0.5, "one step from 40");
        assertEquals(25, forecast[59], 0.5, "far ahead, the mean");
    }
}
