package com.campaignstudio.schedule;

import java.util.List;
import java.util.Map;

/**
 * The expected goal of a plan at the model's central figures, without Monte Carlo: what the suggester maximises.
 * A post is worth w = E[R]·(format factor)·(1 − e^(−λh))·g(slot)·a(slot) times its fatigue factor, h the hours to the
 * horizon, g the goal per unit of reach (1 for reach; buyers per reach of the slot; that times the order value) and a
 * the target audience's activity index of the slot (1 without a target). Boost spend is left out: it does not depend
 * on the slot.
 */
final class ExpectedValue {

    private final ScheduleModel model;
    private final SchedulePlan period;
    private final Goal goal;
    private final Map<String, double[]> audience;

    ExpectedValue(ScheduleModel model, SchedulePlan period, Goal goal, Map<String, double[]> audience) {
        this.model = model;
        this.period = period;
        this.goal = goal;
        this.audience = audience;
    }

    /** The worth of one post before fatigue. */
    double weight(PlannedPost post) {
        PlatformModel platform = model.platforms().get(post.platform());
        double hours = period.hoursFromStart(period.horizon()) - period.hoursFromStart(post.at());
        if (platform == null || hours <= 0) {
            return 0;
        }
        int slot = post.slot();
        double perReach = switch (goal) {
            case REACH -> 1;
            case BUYERS -> platform.buyersPerReach(slot);
            case REVENUE -> platform.buyersPerReach(slot) * platform.orderValue();
        };
        double[] activity = audience.get(post.platform());
        double index = activity == null ? 1 : activity[slot];
        return platform.expectedReach(post.format()) * -Math.expm1(-platform.lambda(post.format()) * hours) * perReach * index;
    }

    /** The expected goal of {@code posts}, fatigue included. */
    double of(List<PlannedPost> posts) {
        double[] fatigue = Fatigue.factors(posts, model);
        double total = 0;
        for (int j = 0; j < posts.size(); j++) {
            total += fatigue[j] * weight(posts.get(j));
        }
        return total;
    }
}
