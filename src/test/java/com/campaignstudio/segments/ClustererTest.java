package com.campaignstudio.segments;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
