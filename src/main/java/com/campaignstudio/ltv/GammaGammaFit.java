package com.campaignstudio.ltv;

import java.util.List;

import static smile.math.special.Gamma.digamma;

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
        return LogSpaceFit.fit((theta, gradient) -> negativeLogLikelihood(x, m, theta, gradient, penalty), starts);
    }

    static double negativeLogLikelihood(int[] x, double[] m, double[] theta, double[] gradient, double penalty) {
        double p = theta[0];
        double q = theta[1];
        double gamma = theta[2];
        GammaGamma model = new GammaGamma(p, q, gamma);
        double psiQ = digamma(q);
        double lnGamma = Math.log(gamma);
        double ll = 0;
        double gp = 0;
        double gq = 0;
        double gg = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double mi = m[i];
            ll += model.logLikelihood(xi, mi);
            double psiSum = digamma(p * xi + q);
            double lnDen = Math.log(gamma + mi * xi);
            gp += xi * (psiSum - digamma(p * xi) + Math.log(mi) + Math.log(xi) - lnDen);
            gq += psiSum - psiQ + lnGamma - lnDen;
            gg += q / gamma - (p * xi + q) / (gamma + mi * xi);
        }
        gradient[0] = -gp + 2 * penalty * p;
        gradient[1] = -gq + 2 * penalty * q;
        gradient[2] = -gg + 2 * penalty * gamma;
        return -ll + penalty * (p * p + q * q + gamma * gamma);
    }
}
