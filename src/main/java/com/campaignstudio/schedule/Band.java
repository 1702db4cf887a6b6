package com.campaignstudio.schedule;

/** A predicted figure: its mean over the Monte Carlo draws and the 80% interval (10th to 90th percentile). */
public record Band(double mean, double low, double high) {

    public static final Band ZERO = new Band(0, 0, 0);

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
