package com.campaignstudio.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Percentiles by interpolation between order statistics (Excel's PERCENTILE.INC), worked by hand. */
class PercentilesTest {

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        // Sorted 1, 2, 3, 10: h = 3p; the median is halfway between 2 and 3; p75 is 3 + 0.25 * (10 - 3).
        Percentiles p = Percentiles.of(new long[]{10, 3, 1, 2}, 4).orElseThrow();
        assertEquals(4, p.count());
        assertEquals(2.5, p.median(), 1e-12);
        assertEquals(1.75, p.p25(), 1e-12);
        assertEquals(4.75, p.p75(), 1e-12);
        assertEquals(7.9, p.p90(), 1e-12);
    }

    @Test
    void oneValueIsEveryPercentileAndNoneIsNone() {
        Percentiles one = Percentiles.of(new long[]{42, 99}, 1).orElseThrow();
        assertEquals(42, one.p25());
        assertEquals(42, one.p90());
        assertTrue(Percentiles.of(new long[0], 0).isEmpty());
    }

    @Test
    void theHundredthPercentileOfAFullArrayIsItsLastValue() {
        // An array exactly as long as the values: p = 1 and p = 0.9 of {10, 20, 30} are 30 and 20 + 0.8 * (30 - 20) = 28.
        assertEquals(30, Percentiles.at(new long[]{10, 20, 30}, 3, 1.0), 1e-12);
        assertEquals(28, Percentiles.at(new long[]{10, 20, 30}, 3, 0.9), 1e-12);
        assertEquals(7, Percentiles.at(new long[]{7}, 1, 0.5), 1e-12);
    }
}
