package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-platform figures behind a post's worth, worked by hand. */
class PlatformModelTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);

    @Test
    void aPostsWorthIsItsReachTimesTheFunnelAfterIt() {
        // Slot Wed 21:00 at 0.06 against a platform rate of 0.05: lift +20%. Buyers per unit of reach:
        // 2 impressions x 0.01 clicks per impression x 1.2 x 0.5 registering x 0.2 buying = 0.0024.
        double[] rates = new double[Slots.COUNT];
        java.util.Arrays.fill(rates, 0.05);
        rates[Slots.of(2, 21)] = 0.06;
        PlatformModel fixed = new PlatformModel("douyin", true, rates, new double[Slots.COUNT], 0.05, 0,
                Math.log(2) / 12, 0, Math.log(1000), 0.6, 0, Map.of("article", 0.5), Map.of(), 2.0, 0.01,
                ModelFixtures.counted(0.5), ModelFixtures.counted(0.2), 100, 0, 0, 4.0);

        assertEquals(0.2, fixed.lift(Slots.of(2, 21)), 1e-12);
        assertEquals(0, fixed.lift(Slots.of(0, 0)), 1e-12);
        assertEquals(2 * 0.01 * 1.2 * 0.5 * 0.2, fixed.buyersPerReach(Slots.of(2, 21)), 1e-12);
        // E[R] of a log-normal: exp(mu + sd^2 / 2) = 1000 x e^0.18 = 1197.2; an article half of it.
        assertEquals(1000 * Math.exp(0.18), fixed.expectedReach("video"), 1e-9);
        assertEquals(500 * Math.exp(0.18), fixed.expectedReach("article"), 1e-9);
        // 100 yuan of boost at 4 impressions a yuan and 2 impressions per person reached: 200 people.
        assertEquals(200, fixed.boughtReach(100), 1e-12);
        assertEquals(12, fixed.halfLifeHours(), 1e-12);
    }

    @Test
    void theExpectedGoalOfAPostIsItsWorthByTheHorizon() {
        // Exact fixture: reach 1,000, half-life 12 h, rate 0.05 everywhere. A post 12 h before the horizon has half
        // its reach by then: 500; buyers 500 x 2 x 0.01 x 0.5 x 0.2 = 1; revenue 100.
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05));
        SchedulePlan plan = new SchedulePlan(MONDAY, 7, 7, List.of());
        PlannedPost post = PlannedPost.of("douyin", MONDAY.plusHours(14 * 24 - 12), "video");
        assertEquals(500, new ExpectedValue(model, plan, Goal.REACH, Map.of()).weight(post), 1e-9);
        assertEquals(1, new ExpectedValue(model, plan, Goal.BUYERS, Map.of()).weight(post), 1e-9);
        assertEquals(100, new ExpectedValue(model, plan, Goal.REVENUE, Map.of()).weight(post), 1e-9);
        double[] audience = new double[Slots.COUNT];
        audience[post.slot()] = 1.5;
        assertEquals(750, new ExpectedValue(model, plan, Goal.REACH, Map.of("douyin", audience)).weight(post), 1e-9);
        assertEquals(0, new ExpectedValue(model, plan, Goal.REACH, Map.of())
                .weight(PlannedPost.of("douyin", plan.horizon(), "video")), "at the horizon nothing is counted");
        assertEquals(0, new ExpectedValue(model, plan, Goal.REACH, Map.of())
                .weight(PlannedPost.of("myspace", MONDAY, "video")));
    }

    @Test
    void ratesDrawFromTheirPosteriorsAndAssumedOnesAreWide() {
        Rate counted = Rate.counted(30, 100);
        assertEquals(0.3, counted.mean(), 1e-12);
        assertEquals(31, counted.alpha(), 1e-12);
        assertEquals(71, counted.beta(), 1e-12);
        assertTrue(counted.isCounted());
        assertFalse(counted.isCertain());
        Rate assumed = Rate.assumed(0.3);
        assertEquals(0.3, assumed.mean(), 1e-12);
        assertEquals(0.3 * Rate.ASSUMED_WEIGHT, assumed.alpha(), 1e-12);
        assertEquals(0.7 * Rate.ASSUMED_WEIGHT, assumed.beta(), 1e-12);
        assertFalse(assumed.isCounted());
        assertFalse(assumed.isCertain());
        assertTrue(Rate.ALWAYS.isCertain());
        assertEquals(1, Rate.ALWAYS.mean());
        assertTrue(Rate.assumed(0).isCertain());
        assertEquals(0, Rate.counted(0, 0).mean());
        assertThrows(IllegalArgumentException.class, () -> new Rate(5, 4, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Rate(-1, 4, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Rate.assumed(1.01));
        assertEquals(Rate.counted(4, 4).mean(), new Rate(4, 4, 1).mean());
    }
}
