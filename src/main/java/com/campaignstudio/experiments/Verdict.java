package com.campaignstudio.experiments;

import java.util.Optional;

/**
 * What an interval on the absolute lift (variant B minus control A) says to do. The rule, the same for the fixed
 * test and the peeking-safe one:
 * <ol>
 * <li>NO_MEANINGFUL_DIFFERENCE when a minimum lift that matters, d, was given and the whole interval lies strictly
 * between -d and +d: whatever the true difference is, it is smaller than what matters (even if it is not zero).</li>
 * <li>B_WINS when the interval lies above 0, A_WINS when it lies below 0.</li>
 * <li>KEEP_RUNNING otherwise: the interval still holds 0 and reaches a lift that would matter.</li>
 * </ol>
 */
public enum Verdict {
    KEEP_RUNNING, B_WINS, A_WINS, NO_MEANINGFUL_DIFFERENCE;

    static Verdict of(Interval lift, Optional<Double> minLift) {
        if (minLift.isPresent() && lift.within(minLift.get())) {
            return NO_MEANINGFUL_DIFFERENCE;
        }
        if (lift.low() > 0) {
            return B_WINS;
        }
        if (lift.high() < 0) {
            return A_WINS;
        }
        return KEEP_RUNNING;
    }

    /** The key of the sentence that explains this verdict, with the variant and the control as arguments. */
    public String messageKey() {
        return "experiment.verdict." + name();
    }
}
