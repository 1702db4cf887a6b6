package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Saved schedules against the published posts as of a given time: which have begun, which have ended. */
class ScheduleReviewsTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 0, 0);

    @TempDir
    Path folder;

    private static Prediction predicted(PlannedPost post, double reachLow, double reachHigh) {
        Outcome outcome = new Outcome(new Band((reachLow + reachHigh) / 2, reachLow, reachHigh), new Band(50, 40, 60),
                new Band(10, 5, 15), Band.ZERO, Band.ZERO, Band.ZERO);
        return new Prediction(List.of(new Simulation.PostOutcome(post, outcome, 1, 0)), outcome);
    }

    /**
     * Three weekly plans, each with one Weibo post at 20:00 on its Tuesday: week 1 and week 2 have a post published
     * for it (no import: exported at the latest post, in week 3), week 3 is under way, week 4 has not begun. As of
     * week 3's Wednesday: weeks 1 to 3 are reviewed, weeks 1 and 2 have ended and make the calibration.
     */
    @Test
    void schedulesThatHaveBegunAreReviewedAndThoseThatEndedCalibrate() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post (platform_id, "
                        + "external_id, published_at, format, impressions, reach, likes, comments, shares, clicks) "
                        + "SELECT id, ?, ?, 'video', 2000, ?, 50, 0, 0, 10 FROM platform WHERE code = 'weibo'")) {
                    Object[][] posts = {{"W1", MONDAY.plusDays(1).plusHours(20), 1000L},
                            {"W2", MONDAY.plusDays(8).plusHours(21), 5000L},
                            {"W3", MONDAY.plusDays(15).plusHours(6), 1000L}};
                    for (Object[] post : posts) {
                        insert.setString(1, (String) post[0]);
                        insert.setTimestamp(2, Timestamp.valueOf((LocalDateTime) post[1]));
                        insert.setLong(3, (Long) post[2]);
                        insert.executeUpdate();
                    }
                }
                return null;
            });
            ScheduleStore store = new ScheduleStore(project.database());
            for (int week = 0; week < 4; week++) {
                PlannedPost post = PlannedPost.of("weibo", MONDAY.plusWeeks(week).plusDays(1).plusHours(20), "video");
                store.save("week " + (week + 1), SchedulePlan.week(MONDAY.plusWeeks(week), List.of(post)),
                        ScheduleSettings.defaults(), predicted(post, 900, 1100));
            }

            ScheduleReviews reviews = ScheduleReviews.read(project.database(), MONDAY.plusDays(16),
                    TaskContext.silent());

            assertEquals(4, reviews.saved().size());
            assertEquals(List.of("week 1", "week 2", "week 3"), reviews.begun().keySet().stream().sorted().toList());
            assertEquals(2, reviews.ended());
            assertEquals("W1", reviews.begun().get("week 1").rows().getFirst().actual().orElseThrow().externalId());
            assertEquals("W2", reviews.begun().get("week 2").rows().getFirst().actual().orElseThrow().externalId());
            assertEquals(List.of("W3"), reviews.begun().get("week 3").unplanned().stream()
                    .map(PlanReview.PublishedPost::externalId).toList(), "14 h before the plan's 20:00: not a match");
            // Every post counts as exported at W3's publication, day 15 06:00. Week 1's horizon is day 14: complete,
            // reach 1000 in 900-1100, engagements 50 in 40-60, clicks 10 in 5-15, ratios 1, 1, 1. Week 2's horizon
            // is day 21: exported early, so its reach of 5000 (outside) is left out.
            assertEquals(1, reviews.calibration().posts());
            assertEquals(3, reviews.calibration().inside().orElseThrow().successes());
            assertEquals(3, reviews.calibration().inside().orElseThrow().trials());
            assertEquals(1.0, reviews.calibration().medianRatio(), 1e-12);
        }
    }
}
