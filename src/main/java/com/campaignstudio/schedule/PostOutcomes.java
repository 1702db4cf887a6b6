package com.campaignstudio.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each post of a plan with its simulated outcome, for the files a plan is written to. */
final class PostOutcomes {

    private PostOutcomes() {
    }

    /**
     * Per post of {@code plan}, its outcome in {@code simulation}, if any. The simulation lists the posts of the
     * platforms it knows in plan order, so they are matched in order: two identical posts keep their own outcomes
     * (the second one's fatigue differs).
     */
    static List<Optional<Simulation.PostOutcome>> of(SchedulePlan plan, Optional<Simulation> simulation) {
        List<Simulation.PostOutcome> outcomes = simulation.map(Simulation::posts).orElse(List.of());
        List<Optional<Simulation.PostOutcome>> matched = new ArrayList<>();
        int next = 0;
        for (PlannedPost post : plan.posts()) {
            boolean simulated = next < outcomes.size() && outcomes.get(next).post().equals(post);
            matched.add(simulated ? Optional.of(outcomes.get(next)) : Optional.empty());
            next += simulated ? 1 : 0;
        }
        return matched;
    }
}
