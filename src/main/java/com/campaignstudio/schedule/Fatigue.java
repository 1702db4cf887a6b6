package com.campaignstudio.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fatigue factor of each post of a plan (see {@link ScheduleModel}): the product over earlier posts on its
 * platform of (1 − φ·e^(−λΔ)), λ the earlier post's (its format's), with the earlier post that costs it most, for the suggester's explanations. Posts at
 * the same minute count in list order.
 */
final class Fatigue {

    /** What overlapping costs one post. */
    record Overlap(double factor, Optional<PlannedPost> worstEarlier, double worstLoss) {
    }

    private Fatigue() {
    }

    static double[] factors(List<PlannedPost> posts, ScheduleModel model) {
        double[] factors = new double[posts.size()];
        for (int j = 0; j < posts.size(); j++) {
            factors[j] = of(posts, j, model).factor();
        }
        return factors;
    }

    static Overlap of(List<PlannedPost> posts, int j, ScheduleModel model) {
        PlannedPost post = posts.get(j);
        Optional<PlatformModel> platform = model.platform(post.platform());
        if (platform.isEmpty() || model.fatigue() == 0) {
            return new Overlap(1, Optional.empty(), 0);
        }
        double factor = 1;
        PlannedPost worst = null;
        double worstLoss = 0;
        for (int i = 0; i < posts.size(); i++) {
            PlannedPost earlier = posts.get(i);
            if (i == j || !earlier.platform().equals(post.platform()) || earlier.at().isAfter(post.at())
                    || earlier.at().equals(post.at()) && i > j) {
                continue;
            }
            double loss = model.fatigue() * Math.exp(-platform.get().lambda(earlier.format())
                    * hoursBetween(earlier, post));
            factor *= 1 - loss;
            if (loss > worstLoss) {
                worstLoss = loss;
                worst = earlier;
            }
        }
        return new Overlap(factor, Optional.ofNullable(worst), worstLoss);
    }

    static double hoursBetween(PlannedPost earlier, PlannedPost later) {
        return Duration.between(earlier.at(), later.at()).toSeconds() / 3600.0;
    }
}
