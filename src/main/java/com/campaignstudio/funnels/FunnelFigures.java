package com.campaignstudio.funnels;

import com.campaignstudio.stats.Percentiles;

import java.util.List;
import java.util.Optional;

/**
 * A funnel's figures for one group (or for everyone).
 *
 * @param steps         per step, in order
 * @param timeToConvert the histogram of seconds from the first step to the last, over the people who reached it; the
 *                      bins cover the window, each includes its lower bound, the last also its upper bound
 * @param convertSpread median and percentiles of the same times; empty when nobody converted
 * @param stillOpen     people who have not reached the last step and entered less than a window before the data end:
 *                      they may still convert, so recent groups' conversion is not final
 */
public record FunnelFigures(List<StepFigures> steps, List<TimeBin> timeToConvert, Optional<Percentiles> convertSpread,
                            long stillOpen) {

    public FunnelFigures {
        steps = List.copyOf(steps);
        timeToConvert = List.copyOf(timeToConvert);
    }

    /** People who entered (did the first step). */
    public long entered() {
        return steps.getFirst().people();
    }

    /** People who reached the last step. */
    public long converted() {
        return steps.getLast().people();
    }
}
