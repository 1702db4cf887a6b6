package com.campaignstudio.ltv;

import static com.campaignstudio.ltv.SpecialFunctions.lgamma;

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

    /**
     * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with this history. It is
     * P(alive) times what an alive customer with x repeats at age T expects, which does not depend on t_x.
     */
    public double expectedPurchases(double t, double x, double tx, double T) {
        return probabilityAlive(x, tx, T) * expectedPurchasesIfAlive(t, x, T);
    }

    /** E[Y(t) | alive, x, T]: the new-customer formula with the posterior (r + x, alpha + T, a, b + x). */
    public double expectedPurchasesIfAlive(double t, double x, double T) {
        if (t <= 0) {
            return 0;
        }
        // ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; z) with 1 - z = (alpha+T)/(alpha+T+t).
        double z = t / (alpha + T + t);
        double scaled = Hypergeometric.timesPower(r + x, r + x, b + x, a + b + x - 1, z);
        return (a + b + x - 1) / (a - 1) * (1 - scaled);
    }

    /** The purchase part of CLV: P(alive) times the discounted expected purchases given alive. */
    public double discountedPurchases(double x, double tx, double T, int horizon, double discount) {
        return probabilityAlive(x, tx, T) * discountedPurchasesIfAlive(x, T, horizon, discount);
    }

    /**
     * Discounted expected purchases of an alive customer over the next {@code horizon} periods: the sum over
     * i = 1..H of (E[Y(i)] - E[Y(i-1)]) / (1 + d)^i given alive.
     */
    public double discountedPurchasesIfAlive(double x, double T, int horizon, double discount) {
        double total = 0;
        double previous = 0;
        double factor = 1;
        for (int i = 1; i <= horizon; i++) {
            double cumulative = expectedPurchasesIfAlive(i, x, T);
            factor /= 1 + discount;
            total += (cumulative - previous) * factor;
            previous = cumulative;
        }
        return total;
    }

    /** E[X(t)]: expected purchases of a new customer in t periods from the first purchase. */
    public double expectedPurchasesOfNewCustomer(double t) {
        double z = t / (alpha + t);
        double scaled = Hypergeometric.timesPower(r, r, b, a + b - 1, z);
        return (a + b - 1) / (a - 1) * (1 - scaled);
    }

    /** P(X(t) = x): the probability of exactly x purchases in t periods. */
    public double probabilityOfCount(double t, int x) {
        double logFirst = logBeta(a, b + x) - logBeta(a, b) + lgamma(r + x) - lgamma(r) - lgamma(x + 1.0)
                + r * Math.log(alpha / (alpha + t)) + x * Math.log(t / (alpha + t));
        double result = Math.exp(logFirst);
        if (x > 0) {
            // sum over j < x of Gamma(r + j) / (Gamma(r) j!) (t / (alpha + t))^j, each term from the one before
            double ratio = t / (alpha + t);
            double term = 1;
            double sum = 0;
            for (int j = 0; j < x; j++) {
                sum += term;
                term *= (r + j) / (j + 1) * ratio;
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
