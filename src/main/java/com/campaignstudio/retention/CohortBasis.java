package com.campaignstudio.retention;

import java.util.Locale;

/** What puts a person in a cohort: the period of their first paid order, or of their follow. */
public enum CohortBasis {
    PURCHASE, FOLLOW;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CohortBasis byKey(String key) {
        for (CohortBasis basis : values()) {
            if (basis.key().equals(key)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a cohort: purchase or follow");
    }
}
