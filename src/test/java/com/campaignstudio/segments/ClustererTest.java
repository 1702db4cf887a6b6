package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.Test;
import smile.math.MathEx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClustererTest {

    /**
     * Twelve blobs of uneven size clustered into five: restarts from different seeds end in different local
     * optima, and the run keeps the one with the least distortion, whichever restart it was.
     */
    @Test
    void kMeansKeepsTheRestartWithTheLeastDistortion() throws Exception {
        double[][] data = blobs(12, new Random(4));
        int restarts = 6;
        Clusters kept = Clusterer.run(data, new Clusterer.Settings(Algorithm.KMEANS, 5, restarts, 100, 77),
                TaskContext.silent());
        double[] alone = new double[restarts];
        for (int run = 0; run < restarts; run++) {
            alone[run] = Clusterer.run(data, new Clusterer.Settings(Algorithm.KMEANS, 5, 1, 100, 77 + run),
                    TaskContext.silent()).distortion();
        }
        double least = Arrays.stream(alone).min().orElseThrow();
        double most = Arrays.stream(alone).max().orElseThrow();
        assertTrue(most > least * 1.01, "the restarts should differ for this test to mean anything: "
                + Arrays.toString(alone));
        assertEquals(least, kept.distortion(), 1e-9 * least, Arrays.toString(alone));
    }

    /** The distortion is the sum of squared distances of each row to its segment's centre. */
    @Test
    void distortionIsTheSumOfSquaredDistancesToTheAssignedCentre() throws Exception {
        double[][] data = blobs(4, new Random(9));
        Clusters clusters = Clusterer.run(data, Clusterer.Settings.kMeans(4), TaskContext.silent());
        double sum = 0;
        for (int i = 0; i < data.length; i++) {
            double[] centre = clusters.centers()[clusters.assignment()[i]];
            for (int j = 0; j < centre.length; j++) {
                sum += (data[i][j] - centre[j]) * (data[i][j] - centre[j]);
            }
        }
        assertEquals(sum, clusters.distortion(), 1e-6 * sum);
        double[][] centres = clusters.centers().clone();
        Arrays.sort(centres, (a, b) -> Double.compare(a[0], b[0]));
        assertArrayEquals(new double[]{0, 0}, centres[0], 0.2, "the first blob is centred at the origin");
    }

    /** Blob b is centred at (3b, 2 (b mod 3)) with 20 (b + 1) points of spread 0.3. */
    private static double[][] blobs(int count, Random random) {
        int rows = 0;
        for (int b = 0; b < count; b++) {
            rows += 20 * (b + 1);
        }
        double[][] data = new double[rows][];
        int row = 0;
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < 20 * (b + 1); i++) {
                data[row++] = new double[]{3 * b + 0.3 * random.nextGaussian(), 2 * (b % 3) + 0.3 * random.nextGaussian()};
            }
        }
        return data;
    }
    /** Group 1 owns nobody: groups 0, 2, 3 become 0, 1, 2, each centre is its rows' mean. */
    @Test
    void compactionDropsEmptyGroupsAndRenumbersTheRest() {
        double[][] data = {{0, 0}, {2, 0}, {10, 10}, {12, 10}, {11, 13}, {-5, 1}};
        int[] assignment = {0, 0, 2, 2, 2, 3};
        double[][] sums = {{2, 0}, {0, 0}, {33, 33}, {-5, 1}};
        Clusters compacted = Clusterer.compacted(data, assignment, sums, new int[]{2, 0, 3, 1});
        assertEquals(3, compacted.k());
        assertArrayEquals(new int[]{0, 0, 1, 1, 1, 2}, compacted.assignment());
        assertArrayEquals(new double[][]{{1, 0}, {11, 11}, {-5, 1}}, compacted.centers());
        // 1 + 1 | (1 + 1) + (1 + 1) + (0 + 4) | 0
        assertEquals(10, compacted.distortion(), 1e-12);

        Clusters firstEmpty = Clusterer.compacted(new double[][]{{1}, {3}}, new int[]{1, 1}, new double[][]{{0}, {4}},
                new int[]{0, 2});
        assertEquals(1, firstEmpty.k());
        assertArrayEquals(new int[]{0, 0}, firstEmpty.assignment());
        assertArrayEquals(new double[][]{{2}}, firstEmpty.centers());
        assertEquals(2, firstEmpty.distortion(), 1e-12);
    }

    /** Three round blobs of different spread, far apart: each comes back whole, centred on its mean. */
    @Test
    void theMixtureRecoversPlantedBlobs() throws Exception {
        double[][] planted = {{0, 0}, {8, 0}, {0, 8}};
        double[] spread = {0.5, 1.0, 0.3};
        Random random = new Random(12);
        int perBlob = 200;
        double[][] data = new double[3 * perBlob][];
        for (int i = 0; i < data.length; i++) {
            int blob = i / perBlob;
            data[i] = new double[]{planted[blob][0] + spread[blob] * random.nextGaussian(),
                planted[blob][1] + spread[blob] * random.nextGaussian()};
        }
        List<String> messages = new ArrayList<>();
        Clusters clusters = Clusterer.run(data, new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 3, 1, 100, 5),
                recording(messages, new ArrayList<>()));
        assertEquals(List.of("stage.mixture"), messages);
        assertEquals(3, clusters.k());
        Set<Integer> used = new HashSet<>();
        for (int blob = 0; blob < 3; blob++) {
            int group = clusters.assignment()[blob * perBlob];
            used.add(group);
            double[] sum = new double[2];
            for (int i = blob * perBlob; i < (blob + 1) * perBlob; i++) {
                assertEquals(group, clusters.assignment()[i], "row " + i + " left blob " + blob);
                sum[0] += data[i][0];
                sum[1] += data[i][1];
            }
            double[] mean = {sum[0] / perBlob, sum[1] / perBlob};
            assertArrayEquals(mean, clusters.centers()[group], 1e-9, "the centre is the blob's mean");
            assertArrayEquals(planted[blob], clusters.centers()[group], 0.15, "near the planted centre");
        }
        assertEquals(3, used.size(), "three different segments");
        assertEquals(squaredDistances(data, clusters), clusters.distortion(), 1e-9);
    }

    /** The mixture is seeded: the same settings give the same segments whatever random numbers went before. */
    @Test
    void theMixtureIsSeeded() throws Exception {
        double[][] data = square(400, new Random(3));
        Clusterer.Settings settings = new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 4, 1, 100, 21);
        Clusters first = Clusterer.run(data, settings, TaskContext.silent());
        for (int i = 0; i < 1000; i++) {
            MathEx.random();
        }
        Clusters again = Clusterer.run(data, settings, TaskContext.silent());
        assertArrayEquals(first.assignment(), again.assignment());
        Clusters otherSeed = Clusterer.run(data, new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 4, 1, 100, 22),
                TaskContext.silent());
        assertFalse(Arrays.equals(first.assignment(), otherSeed.assignment()),
                "another seed should find other segments on a uniform square, for this test to mean anything");
    }

    @Test
    void theMixtureStopsWhenTheUserCancels() {
        assertThrows(CancelledException.class, () -> Clusterer.run(square(100, new Random(1)),
                new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 2, 1, 100, 1), TestContexts.cancelled()));
    }

    /**
     * k-means runs until it settles: every row is nearest its own centre. (Smile stops on a small change of
     * distortion, so a centre may still be a hair from its rows' mean.)
     */
    @Test
    void kMeansRunsUntilEveryRowIsNearestItsOwnCentre() throws Exception {
        double[][] data = square(600, new Random(8));
        Clusters clusters = Clusterer.run(data, new Clusterer.Settings(Algorithm.KMEANS, 6, 1, 500, 3),
                TaskContext.silent());
        for (int i = 0; i < data.length; i++) {
            int own = clusters.assignment()[i];
            for (int g = 0; g < 6; g++) {
                assertTrue(MathEx.squaredDistance(data[i], clusters.centers()[own])
                        <= MathEx.squaredDistance(data[i], clusters.centers()[g]) + 1e-12, "row " + i + " nearer " + g);
            }
        }
    }

    /** Progress counts iterations of all restarts against restarts times the iteration cap. */
    @Test
    void kMeansReportsIterationsOfAllRestarts() throws Exception {
        List<long[]> progress = new ArrayList<>();
        Clusterer.run(square(300, new Random(2)), new Clusterer.Settings(Algorithm.KMEANS, 4, 2, 50, 9),
                recording(new ArrayList<>(), progress));
        assertTrue(progress.size() >= 2, "at least one iteration per restart: " + progress.size());
        assertTrue(progress.stream().allMatch(p -> p[1] == 100), "out of 2 x 50");
        assertEquals(progress.size(), progress.stream().mapToLong(p -> p[0]).max().orElseThrow(),
                "each iteration counted once");
    }

    @Test
    void tooSmallAKOrTooFewRowsAreRefused() throws Exception {
        SegmentationException one = assertThrows(SegmentationException.class,
                () -> Clusterer.run(square(100, new Random(1)), Clusterer.Settings.kMeans(1), TaskContext.silent()));
        assertEquals(Reason.of("segment.error.kTooSmall", 1), one.reason());
        assertEquals(2, Clusterer.run(square(20, new Random(1)), Clusterer.Settings.kMeans(2), TaskContext.silent()).k(),
                "ten rows per segment are enough");
        SegmentationException few = assertThrows(SegmentationException.class,
                () -> Clusterer.run(square(19, new Random(1)), Clusterer.Settings.kMeans(2), TaskContext.silent()));
        assertEquals(Reason.of("segment.error.tooFew", 19, 2, 20), few.reason());
    }

    private static double squaredDistances(double[][] data, Clusters clusters) {
        double sum = 0;
        for (int i = 0; i < data.length; i++) {
            sum += MathEx.squaredDistance(data[i], clusters.centers()[clusters.assignment()[i]]);
        }
        return sum;
    }

    private static double[][] square(int rows, Random random) {
        double[][] data = new double[rows][];
        for (int i = 0; i < rows; i++) {
            data[i] = new double[]{random.nextDouble(), random.nextDouble()};
        }
        return data;
    }

    private static TaskContext recording(List<String> messages, List<long[]> progress) {
        return new TaskContext() {
            @Override
            public synchronized void progress(long done, long total) {
                progress.add(new long[]{done, total});
            }

            @Override
            public synchronized void message(Reason message) {
                messages.add(message.key());
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
