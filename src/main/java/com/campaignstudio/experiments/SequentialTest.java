package com.campaignstudio.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peeking-safe test: a mixture sequential probability ratio test (mSPRT; Johari, Pekelis and Walsh 2017,
 * "Always Valid Inference: Continuous Monitoring of A/B Tests", and domain.md section 4) on a daily series of running
 * totals for the control A and a variant B. It may be read every day, and stopped on the day it decides, without
 * the false positives that come from checking a fixed-sample z-test every day.
 *
 * <p>After each day, with theta = p_B - p_A and V = p_A(1-p_A)/n_A + p_B(1-p_B)/n_B (domain.md's
 * (p_A(1-p_A) + p_B(1-p_B))/n when both arms have n people),
 * Lambda = sqrt(V / (V + tau²)) exp(tau² theta² / (2 V (V + tau²))), and the always-valid p-value is
 * p = min(previous p, 1 / Lambda), starting from 1. The always-valid interval on the lift is the running
 * intersection of {theta0 : Lambda(theta0) < 1 / alpha}, that is theta ± sqrt(2 V (V + tau²) / tau²
 * (ln(1 / alpha) + ln((V + tau²) / V) / 2)); it excludes 0 exactly when p <= alpha. The {@link Verdict} is read from
 * that interval and the minimum lift that matters. A day on which V is 0 (no conversions yet, or only
 * conversions, in both arms) carries no evidence: Lambda is 1 and the interval stays as it was. An empty
 * intersection (which happens with probability below alpha) keeps the day's own interval narrowed to its nearest
 * point.
 *
 * <p>tau, the spread of lifts the mixture averages over (the mixing distribution is N(0, tau²)), is by default the
 * minimum lift that matters: the mixture then puts its weight on lifts of about the size the user cares about, so
 * the test is quickest to detect those, which is the choice Johari et al. recommend (tau matched to the effect
 * sizes one expects), while the false-positive guarantee holds for any tau fixed before the data. A smaller tau
 * detects small lifts sooner and large ones later.
 */
public final class SequentialTest {

    /** One day's running totals (not that day's own counts). */
    public record Day(String label, long visitorsA, long conversionsA, long visitorsB, long conversionsB) {
    }

    /**
     * The settings, fixed before the experiment starts.
     *
     * @param alpha   the false-positive rate to hold (0.05)
     * @param minLift the smallest absolute lift that matters (0.01 = one percentage point)
     * @param tau     the mixing standard deviation (by default {@code minLift})
     */
    public record Settings(double alpha, double minLift, double tau) {
        public Settings {
            if (!(alpha > 0 && alpha < 1)) {
                throw new ExperimentException("experiment.sequential.error.alpha", alpha);
            }
            if (!(minLift > 0 && minLift < 1)) {
                throw new ExperimentException("experiment.error.minLift", minLift);
            }
            if (!(tau > 0) || Double.isInfinite(tau)) {
                throw new ExperimentException("experiment.sequential.error.tau", tau);
            }
        }

        public static Settings of(double alpha, double minLift) {
            return new Settings(alpha, minLift, minLift);
        }
    }

    /** The reading after one day. */
    public record Look(Day day, double lift, double pValue, Interval interval, Verdict verdict) {
    }

    /** Every day's reading, the verdict after the last, and the first day any verdict was reached. */
    public record Result(Settings settings, List<Look> looks, Verdict verdict, Optional<Look> decidedOn) {
        public Result {
            looks = List.copyOf(looks);
        }
    }

    private SequentialTest() {
    }

    public static Result run(List<Day> days, Settings settings) {
        if (days.isEmpty()) {
            throw new ExperimentException("experiment.sequential.error.empty");
        }
        check(days);
        double tau2 = settings.tau() * settings.tau();
        double logInverseAlpha = Math.log(1 / settings.alpha());
        double p = 1;
        double low = -1;
        double high = 1;
        List<Look> looks = new ArrayList<>();
        Optional<Look> decided = Optional.empty();
        for (Day day : days) {
            double theta = 0;
            if (day.visitorsA() > 0 && day.visitorsB() > 0) {
                double pA = (double) day.conversionsA() / day.visitorsA();
                double pB = (double) day.conversionsB() / day.visitorsB();
                theta = pB - pA;
                double v = pA * (1 - pA) / day.visitorsA() + pB * (1 - pB) / day.visitorsB();
                if (v > 0) {
                    double logLambda = 0.5 * Math.log(v / (v + tau2)) + tau2 * theta * theta / (2 * v * (v + tau2));
                    p = Math.min(p, Math.exp(-logLambda));
                    double halfWidth = Math.sqrt(2 * v * (v + tau2) / tau2
                            * (logInverseAlpha + 0.5 * Math.log((v + tau2) / v)));
                    double newLow = Math.max(low, theta - halfWidth);
                    double newHigh = Math.min(high, theta + halfWidth);
                    if (newLow > newHigh) {
                        double point = Math.min(Math.max(theta, newHigh), newLow);
                        newLow = point;
                        newHigh = point;
                    }
                    low = newLow;
                    high = newHigh;
                }
            }
            Interval interval = new Interval(low, high);
            Look look = new Look(day, theta, Math.min(1, p), interval,
                    Verdict.of(interval, Optional.of(settings.minLift())));
            looks.add(look);
            if (decided.isEmpty() && look.verdict() != Verdict.KEEP_RUNNING) {
                decided = Optional.of(look);
            }
        }
        return new Result(settings, looks, looks.getLast().verdict(), decided);
    }

    /** Running totals never go down, and conversions never exceed visitors. */
    private static void check(List<Day> days) {
        Day previous = null;
        for (Day day : days) {
            checkArm(day, "A", day.visitorsA(), day.conversionsA());
            checkArm(day, "B", day.visitorsB(), day.conversionsB());
            if (previous != null) {
                notLess(day, "A", previous.visitorsA(), day.visitorsA(), previous.conversionsA(), day.conversionsA());
                notLess(day, "B", previous.visitorsB(), day.visitorsB(), previous.conversionsB(), day.conversionsB());
            }
            previous = day;
        }
    }

    private static void checkArm(Day day, String arm, long visitors, long conversions) {
        if (visitors < 0 || conversions < 0 || conversions > visitors) {
            throw new ExperimentException("experiment.sequential.error.counts", day.label(), arm, visitors, conversions);
        }
    }

    private static void notLess(Day day, String arm, long visitorsBefore, long visitors, long conversionsBefore,
                                long conversions) {
        if (visitors < visitorsBefore || conversions < conversionsBefore) {
            throw new ExperimentException("experiment.sequential.error.notCumulative", day.label(), arm,
                    visitorsBefore + ":" + conversionsBefore, visitors + ":" + conversions);
        }
    }
}
