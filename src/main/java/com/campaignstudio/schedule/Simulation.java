package com.campaignstudio.schedule;

import java.util.List;
import java.util.Map;

/**
 * A simulated plan: per post, per platform and in total what it should bring by the plan's horizon with 80%
 * intervals, and the expected cumulative reach per platform hour by hour from the plan's start to its horizon.
 *
 * @param posts         one per planned post whose platform the model knows, in plan order
 * @param unknown       planned posts left out because the model has no such platform
 * @param cumulativeReach per platform, expected cumulative reach at the end of each hour of the plan
 */
public record Simulation(SchedulePlan plan, List<PostOutcome> posts, Outcome total, Map<String, Outcome> byPlatform,
                         Map<String, double[]> cumulativeReach, List<PlannedPost> unknown, int draws) {

    /**
     * One post's prediction.
     *
     * @param fatigue its fatigue factor (1: no earlier post on its platform still being seen)
     * @param lift    its slot's engagement rate relative to the platform's, e.g. +0.34
     */
    public record PostOutcome(PlannedPost post, Outcome outcome, double fatigue, double lift) {
    }
}
