package com.campaignstudio.segments;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Deterministic uniform samples of rows, for the steps that need not see a million followers. */
final class Samples {

    private Samples() {
    }

    /** {@code size} distinct row numbers below {@code n}, ascending (all rows when there are fewer). */
    static int[] indices(int n, int size, long seed) {
        if (n <= size) {
            return IntStream.range(0, n).toArray();
        }
        Random random = new Random(seed);
        int[] pool = IntStream.range(0, n).toArray();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        int[] chosen = Arrays.copyOf(pool, size);
        Arrays.sort(chosen);
        return chosen;
    }

    static double[][] rows(double[][] data, int size, long seed) {
        return Arrays.stream(indices(data.length, size, seed)).mapToObj(i -> data[i]).toArray(double[][]::new);
    }
}
