package com.campaignstudio.ltv;

import java.util.List;

import static com.campaignstudio.ltv.SpecialFunctions.digamma;
import static com.campaignstudio.ltv.SpecialFunctions.lgamma;

/** Fits Gamma-Gamma by maximum likelihood (analytic gradient) on customers with repeat purchases. */
final class GammaGammaFit {

    private GammaGammaFit() {
    }

    /**
     * Repeat purchases x (> 0) and their mean value m (> 0) per customer, with log m and the largest x worked
     * out once rather than in every evaluation of the likelihood.
     */
    record Spends(int[] x, double[] m, double[] lnM, int maxX) {

        static Spends of(int[] x, double[] m) {
            double[] lnM = new double[m.length];
            int maxX = 0;
            for (int i = 0; i < m.length; i++) {
                lnM[i] = Math.log(m[i]);
                maxX = Math.max(maxX, x[i]);
            }
            return new Spends(x, m, lnM, maxX);
        }

        int size() {
            return x.length;
        }

        /** Every step-th customer. */
        Spends everyNth(int step) {
            int n = (x.length + step - 1) / step;
            int[] sx = new int[n];
            double[] sm = new double[n];
            for (int k = 0; k < n; k++) {
                sx[k] = x[k * step];
                sm[k] = m[k * step];
            }
            return of(sx, sm);
        }
    }

    static LogSpaceFit.Result fit(Spends data, double penalty) {
        double mean = 0;
        for (double value : data.m()) {
            mean += value;
        }
        mean /= Math.max(1, data.size());
        List<double[]> starts = List.of(new double[]{1, 2, mean}, new double[]{3, 4, mean}, new double[]{6, 3, mean / 4},
                new double[]{0.5, 1.5, mean * 2});
        LogSpaceFit.Objective full = (theta, gradient) -> negativeLogLikelihood(data, theta, gradient, penalty);
        if (data.size() <= SEARCH_ROWS) {
            return LogSpaceFit.fit(full, starts);
        }
        // As for BG/NBD: the starting points race on every k-th customer, the winner is refined on all.
        Spends sample = data.everyNth((int) Math.ceil(data.size() / (double) SEARCH_ROWS));
        return LogSpaceFit.raceThenFit((theta, gradient) -> negativeLogLikelihood(sample, theta, gradient, penalty),
                full, starts);
    }

    /** Above this many customers the starting points are compared on a sample. */
    static final int SEARCH_ROWS = 5_000;

    /** -LL and its gradient; the special functions depend on x alone and are computed once per distinct x. */
    static double negativeLogLikelihood(Spends data, double[] theta, double[] gradient, double penalty) {
        double p = theta[0];
        double q = theta[1];
        double gamma = theta[2];
        double psiQ = digamma(q);
        double lgammaQ = lgamma(q);
        double lnGamma = Math.log(gamma);
        int maxX = data.maxX();
        double[] constant = new double[maxX + 1];
        double[] dp = new double[maxX + 1];
        double[] dq = new double[maxX + 1];
        boolean[] done = new boolean[maxX + 1];
        int[] x = data.x();
        double[] m = data.m();
        double[] lnMs = data.lnM();
        double ll = 0;
        double gp = 0;
        double gq = 0;
        double gg = 0;
        for (int i = 0; i < x.length; i++) {
            int xi = x[i];
            if (!done[xi]) {
                double psiSum = digamma(p * xi + q);
                constant[xi] = lgamma(p * xi + q) - lgamma(p * xi) - lgammaQ + q * lnGamma + p * xi * Math.log(xi);
                dp[xi] = xi * (psiSum - digamma(p * xi) + Math.log(xi));
                dq[xi] = psiSum - psiQ + lnGamma;
                done[xi] = true;
            }
            double lnM = lnMs[i];
            double denominator = gamma + m[i] * xi;
            double lnDen = Math.log(denominator);
            ll += constant[xi] + (p * xi - 1) * lnM - (p * xi + q) * lnDen;
            gp += dp[xi] + xi * (lnM - lnDen);
            gq += dq[xi] - lnDen;
            gg += q / gamma - (p * xi + q) / denominator;
        }
        gradient[0] = -gp + 2 * penalty * p;
        gradient[1] = -gq + 2 * penalty * q;
        gradient[2] = -gg + 2 * penalty * gamma;
        return -ll + penalty * (p * p + q * q + gamma * gamma);
    }
}
