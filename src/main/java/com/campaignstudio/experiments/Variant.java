package com.campaignstudio.experiments;

/**
 * One arm of an experiment as the user typed it: its name, how many people saw it ({@code visitors}) and how many
 * of them converted ({@code conversions}). A variant without visitors has no rate, so it is refused here, before
 * any figure could become NaN.
 */
public record Variant(String name, long visitors, long conversions) {

    public Variant {
        if (name == null || name.isBlank()) {
            throw new ExperimentException("experiment.error.noName");
        }
        name = name.strip();
        if (visitors < 0 || conversions < 0) {
            throw new ExperimentException("experiment.error.negative", name, visitors, conversions);
        }
        if (visitors == 0) {
            throw new ExperimentException("experiment.error.noVisitors", name);
        }
        if (conversions > visitors) {
            throw new ExperimentException("experiment.error.moreConversionsThanVisitors", name, conversions, visitors);
        }
    }

    /** The observed conversion rate k / n. */
    public double rate() {
        return (double) conversions / visitors;
    }

    long failures() {
        return visitors - conversions;
    }
}
