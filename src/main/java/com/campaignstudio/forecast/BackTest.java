package com.campaignstudio.forecast;

import java.util.Arrays;

/**
 * A rolling-origin back-test (Tashman 2000, "Out-of-sample tests of forecasting accuracy"): from each of several
 * origins, a model is fitted on everything before the origin (an expanding window) and forecasts the next
 * {@code window} periods, which are scored by sMAPE; the model's error is the mean over the origins. The window is
 * the forecast horizon, but at most a quarter of the series. Up to {@value #MOST_ORIGINS} origins are spread
 * evenly from the middle of the series to the last one that leaves a full window, so that the average covers much
 * of the series rather than the same few last periods over and over; at least {@value #FEWEST_ORIGINS}.
 *
 * @param window  periods forecast from each origin
 * @param origins the first forecast period of each back-test, ascending
 */
record BackTest(int window, int[] origins) {

    static final int FEWEST_ORIGINS = 3;
    static final int MOST_ORIGINS = 10;
    static final int SHORTEST_TRAINING = 4;

    /**
     * The back-tests for a series of {@code length} periods forecast {@code horizon} ahead. When the series is long
     * enough, no origin comes before two full seasons (Holt-Winters) or else one season and a period (seasonal naive),
     * so that the seasonal models can take part.
     */
    static BackTest plan(int length, int horizon, int season) {
        int window = Math.max(1, Math.min(horizon, length / 4));
        int last = length - window;
        int earliest = Math.max(SHORTEST_TRAINING, length / 2);
        for (int seasonal : new int[]{2 * season, season + 1}) {
            if (last - seasonal + 1 >= FEWEST_ORIGINS) {
                earliest = Math.max(earliest, seasonal);
                break;
            }
        }
        if (last - earliest + 1 < FEWEST_ORIGINS) {
            earliest = SHORTEST_TRAINING;
        }
        if (last - earliest + 1 < FEWEST_ORIGINS) {
            throw new IllegalArgumentException(length + " periods are too few for " + FEWEST_ORIGINS + " back-tests");
        }
        int spacing = Math.max(1, (last - earliest) / (MOST_ORIGINS - 1));
        int count = Math.min(MOST_ORIGINS, (last - earliest) / spacing + 1);
        int[] origins = new int[count];
        for (int i = 0; i < count; i++) {
            origins[i] = last - (count - 1 - i) * spacing;
        }
        return new BackTest(window, origins);
    }

    /** The fewest periods any back-test fits on. */
    int shortestTraining() {
        return origins[0];
    }

    /** The model's sMAPE averaged over the origins. */
    double smape(ForecastModel model, double[] y) {
        double total = 0;
        for (int origin : origins) {
            double[] forecast = model.fit(Arrays.copyOf(y, origin)).simulate(new double[window]);
            total += smape(Arrays.copyOfRange(y, origin, origin + window), forecast);
        }
        return total / origins.length;
    }

    /** Symmetric mean absolute percentage error, in [0, 2]; a period where both are zero counts as exact. */
    static double smape(double[] actual, double[] predicted) {
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double scale = Math.abs(actual[i]) + Math.abs(predicted[i]);
            total += scale == 0 ? 0 : 2 * Math.abs(actual[i] - predicted[i]) / scale;
        }
        return total / actual.length;
    }
}
