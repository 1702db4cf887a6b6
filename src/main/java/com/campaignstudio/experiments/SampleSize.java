package com.campaignstudio.experiments;

import java.util.Optional;

/**
 * How many people each arm needs, and for how many days, to detect a given lift: the standard normal-approximation
 * formula for two proportions (Fleiss, Levin and Paik 2003, "Statistical Methods for Rates and Proportions",
 * section 4.2, without continuity correction; the formula of R's power.prop.test and of Evan Miller's sample size
 * calculator):
 *
 * <pre>
 *   n per arm = (z_(1-alpha/2) sqrt(2 pbar (1 - pbar)) + z_power sqrt(p1 (1 - p1) + p2 (1 - p2)))² / (p2 - p1)²
 * </pre>
 *
 * with p1 the baseline rate, p2 the rate after the lift and pbar their mean; two-sided, ignoring the far tail.
 * Baseline 5%, +20% relative (to 6%), 80% power, alpha 0.05: 8,158 per arm. With more than two arms, every variant is
 * compared with the control, and alpha is divided by the number of comparisons (Bonferroni) as the analysis does.
 */
public final class SampleSize {

    /** Whether a lift is relative to the baseline (0.2 = +20%) or absolute (0.01 = +1 percentage point). */
    public enum LiftKind { RELATIVE, ABSOLUTE }

    /**
     * The question.
     *
     * @param baseline the control's conversion rate, between 0 and 1
     * @param lift     the smallest lift worth detecting, as {@code kind} says
     * @param power    the chance of detecting that lift if it is real (0.8)
     * @param alpha    the two-sided significance level (0.05)
     * @param arms     the number of arms, the control included (2 for A/B)
     */
    public record Inputs(double baseline, double lift, LiftKind kind, double power, double alpha, int arms) {

        public Inputs {
            if (!(baseline > 0 && baseline < 1)) {
                throw new ExperimentException("experiment.size.error.baseline", baseline);
            }
            if (!(lift != 0) || !Double.isFinite(lift)) {
                throw new ExperimentException("experiment.size.error.lift", lift);
            }
            double target = kind == LiftKind.RELATIVE ? baseline * (1 + lift) : baseline + lift;
            if (!(target > 0 && target < 1)) {
                throw new ExperimentException("experiment.size.error.target", lift, baseline, target);
            }
            if (!(power > 0 && power < 1)) {
                throw new ExperimentException("experiment.size.error.power", power);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new ExperimentException("experiment.size.error.alpha", alpha);
            }
            if (arms < 2) {
                throw new ExperimentException("experiment.size.error.arms", arms);
            }
        }

        /** The variant's rate if the lift is real. */
        public double target() {
            return kind == LiftKind.RELATIVE ? baseline * (1 + lift) : baseline + lift;
        }
    }

    /**
     * The answer: people per arm and in all, the significance level each comparison is tested at, and (when the
     * daily traffic is known) the days the experiment runs.
     */
    public record Plan(Inputs inputs, double target, double alphaPerComparison, long perArm, long total,
                       Optional<Long> days) {
    }

    private SampleSize() {
    }

    /** The plan without a duration. */
    public static Plan plan(Inputs inputs) {
        double p1 = inputs.baseline();
        double p2 = inputs.target();
        double alpha = inputs.alpha() / (inputs.arms() - 1);
        double zAlpha = Distributions.normalUpperQuantile(alpha / 2);
        double zPower = Distributions.normalUpperQuantile(1 - inputs.power());
        double mean = (p1 + p2) / 2;
        double root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        long perArm = (long) Math.ceil(root * root / ((p2 - p1) * (p2 - p1)));
        return new Plan(inputs, p2, alpha, perArm, perArm * inputs.arms(), Optional.empty());
    }

    /**
     * The plan with its duration: {@code daily} people a day, in all when {@code perArm} is false (split evenly
     * between the arms), or in each arm when it is true.
     */
    public static Plan plan(Inputs inputs, double daily, boolean perArm) {
        if (!(daily > 0) || Double.isInfinite(daily)) {
            throw new ExperimentException("experiment.size.error.traffic", daily);
        }
        Plan plan = plan(inputs);
        double needed = perArm ? plan.perArm() : plan.total();
        long days = (long) Math.ceil(needed / daily);
        return new Plan(inputs, plan.target(), plan.alphaPerComparison(), plan.perArm(), plan.total(),
                Optional.of(days));
    }
}
