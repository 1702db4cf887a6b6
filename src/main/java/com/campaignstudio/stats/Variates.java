package com.campaignstudio.stats;

import java.util.SplittableRandom;

/** Random variates the simulation needs beyond the normal: Gamma, Beta and Poisson. */
public final class Variates {

    private static final double NORMAL_ABOVE = 30;

    private Variates() {
    }

    /** Beta(a, b), a, b > 0, as G_a / (G_a + G_b). */
    public static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang (2000); a shape below 1 through Gamma(shape + 1) · U^(1/shape), their
     * note on small shapes.
     */
    public static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * The Poisson(mean) quantile at {@code u} in (0, 1), by summing the probabilities for means up to 30 and by the
     * normal approximation with continuity correction above (its error there is below a count in a few hundred).
     * Taking a quantile of a fixed uniform, rather than a fresh draw, lets a re-simulation after a small change
     * reuse the same random numbers, so intervals move only as much as the plan does.
     */
    public static long poisson(double mean, double u, double zOfU) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > NORMAL_ABOVE) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * zOfU));
        }
        double p = Math.exp(-mean);
        double cumulative = p;
        long k = 0;
        while (cumulative < u && k < 1000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
