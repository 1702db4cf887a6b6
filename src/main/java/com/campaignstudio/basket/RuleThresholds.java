package com.campaignstudio.basket;

/**
 * The minimums a rule must reach to be shown (and to count toward a pitch): support (the share of baskets holding
 * every product of the rule), confidence (the share of baskets with the "if" products that also hold the "then"
 * product) and lift (confidence over the "then" product's own share; 1 = no more often than chance).
 */
public record RuleThresholds(double minSupport, double minConfidence, double minLift) {

    public RuleThresholds {
        if (!(minSupport >= 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("the minimum support is a share of baskets, from 0 to 1; not " + minSupport);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the minimum confidence is a share, from 0 to 1; not " + minConfidence);
        }
        if (!(minLift >= 0 && Double.isFinite(minLift))) {
            throw new IllegalArgumentException("the minimum lift is a ratio of 0 or more (1 = as often as chance); not "
                    + minLift);
        }
    }

    /** 1% of baskets, 10% confidence, lift at least 1. */
    public static RuleThresholds defaults() {
        return new RuleThresholds(0.01, 0.1, 1.0);
    }
}
