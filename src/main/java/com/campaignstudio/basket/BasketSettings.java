package com.campaignstudio.basket;

/**
 * What a run of "products bought together" looks at: baskets by customer or by order for the rules (similarity and
 * pitches are always over customers), and the minimums a rule must reach.
 */
public record BasketSettings(BasketUnit unit, RuleThresholds thresholds) {

    public BasketSettings {
        if (unit == null || thresholds == null) {
            throw new IllegalArgumentException("a basket unit and thresholds are needed");
        }
    }

    public static BasketSettings defaults() {
        return new BasketSettings(BasketUnit.CUSTOMER, RuleThresholds.defaults());
    }
}
