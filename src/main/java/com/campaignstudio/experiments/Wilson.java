package com.campaignstudio.experiments;

import com.campaignstudio.stats.Proportion;

/**
 * The Wilson score interval for a conversion rate as an experiment's {@link Interval} (the formula is
 * {@link Proportion}'s, shared with funnels and retention): 0 of 20 gives 0 to 0.161 (Newcombe 1998).
 */
public final class Wilson {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = Distributions.normalUpperQuantile(0.025);

    private Wilson() {
    }

    /** The 95% interval for {@code conversions} in {@code visitors}. */
    public static Interval interval(long conversions, long visitors) {
        return interval(conversions, visitors, Z95);
    }

    static Interval interval(long conversions, long visitors, double z) {
        Proportion share = Proportion.of(conversions, visitors, z);
        return new Interval(share.low(), share.high());
    }
}
