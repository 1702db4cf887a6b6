package com.campaignstudio.ltv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Customer histories collapsed to distinct (x, t_x, T) with how many customers share each: the likelihood
 * is a weighted sum over these, which is much shorter than the customer list (day-resolution dates give a
 * few thousand distinct histories per hundred thousand customers).
 */
record Repeats(int[] x, double[] tx, double[] T, long[] weight) {

    static Repeats collapse(int[] x, double[] tx, double[] T) {
        Map<Key, long[]> counts = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            counts.computeIfAbsent(new Key(x[i], tx[i], T[i]), key -> new long[1])[0]++;
        }
        Key[] keys = counts.keySet().toArray(Key[]::new);
        Arrays.sort(keys, (p, q) -> p.x != q.x ? Integer.compare(p.x, q.x)
                : p.T != q.T ? Double.compare(p.T, q.T) : Double.compare(p.tx, q.tx));
        int n = keys.length;
        int[] cx = new int[n];
        double[] ctx = new double[n];
        double[] cT = new double[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            cx[i] = keys[i].x;
            ctx[i] = keys[i].tx;
            cT[i] = keys[i].T;
            w[i] = counts.get(keys[i])[0];
        }
        return new Repeats(cx, ctx, cT, w);
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
        for (int k = 0; k < n; k++) {
            int i = k * step;
            sx[k] = x[i];
            stx[k] = tx[i];
            sT[k] = T[i];
            sw[k] = weight[i] * step;
        }
        return new Repeats(sx, stx, sT, sw);
    }

    int maxX() {
        return Arrays.stream(x).max().orElse(0);
    }

    /** presentX()[x] tells whether some history has x repeat purchases. */
    boolean[] presentX() {
        boolean[] present = new boolean[maxX() + 1];
        for (int value : x) {
            present[value] = true;
        }
        return present;
    }

    long customers() {
        return Arrays.stream(weight).sum();
    }

    private record Key(int x, double tx, double T) {
    }
}
