package com.campaignstudio.schedule;

/**
 * A step rate of the funnel behind a post (a click that registers, a registrant who buys) counted in the project:
 * {@code successes} of {@code trials}, drawn in the simulation from its Beta(successes + 1, failures + 1)
 * posterior. Without trials the rate is the stated {@code assumed} value, drawn from Beta(a·w, (1 − a)·w) with a
 * weight w of {@link #ASSUMED_WEIGHT} pseudo-trials, wide enough that the interval shows how little is known; an
 * assumed 0 or 1 is certain (a step the project's funnel does not have passes everyone).
 */
public record Rate(long successes, long trials, double assumed) {

    static final double ASSUMED_WEIGHT = 20;

    /** A step every click passes: for projects whose funnel has no such step. */
    public static final Rate ALWAYS = new Rate(0, 0, 1);

    public Rate {
        if (successes < 0 || trials < successes || !(assumed >= 0 && assumed <= 1)) {
            throw new IllegalArgumentException(successes + " of " + trials + " (assumed " + assumed + ")");
        }
    }

    public static Rate counted(long successes, long trials) {
        return new Rate(successes, trials, trials == 0 ? 0 : (double) successes / trials);
    }

    public static Rate assumed(double rate) {
        return new Rate(0, 0, rate);
    }

    public boolean isCounted() {
        return trials > 0;
    }

    public double mean() {
        return trials > 0 ? (double) successes / trials : assumed;
    }

    boolean isCertain() {
        return trials == 0 && (assumed == 0 || assumed == 1);
    }

    double alpha() {
        return trials > 0 ? successes + 1 : assumed * ASSUMED_WEIGHT;
    }

    double beta() {
        return trials > 0 ? trials - successes + 1 : (1 - assumed) * ASSUMED_WEIGHT;
    }
}
