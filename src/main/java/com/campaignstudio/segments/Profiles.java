package com.campaignstudio.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Profiles segments and numbers them by value: segment 0 has the most revenue per member. */
final class Profiles {

    private Profiles() {
    }

    /** The clusters renumbered so that 0 is the most valuable (revenue per member, then engagement). */
    static Clusters byValue(Clusters clusters, FollowerFacts facts, double[] engagement) {
        double[] revenue = new double[clusters.k()];
        double[] score = new double[clusters.k()];
        long[] size = new long[clusters.k()];
        for (int i = 0; i < facts.size(); i++) {
            int group = clusters.assignment()[i];
            revenue[group] += facts.monetary()[i];
            score[group] += engagement[i];
            size[group]++;
        }
        int[] order = IntStream.range(0, clusters.k()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(g -> -revenue[g] / Math.max(1, size[g]))
                        .thenComparingDouble(g -> -score[g] / Math.max(1, size[g])))
                .mapToInt(Integer::intValue).toArray();
        return clusters.reordered(order);
    }

    static List<SegmentProfile> of(FollowerFacts facts, FeatureMatrix matrix, Clusters clusters,
                                   EngagementScores engagement, double[] propensity,
                                   EngagementScores.Weights weights, List<String> names) {
        int k = clusters.k();
        int d = matrix.columns().size();
        double[][] raw = new double[k][d];
        double[][] standardised = new double[k][d];
        double[] revenue = new double[k];
        long[] buyers = new long[k];
        long[] size = new long[k];
        double[] u = new double[k];
        double[] r = new double[k];
        double[] tenure = new double[k];
        double[] scored = new double[k];
        double totalRevenue = 0;
        for (int i = 0; i < facts.size(); i++) {
            int g = clusters.assignment()[i];
            size[g]++;
            for (int j = 0; j < d; j++) {
                raw[g][j] += rawValue(facts, matrix, j, i);
                standardised[g][j] += matrix.values()[i][j];
            }
            revenue[g] += facts.monetary()[i];
            totalRevenue += facts.monetary()[i];
            buyers[g] += facts.isBuyer(i) ? 1 : 0;
            u[g] += engagement.score()[i];
            r[g] += engagement.frequency()[i];
            tenure[g] += Double.isNaN(facts.tenureDays()[i]) ? 0 : facts.tenureDays()[i];
            scored[g] += propensity == null ? 0 : propensity[i];
        }
        double longestTenure = IntStream.range(0, k).mapToDouble(g -> tenure[g] / Math.max(1, size[g])).max().orElse(1);
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            double n = Math.max(1, size[g]);
            int group = g;
            profiles.add(new SegmentProfile(g, names.get(g), Potential.ofRank(g, k), size[g],
                    size[g] / (double) Math.max(1, facts.size()),
                    Arrays.stream(raw[g]).map(v -> v / n).boxed().toList(),
                    Arrays.stream(standardised[g]).map(v -> v / n).boxed().toList(),
                    totalRevenue == 0 ? 0 : revenue[g] / totalRevenue, buyers[g] / n, revenue[g] / n, u[g] / n,
                    EngagementScores.activityIndex(u[g] / n, r[group] / n,
                            longestTenure <= 0 ? 0 : tenure[group] / n / longestTenure, weights),
                    propensity == null ? Double.NaN : scored[g] / n));
        }
        return profiles;
    }

    private static double rawValue(FollowerFacts facts, FeatureMatrix matrix, int column, int row) {
        Feature feature = matrix.features().get(column);
        if (feature == Feature.PLATFORM) {
            return matrix.columns().get(column).equals("platform:" + facts.platforms()[row]) ? 1 : 0;
        }
        double value = facts.value(feature, row);
        return Double.isNaN(value) ? 0 : value;
    }
}
