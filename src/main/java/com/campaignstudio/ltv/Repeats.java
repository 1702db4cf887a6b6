package com.campaignstudio.ltv;

import java.util.Arrays;

/**
 * Customer histories collapsed to distinct (x, t_x, T), sorted by x, then T, then t_x, with how many
 * customers share each: the likelihood is a weighted sum over these. Day-resolution dates leave about one
 * distinct history per two customers, but t_x and T each take only as many values as there are days in the
 * data, so those values are kept once ({@code times}) and the histories point into them: the likelihood
 * takes one logarithm per value, not two per history.
 *
 * @param times ascending distinct values of t_x and T; {@code times[txAt[i]] == tx[i]}, {@code times[TAt[i]] == T[i]}
 */
record Repeats(int[] x, double[] tx, double[] T, long[] weight, double[] times, int[] txAt, int[] TAt) {

    /** The distinct histories and, for each customer, the index of its history. */
    record Collapsed(Repeats repeats, int[] historyOf) {
    }

    private static final int LEVEL_BITS = 21;

    static Repeats collapse(int[] x, double[] tx, double[] T) {
        return collapseWithIndex(x, tx, T).repeats();
    }

    /**
     * Packs each customer's (x, T level, t_x level) into one long whose order is the histories' order, sorts
     * those and keeps the distinct ones: no per-customer objects, which matters at a million customers.
     */
    static Collapsed collapseWithIndex(int[] x, double[] tx, double[] T) {
        int n = x.length;
        double[] times = distinct(tx, T);
        if (times.length >= 1 << LEVEL_BITS) {
            throw new IllegalArgumentException("more than " + (1 << LEVEL_BITS) + " distinct times");
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long level = Arrays.binarySearch(times, T[i]);
            long txLevel = Arrays.binarySearch(times, tx[i]);
            keys[i] = (long) x[i] << (2 * LEVEL_BITS) | level << LEVEL_BITS | txLevel;
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] historyOf = new int[n];
        long[] weight = new long[distinct];
        for (int i = 0; i < n; i++) {
            int h = Arrays.binarySearch(sorted, 0, distinct, keys[i]);
            historyOf[i] = h;
            weight[h]++;
        }
        int[] cx = new int[distinct];
        int[] txAt = new int[distinct];
        int[] TAt = new int[distinct];
        double[] ctx = new double[distinct];
        double[] cT = new double[distinct];
        int mask = (1 << LEVEL_BITS) - 1;
        for (int h = 0; h < distinct; h++) {
            cx[h] = (int) (sorted[h] >>> (2 * LEVEL_BITS));
            TAt[h] = (int) (sorted[h] >>> LEVEL_BITS) & mask;
            txAt[h] = (int) sorted[h] & mask;
            ctx[h] = times[txAt[h]];
            cT[h] = times[TAt[h]];
        }
        return new Collapsed(new Repeats(cx, ctx, cT, weight, times, txAt, TAt), historyOf);
    }

    private static double[] distinct(double[] first, double[] second) {
        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    int size() {
        return x.length;
    }

    /**
     * Every k-th history (they are sorted by x, T and t_x, so the sample spans them all), each standing for
     * k times its weight.
     */
    Repeats systematicSample(int size) {
        int step = Math.max(1, (int) Math.ceil(x.length / (double) size));
        int n = (x.length + step - 1) / step;
        int[] sx = new int[n];
        double[] stx = new double[n];
        double[] sT = new double[n];
        long[] sw = new long[n];
        int[] sTxAt = new int[n];
        int[] sTAt = new int[n];
        for (int k = 0; k < n; k++) {
            int i = k * step;
            sx[k] = x[i];
            stx[k] = tx[i];
            sT[k] = T[i];
            sw[k] = weight[i] * step;
            sTxAt[k] = txAt[i];
            sTAt[k] = TAt[i];
        }
        return new Repeats(sx, stx, sT, sw, times, sTxAt, sTAt);
    }

    /** Whether history h is the first of those with its x and T (they are adjacent). */
    boolean firstWithItsXAndT(int h) {
        return h == 0 || x[h] != x[h - 1] || TAt[h] != TAt[h - 1];
    }

    long customers() {
        return Arrays.stream(weight).sum();
    }
}
