package com.campaignstudio.segments;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplesTest {

    @Test
    void fewerRowsThanAskedAreAllTaken() {
        assertArrayEquals(new int[]{0, 1, 2}, Samples.indices(3, 5, 1));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, Samples.indices(5, 5, 1));
        assertArrayEquals(new int[0], Samples.indices(0, 5, 1));
    }

    @Test
    void aSampleIsDistinctAscendingAndSeeded() {
        int[] sample = Samples.indices(1000, 50, 7);
        assertEquals(50, sample.length);
        for (int i = 1; i < sample.length; i++) {
            assertTrue(sample[i - 1] < sample[i], "ascending and distinct at " + i + ": " + Arrays.toString(sample));
        }
        assertTrue(sample[0] >= 0 && sample[49] < 1000);
        assertArrayEquals(sample, Samples.indices(1000, 50, 7), "the same seed, the same rows");
        assertFalse(Arrays.equals(sample, Samples.indices(1000, 50, 8)), "another seed, other rows");
    }

    /** Over 10,000 seeds, each of 10 rows is in a sample of 3 about 3,000 times (sd 46). */
    @Test
    void everyRowIsEquallyLikelyToBeSampled() {
        int[] taken = new int[10];
        for (long seed = 0; seed < 10_000; seed++) {
            for (int row : Samples.indices(10, 3, seed)) {
                taken[row]++;
            }
        }
        for (int row = 0; row < 10; row++) {
            assertEquals(3000, taken[row], 250, "row " + row + ": " + Arrays.toString(taken));
        }
    }

    @Test
    void sampledRowsAreTheDataRowsThemselves() {
        double[][] data = new double[100][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new double[]{i, -i};
        }
        int[] indices = Samples.indices(100, 10, 4);
        double[][] rows = Samples.rows(data, 10, 4);
        assertEquals(10, rows.length);
        for (int i = 0; i < 10; i++) {
            assertSame(data[indices[i]], rows[i]);
        }
    }
}
