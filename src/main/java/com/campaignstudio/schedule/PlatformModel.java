package com.campaignstudio.schedule;

import java.util.Map;

/**
 * What the simulator knows of one platform, each figure with the uncertainty the Monte Carlo draws from.
 *
 * <p>A post's final organic reach is log-normal: log R ~ N(logReachMean, logReachSd²), its mean itself uncertain by
 * logReachMeanSe (the standard error over the posts it was estimated from), times the format's factor. Reach
 * arrives as R (1 − e^(−λt)) (domain.md §6); λ is drawn log-normally with sd {@code lambdaLogSd}. Engagement is
 * impressions × the slot's rate; the slot's rate is uncertain by {@code slotSd} (its estimate) and one post's rate
 * varies around it by {@code rateSpread} (posts differ). Clicks follow engagement: impressions × clicksPerImpression
 * × slot rate / platform rate. Registrations and buyers follow the project's funnel. Revenue is the buyers' orders:
 * buyers × the mean order value (uncertain by orderValueSe) plus the spread of single orders (orderValueSpread, their
 * standard deviation) times √buyers.
 *
 * @param history         whether the figures come from the project's posts (false: stated defaults)
 * @param slotRate        engagement rate per weekday-by-hour slot ({@link Slots}), shrunk toward the platform rate
 * @param slotSd          standard error of each slot's rate
 * @param formatFactor    reach of a format relative to the platform's typical post (absent: 1)
 * @param formatDecay     a format's λ relative to the platform's, where its own posts' snapshots place it (absent: 1)
 * @param impressionsPerYuan impressions a yuan of boost buys on the platform (from its spend rows)
 */
public record PlatformModel(String platform, boolean history, double[] slotRate, double[] slotSd,
                            double platformRate, double rateSpread, double lambda, double lambdaLogSd,
                            double logReachMean, double logReachSd, double logReachMeanSe,
                            Map<String, Double> formatFactor, Map<String, Double> formatDecay,
                            double impressionsPerReach,
                            double clicksPerImpression, Rate register, Rate purchase, double orderValue,
                            double orderValueSe, double orderValueSpread, double impressionsPerYuan) {

    public PlatformModel {
        if (slotRate.length != Slots.COUNT || slotSd.length != Slots.COUNT) {
            throw new IllegalArgumentException("a rate per weekday-by-hour slot is needed");
        }
        if (!(lambda > 0) || !(platformRate > 0) || !(impressionsPerReach >= 1) || !(logReachSd >= 0)) {
            throw new IllegalArgumentException("platform " + platform + ": decay " + lambda + ", rate " + platformRate
                    + ", impressions per reach " + impressionsPerReach);
        }
        slotRate = slotRate.clone();
        slotSd = slotSd.clone();
        formatFactor = Map.copyOf(formatFactor);
        formatDecay = Map.copyOf(formatDecay);
    }

    public double halfLifeHours() {
        return Math.log(2) / lambda;
    }

    /** λ of a post of {@code format}. */
    public double lambda(String format) {
        return lambda * formatDecay.getOrDefault(format, 1.0);
    }

    public double formatFactor(String format) {
        return formatFactor.getOrDefault(format, 1.0);
    }

    /** Expected final organic reach of a post of {@code format}, before fatigue: E[R] of the log-normal. */
    public double expectedReach(String format) {
        return Math.exp(logReachMean + 0.5 * logReachSd * logReachSd) * formatFactor(format);
    }

    /** Reach bought by {@code boost} yuan. */
    public double boughtReach(double boost) {
        return boost * impressionsPerYuan / impressionsPerReach;
    }

    public double slotRate(int slot) {
        return slotRate[slot];
    }

    /** Slot rate relative to the platform's: +0.34 is 34% more engagement than its typical post. */
    public double lift(int slot) {
        return slotRate[slot] / platformRate - 1;
    }

    /** Expected buyers per unit of reach in {@code slot}. */
    public double buyersPerReach(int slot) {
        return impressionsPerReach * clicksPerImpression * slotRate[slot] / platformRate * register.mean()
                * purchase.mean();
    }
}
