package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanReviewTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);
    private static final LocalDateTime EXPORTED = MONDAY.plusDays(20);

    private static Simulation.PostOutcome planned(String platform, int hour, double reachLow, double reachHigh) {
        Band reach = new Band((reachLow + reachHigh) / 2, reachLow, reachHigh);
        Band engagements = new Band(50, 40, 60);
        Band clicks = new Band(10, 5, 15);
        Outcome outcome = new Outcome(reach, engagements, clicks, Band.ZERO, Band.ZERO, Band.ZERO);
        return new Simulation.PostOutcome(PlannedPost.of(platform, MONDAY.plusHours(hour), "video"), outcome, 1, 0);
    }

    private static PlanReview.PublishedPost published(String platform, String id, int hour, int minutes, long reach) {
        return new PlanReview.PublishedPost(platform, id, MONDAY.plusHours(hour).plusMinutes(minutes), reach, 55, 20,
                EXPORTED);
    }

    @Test
    void eachPlannedPostMeetsTheNearestPublishedPostOfItsPlatformOnce() {
        SchedulePlan plan = SchedulePlan.week(MONDAY, List.of());
        Prediction prediction = new Prediction(List.of(planned("weibo", 20, 900, 1100), planned("weibo", 22, 900, 1100),
                planned("douyin", 30, 100, 200), planned("zhihu", 50, 10, 20)), Outcome.NONE);
        List<PlanReview.PublishedPost> actual = List.of(
                published("weibo", "W1", 21, 10, 1000),     // nearer 22:00 (50 min) than 20:00 (70 min)
                published("weibo", "W2", 19, 0, 2000),      // then the only one left for 20:00, 1 h early
                published("douyin", "D1", 30, 0, 150),
                published("douyin", "D2", 100, 0, 150),     // in the week, planned nowhere near it
                published("zhihu", "Z1", 63, 0, 15),        // 13 h after its planned time: not a match
                published("weibo", "W9", 24 * 8, 0, 10));   // after the week

        PlanReview review = PlanReview.of(plan, prediction, actual);

        assertEquals("W2", review.rows().get(0).actual().orElseThrow().externalId());
        assertEquals("W1", review.rows().get(1).actual().orElseThrow().externalId());
        assertEquals("D1", review.rows().get(2).actual().orElseThrow().externalId());
        assertEquals(Optional.empty(), review.rows().get(3).actual());
        assertEquals(List.of("D2", "Z1"), review.unplanned().stream().map(PlanReview.PublishedPost::externalId).toList());
        assertEquals(Optional.of(false), review.rows().get(0).inside(Metric.REACH), "2000 is above 900-1100");
        assertEquals(Optional.of(true), review.rows().get(1).inside(Metric.REACH));
        assertEquals(2000 / 1000.0, review.rows().get(0).ratio(Metric.REACH).orElseThrow(), 1e-12);
        assertFalse(review.rows().get(0).early());
    }

    @Test
    void calibrationCountsCompleteMatchedPostsOverTheCheckedFigures() {
        SchedulePlan plan = SchedulePlan.week(MONDAY, List.of());
        Prediction prediction = new Prediction(List.of(planned("weibo", 20, 900, 1100), planned("douyin", 30, 100, 200),
                planned("zhihu", 50, 10, 20)), Outcome.NONE);
        PlanReview review = PlanReview.of(plan, prediction, List.of(published("weibo", "W", 20, 0, 2000),
                published("douyin", "D", 30, 0, 150),
                new PlanReview.PublishedPost("zhihu", "Z", MONDAY.plusHours(50), 5, 55, 20, MONDAY.plusDays(3))));

        PlanReview.Calibration calibration = PlanReview.calibration(List.of(review));

        // Zhihu was exported before the horizon: left out. Weibo: reach out, engagements 55 in 40-60, clicks 20 out
        // of 5-15; Douyin: reach in, engagements in, clicks out. 3 of 6 inside.
        assertTrue(review.rows().get(2).early());
        assertEquals(2, calibration.posts());
        assertEquals(3, calibration.inside().orElseThrow().successes());
        assertEquals(6, calibration.inside().orElseThrow().trials());
        // Ratios: 2000/1000, 55/50, 20/10, 150/150, 55/50, 20/10 -> sorted 1, 1.1, 1.1, 2, 2, 2: median 1.55.
        assertEquals(1.55, calibration.medianRatio(), 1e-12);
        assertTrue(PlanReview.calibration(List.of()).inside().isEmpty());
    }
}
