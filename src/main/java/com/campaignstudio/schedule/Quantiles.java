package com.campaignstudio.schedule;

/** The 10th and 90th percentiles of draws by selection, without sorting: re-simulating must stay within a frame. */
final class Quantiles {

    static final double LOW = 0.10;
    static final double HIGH = 0.90;

    private Quantiles() {
    }

    /** The band of {@code values[0..n)} (reordered in place) with the given mean. */
    static Band band(float[] values, int n, double mean) {
        int low = rank(LOW, n);
        int high = rank(HIGH, n);
        select(values, 0, n - 1, low);
        select(values, low, n - 1, high);
        return new Band(mean, values[low], values[high]);
    }

    /** The nearest-rank position of quantile q among n sorted values. */
    static int rank(double q, int n) {
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1));
    }

    /** Hoare's selection: afterwards values[k] is the k-th smallest of values[from..to] and the array around it split. */
    static void select(float[] values, int from, int to, int k) {
        int left = from;
        int right = to;
        while (right > left) {
            int middle = (left + right) >>> 1;
            float pivot = median(values[left], values[middle], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
