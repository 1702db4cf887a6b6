package com.campaignstudio.segments;

import com.campaignstudio.work.TaskContext;
import smile.math.MathEx;

import java.util.ArrayList;
import java.util.List;

/**
 * Suggests k by the mean silhouette over k = 2..10: k-means on a sample of the population, silhouettes on
 * a smaller sample of it (the silhouette is quadratic in the rows).
 */
public final class KSuggestion {

    static final int CLUSTER_SAMPLE = 20_000;
    static final int SILHOUETTE_SAMPLE = 2_000;

    /** The mean silhouette of one k. */
    public record Score(int k, double silhouette) {
    }

    /** The scores of every k tried and the best k. */
    public record Result(List<Score> scores, int bestK) {
    }

    private KSuggestion() {
    }

    public static Result suggest(double[][] data, int minK, int maxK, long seed, TaskContext context)
            throws SegmentationException {
        double[][] sample = Samples.rows(data, CLUSTER_SAMPLE, seed);
        int[] scored = Samples.indices(sample.length, SILHOUETTE_SAMPLE, seed + 1);
        List<Score> scores = new ArrayList<>();
        int top = Math.min(maxK, sample.length / 10);
        for (int k = minK; k <= top; k++) {
            context.checkCancelled();
            context.progress(k - minK, top - minK + 1);
            Clusters clusters = Clusterer.run(sample, new Clusterer.Settings(Algorithm.KMEANS, k, 2, 100, seed),
                    TaskContext.silent());
            scores.add(new Score(k, silhouette(sample, clusters.assignment(), k, scored)));
        }
        if (scores.isEmpty()) {
            throw new SegmentationException("segment.error.tooFew", data.length, minK, 10 * minK);
        }
        Score best = scores.stream().max(java.util.Comparator.comparingDouble(Score::silhouette)).orElseThrow();
        return new Result(List.copyOf(scores), best.k());
    }

    /** The mean silhouette of the rows {@code scored} (Rousseeuw 1987), distances to the scored rows only. */
    static double silhouette(double[][] data, int[] assignment, int k, int[] scored) {
        double total = 0;
        int counted = 0;
        for (int i : scored) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : scored) {
                if (i != j) {
                    sum[assignment[j]] += Math.sqrt(MathEx.squaredDistance(data[i], data[j]));
                    count[assignment[j]]++;
                }
            }
            int own = assignment[i];
            if (count[own] == 0) {
                counted++;
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int group = 0; group < k; group++) {
                if (group != own && count[group] > 0) {
                    b = Math.min(b, sum[group] / count[group]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
                counted++;
            }
        }
        return counted == 0 ? 0 : total / counted;
    }
}
