package com.campaignstudio.schedule;

/** The figures a plan is simulated for, in funnel order. */
public enum Metric {
    REACH, ENGAGEMENTS, CLICKS, REGISTRATIONS, BUYERS, REVENUE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
