package com.campaignstudio.segments;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segment profiles of {@link FiveFollowers} in four segments (the last empty), every figure worked out by hand:
 * segment 0 = F1, F3; segment 1 = F4; segment 2 = F2, F5; segment 3 = nobody.
 */
class ProfilesTest {

    /** eta, theta, xi for the activity index deliberately unlike the defaults, so that a swap shows. */
    private static final EngagementScores.Weights WEIGHTS = new EngagementScores.Weights(0.6, 0.3, 0.1, 0.2, 0.3, 0.5);

    private static final List<String> COLUMNS = List.of("views", "tenure_days", "platform:douyin", "platform:weibo");

    /** Standardised values as a matrix would hold them (hand-picked: profiles only average them). */
    private static final double[][] VALUES = {
        {0.5, 1.0, -1, 1}, {-1, -0.5, 1, -1}, {1.5, 0, -1, 1}, {-0.5, 0.5, 1, -1}, {2, -1, -1, 1}};

    @Test
    void eachSegmentsFiguresAreItsMembersAverages() {
        FollowerFacts facts = FiveFollowers.facts();
        List<SegmentProfile> profiles = Profiles.of(facts, matrix(), clusters(), 
                EngagementScores.of(facts, EngagementScores.Weights.defaults()), new double[]{0.2, 0.4, 0.6, 0.9, 0},
                WEIGHTS, List.of("A", "B", "C", "D"));
        assertEquals(4, profiles.size());
        SegmentProfile first = profiles.get(0);
        SegmentProfile second = profiles.get(1);
        SegmentProfile third = profiles.get(2);
        SegmentProfile empty = profiles.get(3);

        assertEquals(List.of(0, 1, 2, 3), profiles.stream().map(SegmentProfile::number).toList());
        assertEquals(List.of("A", "B", "C", "D"), profiles.stream().map(SegmentProfile::name).toList());
        assertEquals(List.of(Potential.HIGH, Potential.MEDIUM, Potential.MEDIUM, Potential.LOW),
                profiles.stream().map(SegmentProfile::potential).toList());
        assertEquals(List.of(2L, 1L, 2L, 0L), profiles.stream().map(SegmentProfile::size).toList());
        assertShares(new double[]{0.4, 0.2, 0.4, 0}, profiles.stream().mapToDouble(SegmentProfile::share).toArray(), "share");

        // Raw means: views are the "view" counts (3, 9 | 1 | 0, 20); an unknown tenure (F3) counts as 0; platform
        // columns give the share of members on the platform.
        assertMeans(List.of(6.0, 45.0, 0.0, 1.0), first.rawMeans());
        assertMeans(List.of(1.0, 60.0, 1.0, 0.0), second.rawMeans());
        assertMeans(List.of(10.0, 21.5, 0.5, 0.5), third.rawMeans());
        assertMeans(List.of(0.0, 0.0, 0.0, 0.0), empty.rawMeans());
        assertMeans(List.of(1.0, 0.5, -1.0, 1.0), first.standardisedMeans());
        assertMeans(List.of(-0.5, 0.5, 1.0, -1.0), second.standardisedMeans());
        assertMeans(List.of(0.5, -0.75, 0.0, 0.0), third.standardisedMeans());
        assertMeans(List.of(0.0, 0.0, 0.0, 0.0), empty.standardisedMeans());

        // Revenue 150 | 0 | 250 of 400; buyers F1, F3 | none | F5.
        assertShares(new double[]{0.375, 0, 0.625, 0},
                profiles.stream().mapToDouble(SegmentProfile::revenueShare).toArray(), "revenue share");
        assertShares(new double[]{1, 0, 0.5, 0}, profiles.stream().mapToDouble(SegmentProfile::buyerShare).toArray(),
                "buyer share");
        assertShares(new double[]{75, 0, 125, 0},
                profiles.stream().mapToDouble(SegmentProfile::revenuePerMember).toArray(), "revenue per member");
        assertShares(new double[]{0.4, 0.9, 0.2, 0},
                profiles.stream().mapToDouble(SegmentProfile::meanPropensity).toArray(), "mean propensity");

        double u0 = (FiveFollowers.u(0) + FiveFollowers.u(2)) / 2;
        double u1 = FiveFollowers.u(3);
        double u2 = (FiveFollowers.u(1) + FiveFollowers.u(4)) / 2;
        assertShares(new double[]{u0, u1, u2, 0},
                profiles.stream().mapToDouble(SegmentProfile::meanEngagement).toArray(), "mean engagement");
        // I_k = 0.2 U + 0.3 R + 0.5 T, T the mean tenure (45 | 60 | 21.5 | 0) over the longest, 60.
        double r0 = (FiveFollowers.FREQUENCY[0] + FiveFollowers.FREQUENCY[2]) / 2;
        double r1 = FiveFollowers.FREQUENCY[3];
        double r2 = (FiveFollowers.FREQUENCY[1] + FiveFollowers.FREQUENCY[4]) / 2;
        assertShares(new double[]{0.2 * u0 + 0.3 * r0 + 0.5 * 0.75, 0.2 * u1 + 0.3 * r1 + 0.5 * 1,
                0.2 * u2 + 0.3 * r2 + 0.5 * 21.5 / 60, 0},
                profiles.stream().mapToDouble(SegmentProfile::activityIndex).toArray(), "activity index");
    }

    @Test
    void withoutScoresRevenueOrTenureTheFiguresAreNaNOrZeroAsDocumented() {
        FollowerFacts five = FiveFollowers.facts();
        FollowerFacts facts = new FollowerFacts(five.ids(), five.platforms(), five.asOf(), new double[]{
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, five.recencyDays(), five.interactions(),
                new long[5], new double[5], five.kindCounts());
        EngagementScores engagement = EngagementScores.of(facts, EngagementScores.Weights.defaults());
        List<SegmentProfile> profiles = Profiles.of(facts, matrix(), clusters(), engagement, null, WEIGHTS,
                List.of("A", "B", "C", "D"));
        assertTrue(profiles.stream().allMatch(p -> Double.isNaN(p.meanPropensity())), "no propensity computed");
        assertShares(new double[4], profiles.stream().mapToDouble(SegmentProfile::revenueShare).toArray(),
                "no revenue at all: shares of 0, not NaN");
        assertShares(new double[4], profiles.stream().mapToDouble(SegmentProfile::buyerShare).toArray(), "no buyers");
        double u1 = engagement.score()[3];
        double r1 = engagement.frequency()[3];
        assertEquals(0.2 * u1 + 0.3 * r1, profiles.get(1).activityIndex(), 1e-12,
                "no tenure known: the tenure term is 0, not NaN");
    }

    /**
     * Segments ranked by revenue per member (not in total), ties by mean engagement (not in total):
     * A has 3 members paying 60 each (180, 60 a head), B one paying 100; C one member scoring 0.8, D three
     * scoring 0.5 each (1.5 in total). So B, A, C, D.
     */
    @Test
    void segmentsAreNumberedByRevenuePerMemberThenMeanEngagement() {
        int a = 0;
        int b = 1;
        int c = 2;
        int d = 3;
        int[] assignment = {a, a, a, b, c, d, d, d};
        double[] paid = {60, 60, 60, 100, 0, 0, 0, 0};
        // A is more engaged than B, so ranking on engagement alone would put A first.
        double[] engagement = {0.9, 0.9, 0.9, 0.1, 0.8, 0.5, 0.5, 0.5};
        int n = assignment.length;
        FollowerFacts facts = new FollowerFacts(new long[]{1, 2, 3, 4, 5, 6, 7, 8}, new String[n],
                LocalDateTime.of(2026, 3, 1, 0, 0), new double[n], new double[n], new long[n], new long[n], paid,
                Map.of());
        double[][] centres = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
        Clusters ranked = Profiles.byValue(new Clusters(4, assignment, centres, 7.5), facts, engagement);
        assertArrayEquals(new int[]{1, 1, 1, 0, 2, 3, 3, 3}, ranked.assignment());
        assertArrayEquals(new double[][]{{1, 1}, {0, 0}, {2, 2}, {3, 3}}, ranked.centers());
        assertEquals(4, ranked.k());
        assertEquals(7.5, ranked.distortion());
    }

    private static FeatureMatrix matrix() {
        return new FeatureMatrix(COLUMNS, List.of(Feature.VIEWS, Feature.TENURE_DAYS, Feature.PLATFORM, Feature.PLATFORM),
                VALUES, new double[4], new double[]{1, 1, 1, 1}, List.of());
    }

    private static Clusters clusters() {
        return new Clusters(4, new int[]{0, 2, 0, 1, 2}, new double[4][4], 0);
    }

    private static void assertMeans(List<Double> expected, List<Double> actual) {
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                actual.stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
    }

    private static void assertShares(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, 1e-12, what);
    }
}
