package com.campaignstudio.segments;

import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KSuggestionTest {

    /** Five points on a line in three segments: {0, 2}, {5, 6} and {20}. */
    private static final double[][] LINE = {{0}, {2}, {5}, {6}, {20}};
    private static final int[] SEGMENTS = {0, 0, 1, 1, 2};

    /**
     * Silhouettes worked by hand (Rousseeuw 1987: (b - a) / max(a, b), a the mean distance to the own segment, b to
     * the nearest other): 0 → (5.5 - 2) / 5.5, 2 → (3.5 - 2) / 3.5, 5 → (4 - 1) / 4, 6 → (5 - 1) / 5, and a segment
     * of one counts 0.
     */
    @Test
    void theMeanSilhouetteOfAWorkedExample() {
        double expected = (3.5 / 5.5 + 1.5 / 3.5 + 3.0 / 4 + 4.0 / 5 + 0) / 5;
        assertEquals(expected, KSuggestion.silhouette(LINE, SEGMENTS, 3, new int[]{0, 1, 2, 3, 4}), 1e-12);
    }

    /** Scored on a sample of rows, distances go to the sampled rows only. */
    @Test
    void onASampleOnlyTheSampledRowsCount() {
        double expected = (3.5 / 5.5 + 1.5 / 3.5 + 3.0 / 4 + 4.0 / 5) / 4;
        assertEquals(expected, KSuggestion.silhouette(LINE, SEGMENTS, 3, new int[]{0, 1, 2, 3}), 1e-12);
        assertEquals(0, KSuggestion.silhouette(LINE, SEGMENTS, 3, new int[]{4}), 0, "one row has no silhouette");
    }

    /** A point nearer the other segment than its own has a negative silhouette. */
    @Test
    void aMisplacedPointScoresBelowZero() {
        double[][] data = {{0}, {1}, {9}, {10}, {11}};
        int[] segments = {0, 0, 0, 1, 1};
        double misplaced = (1.5 - 8.5) / 8.5;
        double[] others = {(10.5 - 5) / 10.5, (9.5 - 4.5) / 9.5, (20 / 3.0 - 1) / (20 / 3.0), (23 / 3.0 - 1) / (23 / 3.0)};
        double expected = (misplaced + others[0] + others[1] + others[2] + others[3]) / 5;
        assertEquals(expected, KSuggestion.silhouette(data, segments, 2, new int[]{2, 0, 1, 3, 4}), 1e-12);
    }

    @Test
    void threeSeparateBlobsSuggestThreeAndEveryKUpToATenthOfTheRowsIsTried() throws Exception {
        Random random = new Random(5);
        double[][] data = IntStream.range(0, 90).mapToObj(i -> new double[]{10 * (i % 3) + random.nextGaussian() * 0.5,
                random.nextGaussian() * 0.5}).toArray(double[][]::new);
        KSuggestion.Result result = KSuggestion.suggest(data, 2, 12, 7, TaskContext.silent());
        assertEquals(3, result.bestK());
        assertEquals(IntStream.rangeClosed(2, 9).boxed().toList(),
                result.scores().stream().map(KSuggestion.Score::k).toList());
        double best = result.scores().stream().mapToDouble(KSuggestion.Score::silhouette).max().orElseThrow();
        assertEquals(best, result.scores().get(1).silhouette(), 0);
    }

    @Test
    void tooFewRowsForTheSmallestKAndCancelAreRefused() {
        double[][] nineteen = IntStream.range(0, 19).mapToObj(i -> new double[]{i}).toArray(double[][]::new);
        SegmentationException tooFew = assertThrows(SegmentationException.class,
                () -> KSuggestion.suggest(nineteen, 2, 10, 1, TaskContext.silent()));
        assertEquals("segment.error.tooFew", tooFew.reason().key());
        double[][] twenty = IntStream.range(0, 20).mapToObj(i -> new double[]{i}).toArray(double[][]::new);
        assertThrows(CancelledException.class, () -> KSuggestion.suggest(twenty, 2, 10, 1, TestContexts.cancelled()));
    }
}
