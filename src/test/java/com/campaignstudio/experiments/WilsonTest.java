package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Wilson 95% interval against domain.md and published worked examples. */
class WilsonTest {

    /**
     * domain.md section 4 (k = 10, n = 100); Fagerland, Lydersen and Laake (2017), "Statistical Analysis of
     * Contingency Tables", chapter 2 (13 of 16, as its R package contingencytables prints it); Newcombe (1998),
     * "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17:857-872, table I
     * (81/263, 15/148, 0/20, 1/29). All to the 4 decimals they are published with.
     */
    @ParameterizedTest(name = "{0} of {1}: {2} to {3}")
    @CsvSource(textBlock = """
            10,  100,  0.0552,  0.1744
            13,  16,   0.5699,  0.9341
            81,  263,  0.2553,  0.3662
            15,  148,  0.0624,  0.1605
            0,   20,   0.0000,  0.1611
            1,   29,   0.0061,  0.1718
            """)
    void publishedIntervals(long k, long n, double low, double high) {
        Interval interval = Wilson.interval(k, n);
        assertEquals(low, interval.low(), 0.00005);
        assertEquals(high, interval.high(), 0.00005);
    }

    @Test
    void allConvertedMirrorsNoneConverted() {
        Interval none = Wilson.interval(0, 20);
        Interval all = Wilson.interval(20, 20);
        assertEquals(1, all.high());
        assertEquals(1 - none.high(), all.low(), 1e-15);
        assertEquals(0, none.low());
        // Upper end at k = 0 is z² / (n + z²): 3.8415 / 23.8415.
        assertEquals(Wilson.Z95 * Wilson.Z95 / (20 + Wilson.Z95 * Wilson.Z95), none.high(), 1e-15);
    }

    @Test
    void theIntervalHoldsTheRateAndNarrowsWithMoreVisitors() {
        double previous = 1;
        for (long n = 10; n <= 1_000_000; n *= 10) {
            Interval interval = Wilson.interval(n / 10, n);
            assertTrue(interval.contains(0.1), interval.toString());
            double width = interval.high() - interval.low();
            assertTrue(width < previous, n + ": " + width);
            previous = width;
        }
    }
}
