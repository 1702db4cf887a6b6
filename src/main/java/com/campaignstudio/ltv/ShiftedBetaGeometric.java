package com.campaignstudio.ltv;

/**
 * The shifted-beta-geometric model of contract renewal (Fader and Hardie 2007, "How to project customer
 * retention"): each subscriber churns at each renewal with a probability drawn from beta(alpha, beta).
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    /**
     * The standard deviation of subscribers' churn probabilities, sqrt(alpha beta / ((alpha + beta)^2
     * (alpha + beta + 1))). When renewal looks the same for everyone, the fit drives alpha and beta up together
     * without bound and this goes to zero: the model is then plain geometric churn at alpha / (alpha + beta).
     */
    public double churnSpread() {
        double sum = alpha + beta;
        return Math.sqrt(alpha * beta / (sum * sum * (sum + 1)));
    }

    /** Whether subscribers' churn probabilities differ by less than a percentage point (see {@link #churnSpread}). */
    public boolean sameForEveryone() {
        return churnSpread() < 0.01;
    }

    /** P(T = t) = S(t - 1) * alpha / (alpha + beta + t - 1): churn at renewal t (t >= 1). */
    public double churnProbability(int t) {
        return survival(t - 1) * alpha / (alpha + beta + t - 1);
    }

    /** S(t): still subscribed after t renewals, the product of the retention rates (never negative). */
    public double survival(int t) {
        double survival = 1;
        for (int i = 1; i <= t; i++) {
            survival *= retentionRate(i);
        }
        return survival;
    }

    /** r(t) = S(t) / S(t - 1): the retention rate at renewal t, which rises with t as the loyal remain. */
    public double retentionRate(int t) {
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * Discounted expected residual lifetime, in renewals, of a subscriber who has renewed n - 1 times (is at
     * the start of period n), with discount rate d per period: (beta + n - 1)/(alpha + beta + n - 1) *
     * 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)).
     */
    public double discountedResidualLifetime(int n, double d) {
        return (beta + n - 1) / (alpha + beta + n - 1)
                * Hypergeometric.f21(1, beta + n, alpha + beta + n, 1 / (1 + d));
    }

    /** The log-likelihood of survival counts: {@code alive[0]} subscribers at the start, alive[t] after t renewals. */
    public double logLikelihood(long[] alive) {
        double ll = 0;
        for (int t = 1; t < alive.length; t++) {
            ll += (alive[t - 1] - alive[t]) * Math.log(churnProbability(t));
        }
        return ll + alive[alive.length - 1] * Math.log(survival(alive.length - 1));
    }
}
