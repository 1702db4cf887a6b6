package com.campaignstudio.ltv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClvDistributionTest {

    @Test
    void oneToAHundredWorkedByHand() {
        float[] clv = new float[100];
        for (int i = 0; i < 100; i++) {
            clv[i] = 100 - i;
        }
        ClvDistribution distribution = ClvDistribution.of(clv);
        // Median 50.5: bands start at the 1-2-5 step at or below 5.05, i.e. 5, and run to the first step
        // above the 99th percentile (99), i.e. 100; the last band is open.
        assertArrayEquals(new double[]{5, 10, 20, 50, 100, Double.POSITIVE_INFINITY}, distribution.upperEdges());
        // Below 5: 1..4 | 5..9 | 10..19 | 20..49 | 50..99 | 100 and above.
        assertArrayEquals(new long[]{4, 5, 10, 30, 50, 1}, distribution.counts());
        assertEquals(50.5, distribution.median(), 1e-9);
        assertEquals(50.5, distribution.mean(), 1e-9);
        assertEquals((91 + 100) * 10 / 2.0 / 5050, distribution.topTenthShare(), 1e-9);
    }

    @Test
    void smallValuesStartAtOneAndEveryCustomerIsCounted() {
        float[] clv = {0, 0.5f, 3, 7, 12000};
        ClvDistribution distribution = ClvDistribution.of(clv);
        assertEquals(1, distribution.upperEdges()[0], "never below 1");
        assertEquals(clv.length, java.util.Arrays.stream(distribution.counts()).sum());
        assertEquals(2, distribution.counts()[0], "0 and 0.5 are below 1");
    }

    @Test
    void noCustomersGiveAnEmptyHistogram() {
        assertEquals(0, ClvDistribution.of(new float[0]).counts().length);
    }
}
