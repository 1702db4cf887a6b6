package com.campaignstudio.ltv;

import static com.campaignstudio.ltv.SpecialFunctions.lgamma;

/**
 * The Gamma-Gamma model of order values (Fader, Hardie and Lee 2005; Fader and Hardie's note on the
 * Gamma-Gamma model), for customers with at least one repeat purchase.
 *
 * @param p     shape of the order values of a customer
 * @param q     shape of the gamma distribution of customers' scale
 * @param gamma scale of the gamma distribution of customers' scale
 */
public record GammaGamma(double p, double q, double gamma) {

    /** E[M | x, m]: the expected order value of a customer with x repeat purchases of mean value m. */
    public double expectedOrderValue(double x, double m) {
        if (x <= 0) {
            return populationMean();
        }
        return (q - 1) / (p * x + q - 1) * gamma * p / (q - 1) + p * x / (p * x + q - 1) * m;
    }

    /** The population mean order value, p * gamma / (q - 1) (finite when q > 1). */
    public double populationMean() {
        return p * gamma / (q - 1);
    }

    /** The log-likelihood of one customer's mean repeat order value m over x repeat purchases. */
    public double logLikelihood(double x, double m) {
        return lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m)
                + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x);
    }
}
