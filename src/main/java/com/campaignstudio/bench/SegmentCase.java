package com.campaignstudio.bench;

import com.campaignstudio.project.Project;
import com.campaignstudio.segments.Clusterer;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Feature;
import com.campaignstudio.segments.FeatureMatrix;
import com.campaignstudio.segments.FollowerFacts;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Segmenting the large project: read the features of a million followers, build the matrix (8 features),
 * k-means with k = 5 and 3 restarts, profile, save. Beside it, scikit-learn's KMeans on the same matrix with
 * the same k, restarts and iteration cap, when python3 with sklearn is installed.
 */
final class SegmentCase {

    /** The Python with scikit-learn (Debian's python3-sklearn is in /usr/bin/python3). */
    static final String PYTHON = "campaignstudio.bench.python";
    static final int K = 5;
    static final int RESTARTS = 3;
    static final int MAX_ITERATIONS = 100;

    private SegmentCase() {
    }

    static double run(Project project, Path scratch, Map<String, String> extra) throws Exception {
        long started = System.nanoTime();
        FollowerFacts facts = new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent());
        double read = seconds(started);
        extra.put("read_s", format(read));
        SegmentationSettings defaults = SegmentationSettings.defaults("bench " + System.nanoTime(), K);
        SegmentationSettings settings = new SegmentationSettings(defaults.name(), defaults.population(),
                defaults.features(), defaults.transform(), new Clusterer.Settings(defaults.clustering().algorithm(), K,
                RESTARTS, MAX_ITERATIONS, defaults.clustering().seed()), defaults.weights());
        long matrixStarted = System.nanoTime();
        FeatureMatrix matrix = FeatureMatrix.build(facts, Feature.DEFAULTS, settings.transform());
        extra.put("matrix_s", format(seconds(matrixStarted)));
        long clusterStarted = System.nanoTime();
        Clusterer.run(matrix.values(), settings.clustering(), TaskContext.silent());
        extra.put("kmeans_s", format(seconds(clusterStarted)));
        // Again with the code compiled: scikit-learn's figure has no warm-up in it either.
        long warmStarted = System.nanoTime();
        Clusterer.run(matrix.values(), settings.clustering(), TaskContext.silent());
        extra.put("kmeans_warm_s", format(seconds(warmStarted)));
        long segmentStarted = System.nanoTime();
        Segmentation segmentation = Segmenter.segment(facts, settings, TaskContext.silent());
        double segment = seconds(segmentStarted);
        extra.put("segment_all_steps_s", format(segment));
        long saveStarted = System.nanoTime();
        new SegmentStore(project.database()).save(segmentation);
        double save = seconds(saveStarted);
        extra.put("save_s", format(save));
        // End to end as the user runs it: read, segment (matrix, k-means, profiles, map), save. The k-means
        // timed alone above is the step compared with scikit-learn.
        double total = read + segment + save;
        sklearn(matrix.values(), scratch).ifPresent(s -> extra.put("sklearn_kmeans_s", format(s)));
        extra.put("followers", Integer.toString(facts.size()));
        return total;
    }

    /** Seconds scikit-learn's KMeans takes to fit the same matrix (lloyd, k-means++, same k/restarts/cap). */
    private static Optional<Double> sklearn(double[][] matrix, Path scratch) throws IOException, InterruptedException {
        Path data = scratch.resolve("segment-matrix.f64");
        int d = matrix[0].length;
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(d * 8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : matrix) {
                if (buffer.remaining() < d * 8) {
                    buffer.flip();
                    channel.write(buffer);
                    buffer.clear();
                }
                for (double value : row) {
                    buffer.putDouble(value);
                }
            }
            buffer.flip();
            channel.write(buffer);
        }
        Path script = scratch.resolve("sklearn_kmeans.py");
        Files.writeString(script, String.join("\n",
                "import sys, time, numpy as np",
                "from sklearn.cluster import KMeans",
                "x = np.fromfile(sys.argv[1], dtype='<f8').reshape(-1, " + d + ")",
                "t = time.perf_counter()",
                "KMeans(n_clusters=" + K + ", n_init=" + RESTARTS + ", max_iter=" + MAX_ITERATIONS
                        + ", tol=1e-4, init='k-means++', algorithm='lloyd', random_state=1).fit(x)",
                "print(time.perf_counter() - t)", ""), StandardCharsets.UTF_8);
        Process process;
        try {
            process = new ProcessBuilder(System.getProperty(PYTHON, "python3"), script.toString(), data.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return Optional.empty();
        }
        String[] lines = output.split("\n");
        return Optional.of(Double.parseDouble(lines[lines.length - 1]));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
