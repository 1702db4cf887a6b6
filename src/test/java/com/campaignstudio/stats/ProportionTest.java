package com.campaignstudio.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wilson intervals against published worked examples. */
class ProportionTest {

    /**
     * domain.md's example (10 of 100), Newcombe (1998, "Two-sided confidence intervals for the single proportion",
     * Statistics in Medicine 17, table II, method 3: 81/263, 15/148, 0/20, 1/29), the live-selling example (100 buyers
     * of 1,000 viewers) and a cohort of one.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            10,   100, 0.0552, 0.1744
            81,   263, 0.2553, 0.3662
            15,   148, 0.0624, 0.1605
            0,     20, 0.0000, 0.1611
            1,     29, 0.0061, 0.1718
            100, 1000, 0.0829, 0.1202
            1,      1, 0.2065, 1.0000
            """)
    void wilsonIntervalsMatchPublishedExamples(long k, long n, double low, double high) {
        Proportion p = Proportion.of(k, n);
        assertEquals((double) k / n, p.rate(), 1e-15);
        assertEquals(low, p.low(), 5e-5);
        assertEquals(high, p.high(), 5e-5);
        assertTrue(p.contains(p.rate()));
    }

    @Test
    void thereIsNoProportionOfNothing() {
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(-1, 2));
    }

    @Test
    void aWiderZGivesAWiderInterval() {
        Proportion at95 = Proportion.of(30, 100);
        Proportion at99 = Proportion.of(30, 100, 2.5758293035489004);
        assertTrue(at99.low() < at95.low() && at95.high() < at99.high());
    }

    @Test
    void aProportionMadeDirectlyNeedsTrialsAndItsIntervalHoldsItsRate() {
        assertThrows(IllegalArgumentException.class, () -> new Proportion(0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(0, 0));
        Proportion one = Proportion.of(1, 10);
        assertTrue(one.contains(0.1));
        assertTrue(!one.contains(0.9), "9 in 10 is far outside 1 in 10's interval");
        assertTrue(!one.contains(-0.01));
    }
}
