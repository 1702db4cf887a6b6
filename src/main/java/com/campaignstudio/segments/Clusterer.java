package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Runs the chosen clustering algorithm from Smile, seeded (the same settings give the same segments). */
public final class Clusterer {

    /** The Gaussian mixture is fitted on at most this many rows; EM on a million rows takes minutes. */
    static final int MIXTURE_SAMPLE = 20_000;

    /**
     * Settings of one clustering run.
     *
     * @param algorithm     k-means or a Gaussian mixture
     * @param k             the number of segments
     * @param restarts      k-means runs from different seeds; the best is kept
     * @param maxIterations the iteration cap of each run
     * @param seed          the random seed
     */
    public record Settings(Algorithm algorithm, int k, int restarts, int maxIterations, long seed) {

        public static Settings kMeans(int k) {
            return new Settings(Algorithm.KMEANS, k, 3, 100, 20_261_123L);
        }
    }

    private Clusterer() {
    }

    public static Clusters run(double[][] data, Settings settings, TaskContext context) throws SegmentationException {
        int k = settings.k();
        if (k < 2) {
            throw new SegmentationException("segment.error.kTooSmall", k);
        }
        if (data.length < 10L * k) {
            throw new SegmentationException("segment.error.tooFew", data.length, k, 10 * k);
        }
        return switch (settings.algorithm()) {
            case KMEANS -> kMeans(data, settings, context);
            case GAUSSIAN_MIXTURE -> mixture(data, settings, context);
        };
    }

    /**
     * Lloyd's algorithm from Smile (five times faster here than its BBD-tree variant on 8 features), restarts
     * run side by side on the available cores; Smile's random numbers are per thread, so each restart is
     * seeded on its own thread and the result does not depend on scheduling. The least distortion wins.
     */
    private static Clusters kMeans(double[][] data, Settings settings, TaskContext context) {
        int restarts = Math.max(1, settings.restarts());
        AtomicLong iterations = new AtomicLong();
        List<CentroidClustering<double[], double[]>> fits = IntStream.range(0, restarts).parallel().mapToObj(run -> {
            MathEx.setSeed(settings.seed() + run);
            try (Controller controller = new Controller(context, iterations, restarts * (long) settings.maxIterations())) {
                return KMeans.lloyd(data, new Clustering.Options(settings.k(), settings.maxIterations(), 1e-4,
                        controller));
            }
        }).toList();
        context.checkCancelled();
        CentroidClustering<double[], double[]> best = fits.getFirst();
        for (CentroidClustering<double[], double[]> fit : fits) {
            if (fit.distortion() < best.distortion()) {
                best = fit;
            }
        }
        // Smile's distortion is the mean squared distance; a mixture's (see compacted) and the record's is the sum.
        return new Clusters(best.k(), best.group().clone(), best.centers(), best.distortion() * data.length);
    }

    private static Clusters mixture(double[][] data, Settings settings, TaskContext context)
            throws SegmentationException {
        double[][] sample = Samples.rows(data, MIXTURE_SAMPLE, settings.seed());
        MathEx.setSeed(settings.seed());
        context.message(Reason.of("stage.mixture"));
        MultivariateGaussianMixture mixture;
        try {
            mixture = MultivariateGaussianMixture.fit(settings.k(), sample, true);
        } catch (LinkageError noOpenBlas) {
            throw new SegmentationException("segment.error.noBlas");
        }
        context.checkCancelled();
        int k = mixture.components.length;
        int d = data[0].length;
        int[] assignment = new int[data.length];
        double[][] sums = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < data.length; i++) {
            int group = mixture.map(data[i]);
            assignment[i] = group;
            sizes[group]++;
            for (int j = 0; j < d; j++) {
                sums[group][j] += data[i][j];
            }
            if (i % 100_000 == 0) {
                context.checkCancelled();
            }
        }
        return compacted(data, assignment, sums, sizes);
    }

    /** Drops empty groups (a mixture component can own no follower) and computes centres and distortion. */
    static Clusters compacted(double[][] data, int[] assignment, double[][] sums, int[] sizes) {
        int[] newIndex = new int[sizes.length];
        int k = 0;
        for (int group = 0; group < sizes.length; group++) {
            newIndex[group] = sizes[group] > 0 ? k++ : -1;
        }
        double[][] centers = new double[k][];
        for (int group = 0; group < sizes.length; group++) {
            if (sizes[group] > 0) {
                double[] center = sums[group];
                for (int j = 0; j < center.length; j++) {
                    center[j] /= sizes[group];
                }
                centers[newIndex[group]] = center;
            }
        }
        double distortion = 0;
        for (int i = 0; i < data.length; i++) {
            assignment[i] = newIndex[assignment[i]];
            distortion += MathEx.squaredDistance(data[i], centers[assignment[i]]);
        }
        return new Clusters(k, assignment, centers, distortion);
    }

    /** Reports each k-means iteration as progress and stops the run when the user cancels. */
    private static final class Controller extends IterativeAlgorithmController<AlgoStatus> {
        private final TaskContext context;
        private final AtomicLong iterations;
        private final long total;

        Controller(TaskContext context, AtomicLong iterations, long total) {
            this.context = context;
            this.iterations = iterations;
            this.total = total;
        }

        @Override
        public void submit(AlgoStatus status) {
            context.progress(iterations.incrementAndGet(), total);
            if (context.isCancelled()) {
                stop();
            }
        }
    }
}
