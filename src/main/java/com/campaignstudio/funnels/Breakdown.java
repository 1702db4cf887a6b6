package com.campaignstudio.funnels;

import java.util.Locale;

/** What a funnel is broken down by; each group gets the same figures as the whole. */
public enum Breakdown {
    /** No breakdown: the whole population. */
    NONE,
    /** The platform of the event that entered the funnel (a follower's platform, or an order's). */
    PLATFORM,
    /** The campaign of the orders: each group's purchase steps count only that campaign's orders. */
    CAMPAIGN,
    /** The product of the orders: each group's purchase steps count only that product's orders. */
    PRODUCT,
    /** The person's segment in a saved segmentation. */
    SEGMENT,
    /** The week or month of the entry: a person enters once in each period they did the first step in. */
    PERIOD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Breakdown byKey(String key) {
        for (Breakdown breakdown : values()) {
            if (breakdown.key().equals(key)) {
                return breakdown;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a breakdown: platform, campaign, product, segment or "
                + "period");
    }

    /** Whether groups split the purchase steps (by a property only orders have) rather than the people. */
    boolean splitsOrders() {
        return this == CAMPAIGN || this == PRODUCT;
    }
}
