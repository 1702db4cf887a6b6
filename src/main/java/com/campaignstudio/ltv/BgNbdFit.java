package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.List;

import static smile.math.special.Gamma.digamma;
import static smile.math.special.Gamma.lgamma;

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
        LogSpaceFit.Result rough = LogSpaceFit.fit((theta, gradient) -> negativeLogLikelihood(sample, theta, gradient,
                penalty), starts);
        return LogSpaceFit.fit(full, rough == null ? starts : List.of(rough.theta()));
    }

    /** Above this many distinct histories the starting points are compared on a sample. */
    static final int SEARCH_HISTORIES = 20_000;

    /**
     * -LL and its gradient. Every special function depends on x alone, and x takes few values, so they are
     * computed once per distinct x; per history only logarithms and exponentials remain.
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
        int maxX = data.maxX();
        boolean[] present = data.presentX();
        double[] common = new double[maxX + 1];
        double[] dCommonR = new double[maxX + 1];
        double[] uBase = new double[maxX + 1];
        double[] duA = new double[maxX + 1];
        double[] duB = new double[maxX + 1];
        double[] vBase = new double[maxX + 1];
        double[] dvA = new double[maxX + 1];
        double[] dvB = new double[maxX + 1];
        for (int x = 0; x <= maxX; x++) {
            if (!present[x]) {
                continue;
            }
            double psiABx = digamma(a + b + x);
            common[x] = lgamma(r + x) - lgammaR + r * lnAlpha;
            dCommonR[x] = digamma(r + x) - psiR + lnAlpha;
            uBase[x] = BgNbd.logBeta(a, b + x) - logBetaAB;
            duA[x] = psiAB - psiABx;
            duB[x] = digamma(b + x) - psiABx - psiB + psiAB;
            if (x > 0) {
                vBase[x] = BgNbd.logBeta(a + 1, b + x - 1) - logBetaAB;
                dvA[x] = psiA1 - psiABx - psiA + psiAB;
                dvB[x] = digamma(b + x - 1) - psiABx - psiB + psiAB;
            }
        }
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < data.size(); i++) {
            int x = data.x()[i];
            double T = data.T()[i];
            double w = data.weight()[i];
            double lnAT = Math.log(alpha + T);
            double u = uBase[x] - (r + x) * lnAT;
            double duAlpha = -(r + x) / (alpha + T);
            if (x == 0) {
                ll += w * (common[x] + u);
                gr += w * (dCommonR[x] - lnAT);
                galpha += w * (r / alpha + duAlpha);
                ga += w * duA[x];
                gb += w * duB[x];
                continue;
            }
            double tx = data.tx()[i];
            double lnATx = Math.log(alpha + tx);
            double v = vBase[x] - (r + x) * lnATx;
            double max = Math.max(u, v);
            double eu = Math.exp(u - max);
            double ev = Math.exp(v - max);
            double wu = eu / (eu + ev);
            double wv = 1 - wu;
            ll += w * (common[x] + max + Math.log(eu + ev));
            gr += w * (dCommonR[x] - wu * lnAT - wv * lnATx);
            galpha += w * (r / alpha + wu * duAlpha - wv * (r + x) / (alpha + tx));
            ga += w * (wu * duA[x] + wv * dvA[x]);
            gb += w * (wu * duB[x] + wv * dvB[x]);
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
