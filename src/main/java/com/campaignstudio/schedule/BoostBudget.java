package com.campaignstudio.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A weekly boost budget per platform, handed over from the budget split, spent on a plan's posts: each platform's
 * budget for the plan's period (weekly × the period's weeks) split evenly across that platform's posts. A platform
 * with a budget and no post in the plan keeps its money unspent, and is named so the user can add a post.
 */
public final class BoostBudget {

    /**
     * @param plan         the plan with each budgeted platform's posts boosted
     * @param withoutPosts platforms with a budget and no post to spend it on, sorted
     */
    public record Spread(SchedulePlan plan, List<String> withoutPosts) {
    }

    private BoostBudget() {
    }

    public static Spread spread(SchedulePlan plan, Map<String, Double> weekly) {
        Map<String, Integer> postsOf = new TreeMap<>();
        plan.posts().forEach(post -> postsOf.merge(post.platform(), 1, Integer::sum));
        double weeks = plan.days() / 7.0;
        List<PlannedPost> boosted = new ArrayList<>();
        for (PlannedPost post : plan.posts()) {
            Double budget = weekly.get(post.platform());
            boosted.add(budget == null ? post : new PlannedPost(post.platform(), post.at(), post.format(),
                    post.topic(), budget * weeks / postsOf.get(post.platform()), post.locked()));
        }
        TreeSet<String> without = new TreeSet<>();
        weekly.forEach((platform, budget) -> {
            if (budget > 0 && !postsOf.containsKey(platform)) {
                without.add(platform);
            }
        });
        return new Spread(plan.withPosts(boosted), List.copyOf(without));
    }
}
