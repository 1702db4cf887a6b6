package com.campaignstudio.budget;

/**
 * Geometric carry-over (domain.md §7): a_t = s_t + θ·a_(t−1), a_0 = s_0 — a share θ of a week's effective spend
 * still works the next week.
 */
public final class Adstock {

    private Adstock() {
    }

    public static double[] geometric(double[] spend, double theta) {
        double[] adstock = new double[spend.length];
        double carried = 0;
        for (int t = 0; t < spend.length; t++) {
            carried = spend[t] + theta * carried;
            adstock[t] = carried;
        }
        return adstock;
    }
}
