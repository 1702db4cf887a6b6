package com.campaignstudio.experiments;

/**
 * The Wilson score interval for a conversion rate (Wilson 1927; domain.md section 4):
 * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·se it stays inside [0, 1] and keeps a
 * width when no one (or everyone) converted: 0 of 20 gives 0 to 0.161 (Newcombe 1998).
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
        double n = visitors;
        double p = conversions / n;
        double zz = z * z;
        double centre = p + zz / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + zz / (4 * n * n));
        double scale = 1 + zz / n;
        // At k = 0 (or k = n) the formula gives exactly 0 (or 1) on paper; rounding can leave -1e-17.
        double low = conversions == 0 ? 0 : Math.max(0, (centre - spread) / scale);
        double high = conversions == visitors ? 1 : Math.min(1, (centre + spread) / scale);
        return new Interval(low, high);
    }
}
