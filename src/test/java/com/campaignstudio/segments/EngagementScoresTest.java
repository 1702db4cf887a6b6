package com.campaignstudio.segments;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Engagement scores of five followers worked out by hand (see {@link FiveFollowers}). */
class EngagementScoresTest {

    @Test
    void contentInterestAndFrequencyAreNormalisedByHand() {
        EngagementScores scores = EngagementScores.of(FiveFollowers.facts(), EngagementScores.Weights.defaults());
        assertArrayEquals(FiveFollowers.CONTENT, scores.content(), 1e-12, "C: views with live sessions, and minutes");
        assertArrayEquals(FiveFollowers.INTEREST, scores.interest(), 1e-12, "I: the five interest kinds");
        assertArrayEquals(FiveFollowers.FREQUENCY, scores.frequency(), 1e-12, "R: interactions per 30 days");
    }

    @Test
    void scoresWeighTheThreeInputs() {
        FollowerFacts facts = FiveFollowers.facts();
        double[] u = EngagementScores.of(facts, EngagementScores.Weights.defaults()).score();
        for (int i = 0; i < 5; i++) {
            assertEquals(FiveFollowers.u(i), u[i], 1e-12, "follower " + (i + 1));
        }
        double[] interestOnly = EngagementScores.of(facts, new EngagementScores.Weights(0, 1, 0, 0.5, 0.3, 0.2)).score();
        assertArrayEquals(FiveFollowers.INTEREST, interestOnly, 1e-12);
        double[] frequencyOnly = EngagementScores.of(facts, new EngagementScores.Weights(0, 0, 1, 0.5, 0.3, 0.2)).score();
        assertArrayEquals(FiveFollowers.FREQUENCY, frequencyOnly, 1e-12);
    }

    /** Kinds the project never recorded count as none; interactions still give a frequency. */
    @Test
    void kindsWithoutCountsScoreZero() {
        FollowerFacts facts = new FollowerFacts(new long[]{1, 2, 3}, new String[]{"weibo", "weibo", "weibo"},
                LocalDateTime.of(2026, 3, 1, 0, 0), new double[]{30, 30, 30}, new double[]{1, 1, 1},
                new long[]{0, 0, 4}, new long[3], new double[3], Map.of());
        EngagementScores scores = EngagementScores.of(facts, EngagementScores.Weights.defaults());
        assertArrayEquals(new double[3], scores.content());
        assertArrayEquals(new double[3], scores.interest());
        // Per month 0, 0, 4: the 99th percentile (position 1) is 0, so the largest, 4, scores 1.
        assertArrayEquals(new double[]{0, 0, 1}, scores.frequency(), 1e-12);
        assertArrayEquals(new double[]{0, 0, 0.1}, scores.score(), 1e-12);
    }

    @Test
    void mostlyZeroCountsScaleByTheLargest() {
        assertArrayEquals(new double[]{0, 0, 0, 0, 1}, EngagementScores.normalised(new double[]{0, 0, 0, 0, 5}), 1e-12,
                "the 99th percentile (position 3 of 5) is 0, so the largest value sets the scale");
        assertArrayEquals(new double[]{0, Math.log1p(1) / Math.log1p(3), 0, 1, 1},
                EngagementScores.normalised(new double[]{0, 1, 0, 3, 8}), 1e-12, "p99 is the second largest, 3");
    }
}
