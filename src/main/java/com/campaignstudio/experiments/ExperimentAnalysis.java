package com.campaignstudio.experiments;

import com.campaignstudio.text.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole reading of an experiment's counts: per variant its rate with a Wilson interval, its chance to be best
 * and the expected loss of choosing it; per variant against the control (the first) the z-test, the lift intervals,
 * P(better than the control), the expected losses and a {@link Verdict}; the sample ratio check; and the warnings
 * and notes a reader needs (a broken split, samples too small for the normal approximation, rates of 0% or 100%).
 *
 * <p>With more than one variant against the control, each comparison's lift intervals are Bonferroni-adjusted (at
 * 1 - 0.05/m for m comparisons) and its p-value multiplied by m, so that all comparisons together hold at 95%;
 * with one comparison that is the plain 95% interval. The verdict follows the lift interval; the p-value of the
 * pooled z-test is shown beside it and can, at the margin, disagree with the Newcombe interval.
 */
public final class ExperimentAnalysis {

    /** Fewer expected conversions (or non-conversions) than this in an arm, and the normal approximation is rough. */
    public static final double SMALL_EXPECTED = 5;

    /** One variant's own figures. */
    public record Arm(Variant variant, double rate, Interval wilson, double chanceToBeBest, double expectedLoss) {
    }

    /** One variant against the control. */
    public record Comparison(String control, String variant, TwoProportionTest.Result test, double intervalLevel,
                             double adjustedPValue, double probabilityBetter, double lossChoosingVariant,
                             double lossKeepingControl, Verdict verdict) {
    }

    /** The reading of one experiment; {@code simulated} says whether the chances to be best are Monte Carlo. */
    public record Analysis(ExperimentSetup setup, List<Arm> arms, List<Comparison> comparisons,
                           SampleRatio sampleRatio, boolean simulated, List<Reason> warnings, List<Reason> notes) {
        public Analysis {
            arms = List.copyOf(arms);
            comparisons = List.copyOf(comparisons);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    private ExperimentAnalysis() {
    }

    public static Analysis analyse(ExperimentSetup setup) {
        return analyse(setup, Bayesian.DRAWS);
    }

    static Analysis analyse(ExperimentSetup setup, int draws) {
        List<Variant> variants = setup.variants();
        Variant control = setup.control();
        Bayesian.Ranking ranking = Bayesian.rank(variants, draws, setup.seed());
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            arms.add(new Arm(variant, variant.rate(), Wilson.interval(variant.conversions(), variant.visitors()),
                    ranking.chanceToBeBest()[i], ranking.expectedLoss()[i]));
        }
        int m = variants.size() - 1;
        double level = 1 - 0.05 / m;
        double z = Distributions.normalUpperQuantile((1 - level) / 2);
        List<Comparison> comparisons = new ArrayList<>();
        for (Variant variant : variants.subList(1, variants.size())) {
            TwoProportionTest.Result test = TwoProportionTest.compare(control, variant, z);
            comparisons.add(new Comparison(control.name(), variant.name(), test, level,
                    Math.min(1, test.pValue() * m), Bayesian.probabilityBetter(control, variant),
                    Bayesian.expectedLossChoosing(variant, control), Bayesian.expectedLossChoosing(control, variant),
                    Verdict.of(test.absoluteInterval(), setup.minLift())));
        }
        SampleRatio sampleRatio = SampleRatio.test(variants, setup.intendedSplit());
        return new Analysis(setup, arms, comparisons, sampleRatio, ranking.simulated(),
                warnings(variants, sampleRatio), notes(variants, m, level));
    }

    private static List<Reason> warnings(List<Variant> variants, SampleRatio sampleRatio) {
        List<Reason> warnings = new ArrayList<>();
        if (sampleRatio.mismatch()) {
            warnings.add(Reason.of("experiment.warning.sampleRatio", shares(sampleRatio.observed()),
                    shares(sampleRatio.shares()), String.format(Locale.ROOT, "%.2g", sampleRatio.pValue())));
        }
        long visitors = variants.stream().mapToLong(Variant::visitors).sum();
        long conversions = variants.stream().mapToLong(Variant::conversions).sum();
        double pooled = (double) conversions / visitors;
        for (Variant variant : variants) {
            double expectedConversions = variant.visitors() * pooled;
            double expectedFailures = variant.visitors() * (1 - pooled);
            if (expectedConversions < SMALL_EXPECTED || expectedFailures < SMALL_EXPECTED) {
                warnings.add(Reason.of("experiment.warning.smallSample", variant.name(),
                        String.format(Locale.ROOT, "%.1f", expectedConversions),
                        String.format(Locale.ROOT, "%.1f", expectedFailures)));
            }
        }
        return warnings;
    }

    private static List<Reason> notes(List<Variant> variants, int m, double level) {
        List<Reason> notes = new ArrayList<>();
        for (Variant variant : variants) {
            if (variant.conversions() == 0) {
                notes.add(Reason.of("experiment.note.noConversions", variant.name(),
                        percent(Wilson.interval(0, variant.visitors()).high())));
            } else if (variant.conversions() == variant.visitors()) {
                notes.add(Reason.of("experiment.note.allConverted", variant.name(),
                        percent(Wilson.interval(variant.visitors(), variant.visitors()).low())));
            }
        }
        if (variants.getFirst().conversions() == 0) {
            notes.add(Reason.of("experiment.note.noRelativeLift", variants.getFirst().name()));
        }
        if (m > 1) {
            notes.add(Reason.of("experiment.note.multipleComparisons", m, percent(level)));
        }
        return notes;
    }

    private static String shares(List<Double> shares) {
        return String.join(" / ", shares.stream().map(ExperimentAnalysis::percent).toList());
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
