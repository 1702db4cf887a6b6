package com.campaignstudio.stats;

/**
 * A share {@code successes / trials} with its 95% Wilson score interval (Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference", JASA 22): for p = k/n and z = 1.96,
 * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·sqrt(p(1-p)/n) it stays inside [0, 1] and does
 * not shrink to a point at 0% or 100%: k = 10, n = 100 gives 0.0552 to 0.1744; one success in one trial gives
 * 0.2065 to 1. There is no proportion of zero trials: callers say why there is no rate instead.
 */
public record Proportion(long successes, long trials, double rate, double low, double high) {

    /** The z of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public Proportion {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials + " is not a proportion");
        }
    }

    /** {@code successes} of {@code trials} (at least one) with its 95% Wilson interval. */
    public static Proportion of(long successes, long trials) {
        return of(successes, trials, Z95);
    }

    /** As {@link #of(long, long)}, with the interval for another {@code z}. */
    public static Proportion of(long successes, long trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials + " is not a proportion");
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double scale = 1 + z2 / n;
        double low = successes == 0 ? 0 : Math.max(0, (centre - spread) / scale);
        double high = successes == trials ? 1 : Math.min(1, (centre + spread) / scale);
        return new Proportion(successes, trials, p, low, high);
    }

    /** Whether {@code value} lies in the interval. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
