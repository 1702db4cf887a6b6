package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbers clustering sees: one row per follower, one column per feature (platform expands into one
 * 0/1 column per platform present), log1p applied to the chosen columns, then standardised to z-scores
 * when asked. Missing values are filled with the column's median and said so in {@link #notes()}.
 *
 * @param columns   column names ({@code likes}, {@code platform:douyin}, ...)
 * @param features  the feature behind each column
 * @param values    rows x columns, transformed
 * @param means     each column's mean before standardising (after log1p)
 * @param sds       each column's standard deviation before standardising
 * @param notes     what was done to the data that the user should know
 */
public record FeatureMatrix(List<String> columns, List<Feature> features, double[][] values, double[] means,
                            double[] sds, List<Reason> notes) {

    /** Whether to apply log1p per feature, and whether to standardise. */
    public record Transform(Set<Feature> logged, boolean standardise) {

        public static Transform defaults(List<Feature> features) {
            return new Transform(Set.copyOf(features.stream().filter(Feature::heavyTailed).toList()), true);
        }
    }

    public int rows() {
        return values.length;
    }

    public static FeatureMatrix build(FollowerFacts facts, List<Feature> features, Transform transform)
            throws SegmentationException {
        if (features.isEmpty()) {
            throw new SegmentationException("segment.error.noFeatures");
        }
        List<String> columns = new ArrayList<>();
        List<Feature> owners = new ArrayList<>();
        List<double[]> data = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        for (Feature feature : features) {
            if (feature == Feature.PLATFORM) {
                for (String platform : new TreeSet<>(Arrays.asList(facts.platforms()))) {
                    double[] column = new double[facts.size()];
                    for (int i = 0; i < column.length; i++) {
                        column[i] = facts.platforms()[i].equals(platform) ? 1 : 0;
                    }
                    columns.add("platform:" + platform);
                    owners.add(feature);
                    data.add(column);
                }
                continue;
            }
            double[] column = new double[facts.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = facts.value(feature, i);
            }
            int missing = fillMissing(column);
            if (missing > 0) {
                notes.add(Reason.of("segment.note.imputed", feature.key(), missing, round(median(column))));
            }
            if (transform.logged().contains(feature)) {
                for (int i = 0; i < column.length; i++) {
                    column[i] = Math.log1p(Math.max(0, column[i]));
                }
            }
            columns.add(feature.key());
            owners.add(feature);
            data.add(column);
        }
        int d = columns.size();
        double[] means = new double[d];
        double[] sds = new double[d];
        for (int j = 0; j < d; j++) {
            double[] column = data.get(j);
            means[j] = Arrays.stream(column).average().orElse(0);
            double mean = means[j];
            sds[j] = Math.sqrt(Arrays.stream(column).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, column.length - 1));
            if (column.length > 1 && !(sds[j] > 1e-12)) {
                throw new SegmentationException("segment.error.noVariance", columns.get(j));
            }
        }
        double[][] values = new double[facts.size()][d];
        for (int j = 0; j < d; j++) {
            double[] column = data.get(j);
            double shift = transform.standardise() ? means[j] : 0;
            double scale = transform.standardise() ? sds[j] : 1;
            for (int i = 0; i < column.length; i++) {
                values[i][j] = (column[i] - shift) / scale;
            }
        }
        return new FeatureMatrix(List.copyOf(columns), List.copyOf(owners), values, means, sds, List.copyOf(notes));
    }

    /** Replaces NaN with the median of the other values; returns how many were replaced. */
    private static int fillMissing(double[] column) {
        double[] known = Arrays.stream(column).filter(v -> !Double.isNaN(v)).toArray();
        int missing = column.length - known.length;
        if (missing == 0) {
            return 0;
        }
        double median = known.length == 0 ? 0 : median(known);
        for (int i = 0; i < column.length; i++) {
            if (Double.isNaN(column[i])) {
                column[i] = median;
            }
        }
        return missing;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
