package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How CLV is spread over customers. CLV is very skewed (most customers are worth little, a few a great
 * deal), so the bands grow in 1-2-5 steps (¥5, ¥10, ¥20, ¥50, ...) from about a tenth of the median up to
 * the first step above the 99th percentile, the last band open-ended; with the median, the mean and the
 * share of all CLV held by the top tenth of customers.
 *
 * @param upperEdges    the upper edge of each band, the last one infinite
 * @param counts        customers per band
 * @param median        median CLV
 * @param mean          mean CLV
 * @param topTenthShare share of the total CLV held by the most valuable 10% of customers
 */
public record ClvDistribution(double[] upperEdges, long[] counts, double median, double mean, double topTenthShare) {

    public static ClvDistribution of(float[] clv) {
        if (clv.length == 0) {
            return new ClvDistribution(new double[0], new long[0], 0, 0, 0);
        }
        float[] sorted = clv.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        double total = 0;
        for (float value : sorted) {
            total += value;
        }
        int topCount = Math.max(1, (int) Math.round(n * 0.1));
        double top = 0;
        for (int i = n - topCount; i < n; i++) {
            top += sorted[i];
        }
        double[] edges = edges(median / 10, sorted[(int) Math.floor(0.99 * (n - 1))]);
        long[] counts = new long[edges.length];
        int band = 0;
        for (float value : sorted) {
            while (value >= edges[band]) {
                band++;
            }
            counts[band]++;
        }
        return new ClvDistribution(edges, counts, median, total / n, total > 0 ? top / total : 0);
    }

    /** 1-2-5 steps from the largest at or below {@code from} (at least 1) to the first above {@code to}, then infinity. */
    private static double[] edges(double from, double to) {
        double step = 1;
        while (next(step) <= from) {
            step = next(step);
        }
        List<Double> steps = new ArrayList<>(List.of(step));
        while (step <= to) {
            step = next(step);
            steps.add(step);
        }
        steps.add(Double.POSITIVE_INFINITY);
        return steps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** 1 -> 2 -> 5 -> 10 -> 20 -> 50 -> ... */
    private static double next(double step) {
        double decade = Math.pow(10, Math.floor(Math.log10(step)));
        return Math.round(step / decade) == 2 ? step * 2.5 : step * 2;
    }
}
