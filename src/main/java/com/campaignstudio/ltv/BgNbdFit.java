package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.List;

import static com.campaignstudio.ltv.SpecialFunctions.digamma;
import static com.campaignstudio.ltv.SpecialFunctions.lgamma;

/**
 * Fits BG/NBD by maximum likelihood: the log-likelihood of domain.md in log space with its analytic
 * gradient (digamma functions), over collapsed histories, from several starting points, with an optional
 * small ridge penalty on the parameters for data that barely identify them.
 */
final class BgNbdFit {

    private BgNbdFit() {
    }

    /** The fit, or null when no starting point led anywhere finite. */
    static LogSpaceFit.Result fit(Repeats data, double penalty) {
        double meanT = 0;
        for (int i = 0; i < data.size(); i++) {
            meanT += data.T()[i] * data.weight()[i];
        }
        meanT = Math.max(1e-3, meanT / Math.max(1, data.customers()));
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[]{0.5, meanT / 4, 0.8, 2.5});
        starts.add(new double[]{1, meanT, 1, 1});
        starts.add(new double[]{0.25, meanT / 10, 0.5, 4});
        starts.add(new double[]{2, meanT * 2, 0.3, 1.5});
        LogSpaceFit.Objective full = (theta, gradient) -> negativeLogLikelihood(data, theta, gradient, penalty);
        if (data.size() <= SEARCH_HISTORIES) {
            return LogSpaceFit.fit(full, starts);
        }
        // Many histories: the starting points race on a systematic sample of them (weights scaled up to the
        // whole), and only the winner is refined on everything.
        Repeats sample = data.systematicSample(SEARCH_HISTORIES);
        return LogSpaceFit.raceThenFit((theta, gradient) -> negativeLogLikelihood(sample, theta, gradient, penalty),
                full, starts);
    }

    /** Above this many distinct histories the starting points are compared on a sample. */
    static final int SEARCH_HISTORIES = 5_000;

    /**
     * -LL and its gradient. Every special function depends on x alone, and x takes few values, so they are
     * computed once per distinct x, the logarithms once per distinct time; per history one exponential and one
     * logarithm remain.
     */
    static double negativeLogLikelihood(Repeats data, double[] theta, double[] gradient, double penalty) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        double lnAlpha = Math.log(alpha);
        double logBetaAB = BgNbd.logBeta(a, b);
        double psiR = digamma(r);
        double psiAB = digamma(a + b);
        double psiA = digamma(a);
        double psiB = digamma(b);
        double lgammaR = lgamma(r);
        double psiA1 = digamma(a + 1);
        // log(alpha + t) and 1 / (alpha + t) once per distinct time, not per history.
        double[] times = data.times();
        double[] lnA = new double[times.length];
        double[] inverseA = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnA[k] = Math.log(alpha + times[k]);
            inverseA[k] = 1 / (alpha + times[k]);
        }
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        int[] xs = data.x();
        int[] TAt = data.TAt();
        int[] txAt = data.txAt();
        long[] weights = data.weight();
        // Terms that depend on x alone, worked out again whenever x changes (the histories are sorted by x).
        int currentX = -1;
        double common = 0;
        double dCommonR = 0;
        double uBase = 0;
        double duA = 0;
        double duB = 0;
        double vBase = 0;
        double dvA = 0;
        double dvB = 0;
        for (int i = 0; i < xs.length; i++) {
            int x = xs[i];
            if (x != currentX) {
                currentX = x;
                double psiABx = digamma(a + b + x);
                common = lgamma(r + x) - lgammaR + r * lnAlpha;
                dCommonR = digamma(r + x) - psiR + lnAlpha;
                uBase = BgNbd.logBeta(a, b + x) - logBetaAB;
                duA = psiAB - psiABx;
                duB = digamma(b + x) - psiABx - psiB + psiAB;
                if (x > 0) {
                    vBase = BgNbd.logBeta(a + 1, b + x - 1) - logBetaAB;
                    dvA = psiA1 - psiABx - psiA + psiAB;
                    dvB = digamma(b + x - 1) - psiABx - psiB + psiAB;
                }
            }
            int atT = TAt[i];
            double w = weights[i];
            double rx = r + x;
            double u = uBase - rx * lnA[atT];
            if (x == 0) {
                // Without repeats B(a, b + x) / B(a, b) is 1: a and b do not enter this history's likelihood.
                ll += w * (common + u);
                gr += w * (dCommonR - lnA[atT]);
                galpha += w * (r / alpha - rx * inverseA[atT]);
                continue;
            }
            int atTx = txAt[i];
            double v = vBase - rx * lnA[atTx];
            // log(e^u + e^v) with one exponential: the larger term factored out.
            double ratio = Math.exp(-Math.abs(u - v));
            double wLarger = 1 / (1 + ratio);
            double wu = u >= v ? wLarger : 1 - wLarger;
            double wv = 1 - wu;
            ll += w * (common + Math.max(u, v) + Math.log(1 + ratio));
            gr += w * (dCommonR - wu * lnA[atT] - wv * lnA[atTx]);
            galpha += w * (r / alpha - rx * (wu * inverseA[atT] + wv * inverseA[atTx]));
            ga += w * (wu * duA + wv * dvA);
            gb += w * (wu * duB + wv * dvB);
        }
        double ridge = 0;
        for (int k = 0; k < 4; k++) {
            ridge += theta[k] * theta[k];
        }
        gradient[0] = -gr + 2 * penalty * r;
        gradient[1] = -galpha + 2 * penalty * alpha;
        gradient[2] = -ga + 2 * penalty * a;
        gradient[3] = -gb + 2 * penalty * b;
        return -ll + penalty * ridge;
    }
}
