package com.campaignstudio.funnels;

import java.util.Locale;

/** Whether a funnel's steps must happen in the order given. */
public enum StepOrder {
    /** Each step at or after the one before it (the same second counts as in order). */
    STRICT,
    /** The first step first; the others in any order after it. */
    ANY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepOrder byKey(String key) {
        for (StepOrder order : values()) {
            if (order.key().equals(key)) {
                return order;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a step order: strict or any");
    }
}
