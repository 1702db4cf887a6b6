package com.campaignstudio.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A figure's 90% interval from its refits: the 5th and 95th percentiles, interpolated as Excel's PERCENTILE.INC. */
class EstimateTest {

    @Test
    void percentilesInterpolateBetweenTheSortedRefits() {
        // Ten refits 1..10 (given shuffled): h = 9 × 0.05 = 0.45 → 1.45; h = 9 × 0.95 = 8.55 → 9.55.
        Estimate estimate = Estimate.of(5.5, new double[]{7, 3, 10, 1, 5, 2, 9, 4, 8, 6});

        assertEquals(5.5, estimate.value());
        assertEquals(1.45, estimate.low(), 1e-12);
        assertEquals(9.55, estimate.high(), 1e-12);
        assertTrue(estimate.contains(1.46) && estimate.contains(9.54) && estimate.contains(5));
        assertFalse(estimate.contains(1.44) || estimate.contains(9.56));
    }

    @Test
    void oneRefitOrNoneGivesAnIntervalOfOnePoint() {
        assertEquals(new Estimate(3, 4, 4), Estimate.of(3, new double[]{4}));
        assertEquals(new Estimate(3, 3, 3), Estimate.of(3, new double[0]));
    }
}
