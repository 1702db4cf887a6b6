package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys the command line and saved settings use, the population's date check, and the matrix's statistics. */
class SegmentBasicsTest {

    @Test
    void keysNameAlgorithmsFeaturesAndPotentials() {
        assertEquals("kmeans", Algorithm.KMEANS.key());
        assertEquals("gmm", Algorithm.GAUSSIAN_MIXTURE.key());
        assertEquals(Algorithm.GAUSSIAN_MIXTURE, Algorithm.byKey("gmm"));
        assertEquals(Algorithm.KMEANS, Algorithm.byKey("kmeans"));
        assertThrows(IllegalArgumentException.class, () -> Algorithm.byKey("dbscan"));
        assertEquals(Feature.WATCH_MINUTES, Feature.byKey("watch_minutes"));
        assertEquals(Feature.RECENCY_DAYS, Feature.byKey("recency_days"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Feature.byKey("age"));
        assertTrue(unknown.getMessage().contains("recency_days, tenure_days, interactions"), unknown.getMessage());
        assertTrue(Feature.LIKES.heavyTailed());
        assertFalse(Feature.RECENCY_DAYS.heavyTailed());
        assertEquals(List.of("high", "medium", "low"), List.of(Potential.HIGH.key(), Potential.MEDIUM.key(),
                Potential.LOW.key()));
    }

    @Test
    void aPopulationCannotEndBeforeItStarts() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> new Population(null, false, day.plusDays(1), day));
        assertEquals(day, new Population(null, false, day, day).from(), "a single day is a range");
        assertEquals(day, new Population(null, false, null, day).to());
        assertEquals(day, new Population(null, false, day, null).from());
    }

    /**
     * Views 3, 0, 9, 1, 20 (mean 6.6, squared deviations summing to 273.2, sample sd sqrt(68.3)); tenure 90,
     * 15, unknown, 60, 28: the unknown gets the median of the four known, (28 + 60) / 2 = 44.
     */
    @Test
    void theMatrixImputesTheMedianAndStandardisesWithTheSampleDeviation() throws Exception {
        FollowerFacts facts = FiveFollowers.facts();
        FeatureMatrix raw = FeatureMatrix.build(facts, List.of(Feature.VIEWS, Feature.TENURE_DAYS),
                new FeatureMatrix.Transform(Set.of(), false));
        assertArrayEquals(new double[]{6.6, 47.4}, raw.means(), 1e-12, "tenure: (90 + 15 + 44 + 60 + 28) / 5");
        assertEquals(Math.sqrt(68.3), raw.sds()[0], 1e-12);
        assertEquals(44, raw.values()[2][1], 1e-12);
        assertEquals(List.of(Reason.of("segment.note.imputed", "tenure_days", 1, "44.0")), raw.notes());

        FeatureMatrix standardised = FeatureMatrix.build(facts, List.of(Feature.VIEWS),
                new FeatureMatrix.Transform(Set.of(), true));
        assertEquals((20 - 6.6) / Math.sqrt(68.3), standardised.values()[4][0], 1e-12);
        assertEquals(3.5, FeatureMatrix.median(new double[]{4, 1, 3, 9}), 1e-12);
        assertEquals(3, FeatureMatrix.median(new double[]{4, 1, 3}), 1e-12);
    }

    /** A step's own progress maps onto its slice of the whole run, in thousandths; messages and cancel pass through. */
    @Test
    void aScaledContextMapsProgressOntoItsSlice() {
        List<long[]> progress = new java.util.ArrayList<>();
        List<Reason> messages = new java.util.ArrayList<>();
        boolean[] cancelled = {false};
        com.campaignstudio.work.TaskContext outer = new com.campaignstudio.work.TaskContext() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[]{done, total});
            }

            @Override
            public void message(Reason message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        com.campaignstudio.work.TaskContext inner = Segmenter.scaled(outer, 0.4, 0.9);
        inner.progress(3, 10);
        inner.progress(10, 10);
        inner.progress(0, 0);
        assertEquals(List.of(List.of(550L, 1000L), List.of(900L, 1000L), List.of(400L, 1000L)),
                progress.stream().map(p -> List.of(p[0], p[1])).toList(), "0.4 + 0.5 x 3/10; the end; nothing to do");
        inner.message(Reason.of("stage.mixture"));
        assertEquals(List.of(Reason.of("stage.mixture")), messages);
        assertFalse(inner.isCancelled());
        cancelled[0] = true;
        assertTrue(inner.isCancelled());
    }
}
