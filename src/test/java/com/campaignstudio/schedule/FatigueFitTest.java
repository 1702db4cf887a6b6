package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FatigueFitTest {

    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 6, 0, 0);

    /**
     * A year of posts on one platform (half-life 12 h), often within hours of each other, whose reach is log-normal
     * (sd 0.5) times the planted fatigue factor.
     */
    private static PostHistory history(double plantedFatigue, long seed) {
        ScheduleModel model = ModelFixtures.model(plantedFatigue, ModelFixtures.exact("douyin", 1000, 12, 0.05));
        SplittableRandom random = new SplittableRandom(seed);
        List<PlannedPost> posts = new ArrayList<>();
        LocalDateTime at = START;
        for (int i = 0; i < 400; i++) {
            at = at.plusMinutes(60 + random.nextInt(48 * 60));
            posts.add(PlannedPost.of("douyin", at, "video"));
        }
        double[] factors = Fatigue.factors(posts, model);
        PostHistory.Builder builder = PostHistory.builder();
        for (int i = 0; i < posts.size(); i++) {
            long reach = Math.round(2000 * Math.exp(0.5 * random.nextGaussian()) * factors[i]);
            builder.add(i + 1, "douyin", "video", posts.get(i).at(), 2 * reach, reach, reach / 20, reach / 100);
        }
        return builder.build();
    }

    @Test
    void aPlantedFatigueIsRecoveredAndNoneIsFoundWhereThereIsNone() {
        // Over 10 seeds of 400 posts: within 0.1 of the planted 0.4 and below 0.1 where none was planted.
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05));
        for (long seed = 1; seed <= 10; seed++) {
            FatigueFit.Estimate planted = FatigueFit.estimate(history(0.4, seed), model);
            assertTrue(planted.overlapping() >= FatigueFit.MIN_OVERLAPPING);
            assertEquals(0.4, planted.fatigue().orElseThrow(), 0.1, "seed " + seed);
            assertTrue(FatigueFit.estimate(history(0, seed), model).fatigue().orElseThrow() < 0.1, "seed " + seed);
        }
    }

    @Test
    void postsFarApartLeaveTheDefault() {
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 1, 0.05));
        PostHistory.Builder builder = PostHistory.builder();
        for (int i = 0; i < 100; i++) {
            builder.add(i + 1, "douyin", "video", START.plusDays(2L * i), 2000, 1000, 50, 10);
        }
        FatigueFit.Estimate estimate = FatigueFit.estimate(builder.build(), model);
        assertTrue(estimate.fatigue().isEmpty());
        assertEquals(0, estimate.overlapping());
    }
}
