package com.campaignstudio.forecast;

import java.util.Arrays;

/** Each period repeats the one {@code season} periods earlier; with season 1 the naive "same as last period". */
final class SeasonalNaive implements ForecastModel {

    private final int season;

    SeasonalNaive(int season) {
        this.season = season;
    }

    @Override
    public ModelName name() {
        return ModelName.of(season == 1 ? "naive" : "seasonalNaive");
    }

    @Override
    public int minimumLength() {
        return season + 1;
    }

    @Override
    public int parameters() {
        return 0;
    }

    @Override
    public Fit fit(double[] y) {
        double[] history = y.clone();
        return new Fit() {
            @Override
            public double[] residuals() {
                double[] residuals = new double[history.length];
                for (int t = 0; t < history.length; t++) {
                    residuals[t] = t < season ? Double.NaN : history[t] - history[t - season];
                }
                return residuals;
            }

            @Override
            public double[] simulate(double[] shocks) {
                double[] extended = Arrays.copyOf(history, history.length + shocks.length);
                for (int h = 0; h < shocks.length; h++) {
                    int t = history.length + h;
                    extended[t] = extended[t - season] + shocks[h];
                }
                return Arrays.copyOfRange(extended, history.length, extended.length);
            }
        };
    }
}
