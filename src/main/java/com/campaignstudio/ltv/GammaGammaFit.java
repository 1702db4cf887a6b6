package com.campaignstudio.ltv;

import java.util.List;

import static smile.math.special.Gamma.digamma;
import static smile.math.special.Gamma.lgamma;

/** Fits Gamma-Gamma by maximum likelihood (analytic gradient) on customers with repeat purchases. */
final class GammaGammaFit {

    private GammaGammaFit() {
    }

    /** x: repeat purchases (> 0), m: mean value of those purchases (> 0). */
    static LogSpaceFit.Result fit(int[] x, double[] m, double penalty) {
        double mean = 0;
        for (double value : m) {
            mean += value;
        }
        mean /= Math.max(1, m.length);
        List<double[]> starts = List.of(new double[]{1, 2, mean}, new double[]{3, 4, mean}, new double[]{6, 3, mean / 4},
                new double[]{0.5, 1.5, mean * 2});
        LogSpaceFit.Objective full = (theta, gradient) -> negativeLogLikelihood(x, m, theta, gradient, penalty);
        if (x.length <= SEARCH_ROWS) {
            return LogSpaceFit.fit(full, starts);
        }
        // As for BG/NBD: the starting points race on every k-th customer, the winner is refined on all.
        int step = (int) Math.ceil(x.length / (double) SEARCH_ROWS);
        int[] sx = java.util.stream.IntStream.range(0, x.length).filter(i -> i % step == 0).map(i -> x[i]).toArray();
        double[] sm = java.util.stream.IntStream.range(0, m.length).filter(i -> i % step == 0).mapToDouble(i -> m[i]).toArray();
        LogSpaceFit.Result rough = LogSpaceFit.fit((theta, gradient) -> negativeLogLikelihood(sx, sm, theta, gradient,
                penalty), starts);
        return LogSpaceFit.fit(full, rough == null ? starts : List.of(rough.theta()));
    }

    /** Above this many customers the starting points are compared on a sample. */
    static final int SEARCH_ROWS = 20_000;

    /** -LL and its gradient; the special functions depend on x alone and are computed once per distinct x. */
    static double negativeLogLikelihood(int[] x, double[] m, double[] theta, double[] gradient, double penalty) {
        double p = theta[0];
        double q = theta[1];
        double gamma = theta[2];
        double psiQ = digamma(q);
        double lgammaQ = lgamma(q);
        double lnGamma = Math.log(gamma);
        int maxX = java.util.Arrays.stream(x).max().orElse(0);
        double[] constant = new double[maxX + 1];
        double[] dp = new double[maxX + 1];
        double[] dq = new double[maxX + 1];
        boolean[] done = new boolean[maxX + 1];
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
            double lnM = Math.log(m[i]);
            double lnDen = Math.log(gamma + m[i] * xi);
            ll += constant[xi] + (p * xi - 1) * lnM - (p * xi + q) * lnDen;
            gp += dp[xi] + xi * (lnM - lnDen);
            gq += dq[xi] - lnDen;
            gg += q / gamma - (p * xi + q) / (gamma + m[i] * xi);
        }
        gradient[0] = -gp + 2 * penalty * p;
        gradient[1] = -gq + 2 * penalty * q;
        gradient[2] = -gg + 2 * penalty * gamma;
        return -ll + penalty * (p * p + q * q + gamma * gamma);
    }
}
