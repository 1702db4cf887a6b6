package com.campaignstudio.forecast;

import java.util.Arrays;

/**
 * Every future period at the mean of the last {@code k} observed periods: a flat forecast that follows the
 * recent level without chasing the last period's noise. Its errors are taken as independent of the horizon.
 */
final class RecentMean implements ForecastModel {

    private final int k;

    RecentMean(int k) {
        this.k = k;
    }

    @Override
    public ModelName name() {
        return new ModelName("mean", k);
    }

    @Override
    public int minimumLength() {
        return k + 1;
    }

    @Override
    public int parameters() {
        return 0;
    }

    @Override
    public Fit fit(double[] y) {
        double[] history = y.clone();
        double level = mean(history, history.length);
        return new Fit() {
            @Override
            public double[] residuals() {
                double[] residuals = new double[history.length];
                for (int t = 0; t < history.length; t++) {
                    residuals[t] = t < k ? Double.NaN : history[t] - mean(history, t);
                }
                return residuals;
            }

            @Override
            public double[] simulate(double[] shocks) {
                double[] out = new double[shocks.length];
                Arrays.setAll(out, h -> level + shocks[h]);
                return out;
            }
        };
    }

    /** The mean of the {@code k} values before index {@code end}. */
    private double mean(double[] y, int end) {
        double sum = 0;
        for (int t = end - k; t < end; t++) {
            sum += y[t];
        }
        return sum / k;
    }
}
