package com.campaignstudio.segments;

import smile.feature.extraction.PCA;

/**
 * A 2-D picture of the population: the first two principal components of the feature matrix, fitted and
 * drawn on a sample (a chart of a million points is neither fast nor readable).
 *
 * @param x, y            coordinates of the sampled followers
 * @param segment         each point's segment
 * @param explainedShare  the share of variance the two components explain
 */
public record Scatter(double[] x, double[] y, int[] segment, double explainedShare) {

    static final int POINTS = 3_000;

    static Scatter of(FeatureMatrix matrix, Clusters clusters, long seed) {
        int[] rows = Samples.indices(matrix.rows(), POINTS, seed);
        double[][] sample = new double[rows.length][];
        int[] segments = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sample[i] = matrix.values()[rows[i]];
            segments[i] = clusters.assignment()[rows[i]];
        }
        int d = matrix.columns().size();
        if (d < 2 || rows.length < 3) {
            double[] first = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                first[i] = sample[i][0];
            }
            return new Scatter(first, new double[rows.length], segments, 1);
        }
        PCA pca = PCA.fit(sample);
        double[][] projected = pca.getProjection(2).apply(sample);
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = projected[i][0];
            y[i] = projected[i][1];
        }
        return new Scatter(x, y, segments, pca.cumulativeVarianceProportion().get(1));
    }
}
