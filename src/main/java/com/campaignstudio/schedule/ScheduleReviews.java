package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved schedules of a project checked against what was published: a {@link PlanReview} of every schedule whose
 * period has begun, and the {@link PlanReview#calibration calibration} over those whose period has ended.
 *
 * @param saved    every saved schedule, the most recently saved first
 * @param begun    per saved schedule's name, in the order of {@code saved}, the review of one whose period has begun
 * @param ended    how many schedules' periods have ended
 * @param calibration over the schedules whose period has ended
 */
public record ScheduleReviews(List<ScheduleStore.Saved> saved, Map<String, PlanReview> begun, int ended,
                              PlanReview.Calibration calibration) {

    public ScheduleReviews {
        saved = List.copyOf(saved);
        begun = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(begun));
    }

    /** Reviews the saved schedules as of {@code now} (wall clock in the project's zone). */
    public static ScheduleReviews read(ProjectDatabase database, LocalDateTime now, TaskContext context)
            throws SQLException {
        List<ScheduleStore.Saved> saved = new ScheduleStore(database).list();
        Map<String, PlanReview> begun = new LinkedHashMap<>();
        List<PlanReview> ended = new ArrayList<>();
        int done = 0;
        for (ScheduleStore.Saved schedule : saved) {
            context.checkCancelled();
            context.progress(done++, saved.size());
            SchedulePlan plan = schedule.plan();
            if (plan.start().isAfter(now)) {
                continue;
            }
            PlanReview review = PlanReview.of(plan, schedule.prediction(), PublishedPosts.read(database,
                    plan.start().minus(PlanReview.MATCH_WINDOW), plan.end().plus(PlanReview.MATCH_WINDOW)));
            begun.put(schedule.name(), review);
            if (!plan.end().isAfter(now)) {
                ended.add(review);
            }
        }
        return new ScheduleReviews(saved, begun, ended.size(), PlanReview.calibration(ended));
    }
}
