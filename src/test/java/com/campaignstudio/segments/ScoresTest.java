package com.campaignstudio.segments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engagement scores, labels, gains and the packed member format, against worked values. */
class ScoresTest {

    @Test
    void theDomainDocumentsWorkedEngagementExample() {
        assertEquals(0.74, EngagementScores.u(0.8, 0.7, 0.5, EngagementScores.Weights.defaults()), 1e-12);
        assertEquals(0.5 * 0.6 + 0.3 * 0.4 + 0.2 * 1.0,
                EngagementScores.activityIndex(0.6, 0.4, 1.0, EngagementScores.Weights.defaults()), 1e-12);
    }

    @Test
    void normalisationScalesByTheNinetyNinthPercentileAndCapsAtOne() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i;
        }
        values[99] = 1_000_000;
        double[] normalised = EngagementScores.normalised(values);
        assertEquals(0, normalised[0], 1e-12);
        assertEquals(1, normalised[98], 1e-12, "the 99th percentile (98) scores 1");
        assertEquals(1, normalised[99], 1e-12, "the outlier is capped");
        assertEquals(Math.log1p(49) / Math.log1p(98), normalised[49], 1e-12);
        assertArrayEquals(new double[]{0, 0}, EngagementScores.normalised(new double[]{0, 0}));
    }

    @Test
    void potentialLabelsByRank() {
        assertEquals(List.of(Potential.HIGH, Potential.LOW), labels(2));
        assertEquals(List.of(Potential.HIGH, Potential.MEDIUM, Potential.LOW), labels(3));
        assertEquals(List.of(Potential.HIGH, Potential.MEDIUM, Potential.MEDIUM, Potential.LOW), labels(4));
        assertEquals(List.of(Potential.HIGH, Potential.HIGH, Potential.MEDIUM, Potential.LOW, Potential.LOW), labels(5));
        assertEquals(List.of("High potential", "Medium potential 1", "Medium potential 2", "Low potential"),
                java.util.stream.IntStream.range(0, 4).mapToObj(r -> Segmenter.defaultName(r, 4)).toList());
    }

    @Test
    void gainsCountBuyersAmongTheTopScored() {
        int[] truth = {1, 0, 1, 0, 0, 0, 0, 0, 0, 1};
        double[] score = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
        List<Propensity.Gain> gains = PropensityModel.gains(truth, score);
        assertEquals(11, gains.size());
        assertEquals(1.0 / 3, gains.get(1).captured(), 1e-12, "top 10%: one of three buyers");
        assertEquals(2.0 / 3, gains.get(3).captured(), 1e-12, "top 30%: two");
        assertEquals(2.0 / 3, gains.get(9).captured(), 1e-12);
        assertEquals(1.0, gains.get(10).captured(), 1e-12);
        assertEquals(10.0 / 3, gains.get(1).lift(), 1e-12);
    }

    @Test
    void packedMembersComeBackExactly() {
        long[] ids = {1, 2, 3, 1_000, 5_000_000_000L};
        int[] segment = {0, 4, 2, 9, 1};
        float[] score = {0.1f, 0.25f, Float.NaN, 1f, 0f};
        MemberCodec.Members members = MemberCodec.unpack(MemberCodec.pack(ids, segment, score));
        assertArrayEquals(ids, members.ids());
        assertArrayEquals(segment, members.segment());
        assertArrayEquals(score, members.score());
        assertArrayEquals(score, MemberCodec.unpackScores(MemberCodec.packScores(score)));
    }

    private static List<Potential> labels(int k) {
        return java.util.stream.IntStream.range(0, k).mapToObj(rank -> Potential.ofRank(rank, k)).toList();
    }

    @Test
    void eachSegmentsMeanPropensityLeavesOutMembersWithoutAScore() {
        List<SegmentProfile> profiles = List.of(profile(0), profile(1), profile(2));
        Segmentation segmentation = new Segmentation(1, null, null, null, List.of(), new long[]{1, 2, 3, 4, 5},
                new int[]{0, 0, 0, 1, 2}, new float[5], profiles, null, List.of());
        Propensity propensity = new Propensity(null, new float[]{0.2f, Float.NaN, 0.4f, 0.9f, Float.NaN});
        List<SegmentProfile> scored = propensity.profilesWithMeans(segmentation);
        assertEquals(0.3, scored.get(0).meanPropensity(), 1e-7, "(0.2 + 0.4) / 2: the unscored member is left out");
        assertEquals(0.9, scored.get(1).meanPropensity(), 1e-7);
        assertTrue(Double.isNaN(scored.get(2).meanPropensity()), "no member scored");
        assertEquals(profiles.get(1).size(), scored.get(1).size(), "the rest of the profile is kept");
    }

    private static SegmentProfile profile(int number) {
        return new SegmentProfile(number, "s" + number, Potential.MEDIUM, 10 + number, 0.1, List.of(), List.of(), 0.2,
                0.3, 4, 0.5, 0.6, Double.NaN);
    }
}
