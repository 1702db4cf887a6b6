package com.campaignstudio.drivers;

/** What the regression explains, and so which model fits it. */
public enum Outcome {
    /** Whether a follower has a paid order: logistic regression. */
    BOUGHT("bought"),
    /** How many paid orders a follower has: linear regression (ordinary least squares). */
    ORDERS("orders");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean logistic() {
        return this == BOUGHT;
    }

    public static Outcome byKey(String key) throws DriversException {
        for (Outcome outcome : values()) {
            if (outcome.key.equals(key)) {
                return outcome;
            }
        }
        throw new DriversException("drivers.error.outcome", key,
                java.util.Arrays.stream(values()).map(Outcome::key).collect(java.util.stream.Collectors.joining(", ")));
    }
}
