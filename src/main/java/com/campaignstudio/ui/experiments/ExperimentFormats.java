package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.Interval;
import com.campaignstudio.experiments.Verdict;
import com.campaignstudio.ui.common.UiText;

import java.util.function.DoubleFunction;

/**
 * How the Experiments view writes its figures: conversion rates as percentages with two decimals (5.25%), lifts in
 * percentage points with a sign (+1.50 pp), relative lifts as signed percentages (+15.0%), p-values to four decimals
 * (below 0.0001 as "< 0.0001"), chances as percentages with one decimal, and intervals as "low to high".
 */
public final class ExperimentFormats {

    /** Below this a p-value is written as "< 0.0001". */
    static final double SMALLEST_P = 0.0001;

    private final UiText text;

    public ExperimentFormats(UiText text) {
        this.text = text;
    }

    /** A conversion rate (0.0525 is 5.25%). */
    public String rate(double share) {
        return String.format(text.locale(), "%.2f%%", share * 100);
    }

    /** A difference in rate in percentage points, signed (0.015 is +1.50 pp). */
    public String points(double difference) {
        return text.get("experiment.format.points", String.format(text.locale(), "%+.2f", difference * 100));
    }

    /** A loss in rate in percentage points, never negative (0.0002 is 0.02 pp). */
    public String loss(double difference) {
        return text.get("experiment.format.points", String.format(text.locale(), "%.2f", difference * 100));
    }

    /** A relative change, signed (0.15 is +15.0%). */
    public String relative(double share) {
        return String.format(text.locale(), "%+.1f%%", share * 100);
    }

    public String pValue(double p) {
        return p < SMALLEST_P ? "< 0.0001" : String.format(text.locale(), "%.4f", p);
    }

    /** A chance (P(better), chance to be best) as a percentage with one decimal. */
    public String chance(double probability) {
        return text.percent(probability);
    }

    public String range(Interval interval, DoubleFunction<String> format) {
        return text.get("experiment.format.range", format.apply(interval.low()), format.apply(interval.high()));
    }

    /** An interval's level, such as 95% or 97.5%. */
    public String level(double level) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(text.locale());
        format.setMaximumFractionDigits(2);
        return format.format(level);
    }

    /** The verdict in a few words ("Keep running", "B wins"). */
    public String headline(Verdict verdict, String variant, String control) {
        return text.get("experiment.headline." + verdict.name(), variant, control);
    }

    /** The verdict's explanation in a sentence. */
    public String explanation(Verdict verdict, String variant, String control) {
        return text.get(verdict.messageKey(), variant, control);
    }

    /** The style class that colours a verdict. */
    public static String styleClass(Verdict verdict) {
        return switch (verdict) {
            case KEEP_RUNNING -> "verdict-keep-running";
            case B_WINS -> "verdict-variant-wins";
            case A_WINS -> "verdict-control-wins";
            case NO_MEANINGFUL_DIFFERENCE -> "verdict-no-difference";
        };
    }
}
