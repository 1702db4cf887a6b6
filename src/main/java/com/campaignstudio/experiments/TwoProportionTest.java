package com.campaignstudio.experiments;

import java.util.Optional;

/**
 * A variant against the control: the two-proportion z-test and intervals for the lift.
 *
 * <ul>
 * <li>p-value: the pooled two-sided z-test, z = (p_B - p_A) / sqrt(p(1-p)(1/n_A + 1/n_B)) with p the pooled rate
 * (the textbook test; z² is Pearson's chi-square for the 2x2 table). When both arms have no conversions, or both
 * converted everyone, the observed difference is exactly 0 and the p-value is 1.</li>
 * <li>Absolute lift p_B - p_A: Newcombe's hybrid score interval (Newcombe 1998, method 10), which combines the two
 * Wilson intervals by "square and add". Chosen over the unpooled Wald interval because Wald's coverage falls well
 * below 95% for small counts and rates near 0 or 1 (the usual case for conversion rates of a few percent), and
 * Wald collapses to a single point when an arm has 0% or 100% conversion; Newcombe's stays inside [-1, 1] and keeps
 * a width there.</li>
 * <li>Relative lift p_B / p_A - 1: the MOVER-R interval for a ratio built from the same Wilson intervals (Donner
 * and Zou 2012; Fagerland, Lydersen and Laake 2015). Chosen over the log-ratio delta method (Katz 1978) because
 * that one cannot be computed when the variant has no conversions (log 0), while MOVER-R then gives -100% as its
 * lower end; for large counts the two agree. With no conversions in the control the relative lift is not defined
 * and is left out.</li>
 * </ul>
 */
public final class TwoProportionTest {

    /** The comparison of one variant with the control. */
    public record Result(double absoluteLift, Interval absoluteInterval, Optional<Double> relativeLift,
                         Optional<Interval> relativeInterval, double z, double pValue) {
    }

    private TwoProportionTest() {
    }

    /** The comparison with 95% intervals. */
    public static Result compare(Variant control, Variant variant) {
        return compare(control, variant, Wilson.Z95);
    }

    /** The comparison with intervals for the two-sided level that {@code z} gives (1.96 for 95%). */
    static Result compare(Variant control, Variant variant, double z) {
        double pA = control.rate();
        double pB = variant.rate();
        Interval a = Wilson.interval(control.conversions(), control.visitors(), z);
        Interval b = Wilson.interval(variant.conversions(), variant.visitors(), z);
        double lift = pB - pA;
        Interval absolute = new Interval(
                Math.max(-1, lift - Math.sqrt(square(pB - b.low()) + square(a.high() - pA))),
                Math.min(1, lift + Math.sqrt(square(b.high() - pB) + square(pA - a.low()))));
        Optional<Double> relative = Optional.empty();
        Optional<Interval> relativeInterval = Optional.empty();
        if (control.conversions() > 0) {
            relative = Optional.of(pB / pA - 1);
            relativeInterval = Optional.of(ratio(pB, b, pA, a).shifted());
        }
        double pooled = (double) (control.conversions() + variant.conversions())
                / (control.visitors() + variant.visitors());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.visitors() + 1.0 / variant.visitors()));
        double zScore = se > 0 ? lift / se : 0;
        double pValue = Math.min(1, 2 * Distributions.normalUpperTail(Math.abs(zScore)));
        return new Result(lift, absolute, relative, relativeInterval, zScore, pValue);
    }

    /** The ratio p1 / p2 by MOVER-R, with (l, u) the Wilson intervals; p2 > 0. */
    private static Ratio ratio(double p1, Interval i1, double p2, Interval i2) {
        double product = p1 * p2;
        double lowDenominator = i2.high() * (2 * p2 - i2.high());
        // The lower end solves u2(2p2 - u2) L² - 2 p1 p2 L + l1(2p1 - l1) = 0; when u2 = 2 p2 it is linear in L.
        double low = lowDenominator == 0
                ? (p1 == 0 ? 0 : i1.low() * (2 * p1 - i1.low()) / (2 * product))
                : (product - Math.sqrt(Math.max(0, product * product
                        - i1.low() * i2.high() * (2 * p1 - i1.low()) * (2 * p2 - i2.high())))) / lowDenominator;
        double high = (product + Math.sqrt(Math.max(0, product * product
                - i1.high() * i2.low() * (2 * p1 - i1.high()) * (2 * p2 - i2.low()))))
                / (i2.low() * (2 * p2 - i2.low()));
        return new Ratio(Math.max(0, low), high);
    }

    private record Ratio(double low, double high) {
        /** As a relative lift: ratio - 1. */
        Interval shifted() {
            return new Interval(low - 1, high - 1);
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
