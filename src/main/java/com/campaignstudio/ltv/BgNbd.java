package com.campaignstudio.ltv;

import static smile.math.special.Gamma.lgamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005), formulas as in domain.md section 5.
 * A customer summary is (x, t_x, T): repeat purchases, time of the last, age, all from the first purchase.
 *
 * @param r     shape of the gamma distribution of purchase rates
 * @param alpha scale of the gamma distribution of purchase rates
 * @param a     beta distribution of dropout probabilities
 * @param b     beta distribution of dropout probabilities
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** The log-likelihood of one customer, computed in log space. */
    public double logLikelihood(double x, double tx, double T) {
        double common = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
        double betaAB = logBeta(a, b);
        double u = logBeta(a, b + x) - betaAB - (r + x) * Math.log(alpha + T);
        if (x <= 0) {
            return common + u;
        }
        double v = logBeta(a + 1, b + x - 1) - betaAB - (r + x) * Math.log(alpha + tx);
        return common + logSumExp(u, v);
    }

    /** P(alive | x, t_x, T). */
    public double probabilityAlive(double x, double tx, double T) {
        if (x <= 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))));
    }

    /** E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with this history. */
    public double expectedPurchases(double t, double x, double tx, double T) {
        if (t <= 0) {
            return 0;
        }
        // ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; z) with 1 - z = (alpha+T)/(alpha+T+t) equals
        // (1-z)^(a-1) times Euler's series: no power of 1 - z with a large exponent is ever formed.
        double z = t / (alpha + T + t);
        double scaled = Math.pow(1 - z, a - 1) * Hypergeometric.eulerSeries(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - scaled);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))) : 0);
        return numerator / denominator;
    }

    /** E[X(t)]: expected purchases of a new customer in t periods from the first purchase. */
    public double expectedPurchasesOfNewCustomer(double t) {
        double z = t / (alpha + t);
        double scaled = Math.pow(1 - z, a - 1) * Hypergeometric.eulerSeries(r, b, a + b - 1, z);
        return (a + b - 1) / (a - 1) * (1 - scaled);
    }

    /** P(X(t) = x): the probability of exactly x purchases in t periods. */
    public double probabilityOfCount(double t, int x) {
        double logFirst = logBeta(a, b + x) - logBeta(a, b) + lgamma(r + x) - lgamma(r) - lgamma(x + 1.0)
                + r * Math.log(alpha / (alpha + t)) + x * Math.log(t / (alpha + t));
        double result = Math.exp(logFirst);
        if (x > 0) {
            double sum = 0;
            for (int j = 0; j < x; j++) {
                sum += Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1.0) + j * Math.log(t / (alpha + t)));
            }
            result += Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b)) * (1 - Math.pow(alpha / (alpha + t), r) * sum);
        }
        return result;
    }

    static double logBeta(double p, double q) {
        return lgamma(p) + lgamma(q) - lgamma(p + q);
    }

    static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
