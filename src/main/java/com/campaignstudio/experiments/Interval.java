package com.campaignstudio.experiments;

/** A confidence (or credible) interval from {@code low} to {@code high}. */
public record Interval(double low, double high) {

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** True when the whole interval lies strictly between {@code -margin} and {@code margin}. */
    boolean within(double margin) {
        return low > -margin && high < margin;
    }
}
