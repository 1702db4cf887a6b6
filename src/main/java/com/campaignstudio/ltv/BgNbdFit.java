package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.List;

import static smile.math.special.Gamma.digamma;

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
        return LogSpaceFit.fit((theta, gradient) -> negativeLogLikelihood(data, theta, gradient, penalty), starts);
    }

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
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < data.size(); i++) {
            double x = data.x()[i];
            double tx = data.tx()[i];
            double T = data.T()[i];
            double w = data.weight()[i];
            double common = smile.math.special.Gamma.lgamma(r + x) - smile.math.special.Gamma.lgamma(r) + r * lnAlpha;
            double lnAT = Math.log(alpha + T);
            double u = BgNbd.logBeta(a, b + x) - logBetaAB - (r + x) * lnAT;
            double psiABx = digamma(a + b + x);
            double duR = -lnAT;
            double duAlpha = -(r + x) / (alpha + T);
            double duA = psiAB - psiABx;
            double duB = digamma(b + x) - psiABx - psiB + psiAB;
            double value;
            double wu = 1;
            double wv = 0;
            double dvR = 0;
            double dvAlpha = 0;
            double dvA = 0;
            double dvB = 0;
            if (x > 0) {
                double lnATx = Math.log(alpha + tx);
                double v = BgNbd.logBeta(a + 1, b + x - 1) - logBetaAB - (r + x) * lnATx;
                value = common + BgNbd.logSumExp(u, v);
                double max = Math.max(u, v);
                double eu = Math.exp(u - max);
                double ev = Math.exp(v - max);
                wu = eu / (eu + ev);
                wv = ev / (eu + ev);
                dvR = -lnATx;
                dvAlpha = -(r + x) / (alpha + tx);
                dvA = digamma(a + 1) - psiABx - psiA + psiAB;
                dvB = digamma(b + x - 1) - psiABx - psiB + psiAB;
            } else {
                value = common + u;
            }
            ll += w * value;
            gr += w * (digamma(r + x) - psiR + lnAlpha + wu * duR + wv * dvR);
            galpha += w * (r / alpha + wu * duAlpha + wv * dvAlpha);
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
