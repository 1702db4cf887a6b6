package com.campaignstudio.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * Quartiles and other percentiles of a sample by linear interpolation between order statistics (Hyndman and Fan
 * 1996, definition 7; Excel's PERCENTILE.INC, R's default): for sorted x_1..x_n, the p-th percentile is
 * x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) with h = (n − 1)p + 1. The median of 1, 2, 3, 10 is 2.5.
 */
public record Percentiles(long count, double p25, double median, double p75, double p90) {

    /** The percentiles of {@code values[0..size)}, which are sorted in place; empty when there are none. */
    public static Optional<Percentiles> of(long[] values, int size) {
        if (size == 0) {
            return Optional.empty();
        }
        Arrays.sort(values, 0, size);
        return Optional.of(new Percentiles(size, at(values, size, 0.25), at(values, size, 0.5), at(values, size, 0.75),
                at(values, size, 0.9)));
    }

    /** The {@code p}-th percentile (0..1) of the sorted {@code values[0..size)}. */
    public static double at(long[] sorted, int size, double p) {
        double h = (size - 1) * p;
        int below = (int) Math.floor(h);
        if (below >= size - 1) {
            return sorted[size - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
