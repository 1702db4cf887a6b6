package com.campaignstudio.funnels;

import com.campaignstudio.stats.Percentiles;
import com.campaignstudio.stats.Proportion;

import java.util.Optional;

/**
 * One step of a funnel for one group.
 *
 * @param step            the step's name
 * @param people          people who reached it (in order, within the window)
 * @param stepConversion  people / people at the step before, with its 95% Wilson interval; empty for the first step
 * @param overallConversion people / people at the first step, with its interval; empty when nobody entered
 * @param dropOff         people at the step before who did not reach this one (0 for the first step)
 * @param timeFromPrevious seconds from reaching the step before to reaching this one, over the people who reached
 *                        it (median and percentiles); empty for the first step and when nobody reached it
 * @param outOfOrder      people who stopped before this step but did it anyway within their window: out of order
 *                        (strict), or after skipping an earlier step
 */
public record StepFigures(String step, long people, Optional<Proportion> stepConversion,
                          Optional<Proportion> overallConversion, long dropOff, Optional<Percentiles> timeFromPrevious,
                          long outOfOrder) {
}
