package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the models' simulated paths (the forecast and every band is made of them) must be, checked independently. */
class SimulationOraclesTest {

    /**
     * Fed the one-step errors the recursion actually made on later periods, Holt-Winters' simulation must give back
     * those periods: the simulation and the filtering are the same model.
     */
    @Test
    void holtWintersFedItsOwnLaterErrorsReproducesTheLaterPeriods() {
        double[] y = seasonal(48, 12, new Random(2));
        HoltWinters model = new HoltWinters(12);
        HoltWinters.Weights weights = new HoltWinters.Weights(0.3, 0.2, 0.4);
        double[] laterErrors = Arrays.copyOfRange(model.fitted(y, weights).residuals(), 36, 48);
        double[] replayed = model.fitted(Arrays.copyOf(y, 36), weights).simulate(laterErrors);
        for (int h = 0; h < 12; h++) {
            assertEquals(y[36 + h], replayed[h], 1e-9, "period " + (36 + h));
        }
    }

    /**
     * AR(1) by least squares worked out by hand: phi = cov(y_t, y_t-1) / var(y_t-1), c = mean(y_t) - phi mean(y_t-1);
     * the next period is c + phi y_last, a shock adds to it and carries on times phi; the residuals sum to zero and
     * are uncorrelated with the lag, and the first period has none.
     */
    @Test
    void autoregressiveOfOrderOneIsLeastSquaresOnTheLag() {
        Random random = new Random(8);
        double[] y = new double[60];
        y[0] = 100;
        for (int t = 1; t < y.length; t++) {
            y[t] = 30 + 0.7 * y[t - 1] + 5 * random.nextGaussian();
        }
        int n = y.length - 1;
        double meanNow = 0;
        double meanLag = 0;
        for (int t = 1; t < y.length; t++) {
            meanNow += y[t] / n;
            meanLag += y[t - 1] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int t = 1; t < y.length; t++) {
            covariance += (y[t] - meanNow) * (y[t - 1] - meanLag);
            variance += (y[t - 1] - meanLag) * (y[t - 1] - meanLag);
        }
        double phi = covariance / variance;
        double c = meanNow - phi * meanLag;
        ForecastModel.Fit fit = new Autoregressive(1).fit(y);
        double[] path = fit.simulate(new double[]{2, 0, 0});
        double next = c + phi * y[n];
        assertEquals(next + 2, path[0], 1e-6);
        assertEquals(c + phi * (next + 2), path[1], 1e-6);
        assertEquals(c + phi * path[1], path[2], 1e-6);
        double[] residuals = fit.residuals();
        assertEquals(y.length, residuals.length);
        assertTrue(Double.isNaN(residuals[0]));
        double sum = 0;
        double withLag = 0;
        for (int t = 1; t < y.length; t++) {
            assertEquals(y[t] - c - phi * y[t - 1], residuals[t], 1e-6, "residual " + t);
            sum += residuals[t];
            withLag += residuals[t] * y[t - 1];
        }
        assertEquals(0, sum, 1e-6);
        assertEquals(0, withLag, 1e-4);
    }

    private static double[] seasonal(int length, int season, Random random) {
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 500 + 4 * t + 80 * Math.sin(2 * Math.PI * t / season) + 20 * random.nextGaussian();
        }
        return y;
    }
}
