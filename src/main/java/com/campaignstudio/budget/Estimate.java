package com.campaignstudio.budget;

import java.util.Arrays;

/**
 * A figure from the fitted model with its 90% bootstrap interval (the 5th to the 95th percentile of the figure over
 * the bootstrap refits).
 */
public record Estimate(double value, double low, double high) {

    public static final double LOW_QUANTILE = 0.05;
    public static final double HIGH_QUANTILE = 0.95;

    /** The estimate {@code value} with the interval of {@code draws} (reordered in place). */
    public static Estimate of(double value, double[] draws) {
        if (draws.length == 0) {
            return new Estimate(value, value, value);
        }
        Arrays.sort(draws);
        return new Estimate(value, quantile(draws, LOW_QUANTILE), quantile(draws, HIGH_QUANTILE));
    }

    public boolean contains(double figure) {
        return low <= figure && figure <= high;
    }

    /** Hyndman and Fan's definition 7 (as {@code stats.Percentiles}) on sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
