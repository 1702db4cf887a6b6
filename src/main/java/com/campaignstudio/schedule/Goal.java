package com.campaignstudio.schedule;

import java.util.Locale;

/** What the suggester maximises. */
public enum Goal {
    REACH(Metric.REACH), BUYERS(Metric.BUYERS), REVENUE(Metric.REVENUE);

    private final Metric metric;

    Goal(Metric metric) {
        this.metric = metric;
    }

    public Metric metric() {
        return metric;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Goal parse(String text) {
        for (Goal goal : values()) {
            if (goal.key().equalsIgnoreCase(text.strip())) {
                return goal;
            }
        }
        throw new IllegalArgumentException("goal '" + text + "': choose reach, buyers or revenue");
    }
}
