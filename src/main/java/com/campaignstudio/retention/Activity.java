package com.campaignstudio.retention;

import java.util.Locale;

/** What makes a person active in a period. */
public enum Activity {
    /** A paid order (refunds and cancellations are not purchases). */
    PURCHASE,
    /** Any engagement event (a view, like, comment, click, live watch ...) or a paid order; following is not. */
    ENGAGEMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activity byKey(String key) {
        for (Activity activity : values()) {
            if (activity.key().equals(key)) {
                return activity;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an activity: purchase or engagement");
    }
}
