package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The z-test and the lift intervals of {@link TwoProportionTest} against published worked examples. */
class TwoProportionComparisonTest {

    private static TwoProportionTest.Result compare(long nA, long kA, long nB, long kB) {
        return TwoProportionTest.compare(new Variant("A", nA, kA), new Variant("B", nB, kB));
    }

    /**
     * Fagerland, Lydersen and Laake (2017), chapter 4, Pearson's chi-squared test on the table (3, 1 / 1, 3):
     * T = 2.000, P = 0.15730. For a 2x2 table T is the pooled z-test's z².
     */
    @Test
    void pearsonsChiSquareOnATinyTableIsTheSquaredZ() {
        TwoProportionTest.Result result = compare(4, 1, 4, 3);
        assertEquals(2.000, result.z() * result.z(), 0.0005);
        assertEquals(0.15730, result.pValue(), 0.000005);
    }

    /**
     * The worked example at usablestats.com/askstats/question/866: 118 and 80 of 3,303 each; pooled .02997,
     * z = 2.74195, two-sided p = .00611.
     */
    @Test
    void aPublishedTwoProportionZTest() {
        TwoProportionTest.Result result = compare(3303, 80, 3303, 118);
        assertEquals(2.74195, result.z(), 0.00005);
        assertEquals(0.00611, result.pValue(), 0.000005);
        assertEquals(0.01150, result.absoluteLift(), 0.000005);
    }

    /**
     * The Physicians' Health Study (aspirin 104 heart attacks of 11,037; placebo 189 of 11,034), worked in Agresti,
     * "An Introduction to Categorical Data Analysis" (2nd ed., section 2.2): z = 5.0, difference 0.0077 with Wald
     * 95% interval (0.005, 0.011), relative risk 1.82 with interval (1.43, 2.30). At these counts Newcombe and
     * MOVER-R agree with the Wald and log-ratio intervals to the digits Agresti prints.
     */
    @Test
    void theAspirinStudyAsAgrestiWorksIt() {
        TwoProportionTest.Result result = compare(11037, 104, 11034, 189);
        assertEquals(5.0, result.z(), 0.05);
        assertTrue(result.pValue() < 1e-6, "p = " + result.pValue());
        assertEquals(0.0077, result.absoluteLift(), 0.00005);
        assertEquals(0.005, result.absoluteInterval().low(), 0.0005);
        assertEquals(0.011, result.absoluteInterval().high(), 0.0005);
        assertEquals(0.82, result.relativeLift().orElseThrow(), 0.005);
        assertEquals(0.43, result.relativeInterval().orElseThrow().low(), 0.005);
        assertEquals(1.30, result.relativeInterval().orElseThrow().high(), 0.005);
    }

    /**
     * Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of
     * eleven methods", Statistics in Medicine 17:873-890, table II, method 10 (examples a and b); and
     * Fagerland et al. (2017) chapter 4 on Perondi et al. (2004), 7/34 against 1/34.
     */
    @ParameterizedTest(name = "{3}/{2} - {1}/{0}: {4} to {5}")
    @CsvSource(textBlock = """
            80,  48,  70,  56,  0.0524,  0.3339
            10,  3,   10,  9,   0.1705,  0.8090
            34,  1,   34,  7,   0.0189,  0.3404
            """)
    void newcombesHybridScoreInterval(long nA, long kA, long nB, long kB, double low, double high) {
        Interval interval = compare(nA, kA, nB, kB).absoluteInterval();
        assertEquals(low, interval.low(), 0.00005);
        assertEquals(high, interval.high(), 0.00005);
    }

    /**
     * Fagerland et al. (2017) chapter 4: the MOVER-R Wilson interval for the ratio 7/34 over 1/34 is 7.0000
     * (1.1537 to 41.9763), so the relative lift is +600% from +15.37% to +4097.63%. Katz's log interval, for
     * comparison, is 0.9096 to 53.8695.
     */
    @Test
    void moverRIntervalForTheRatio() {
        TwoProportionTest.Result result = compare(34, 1, 34, 7);
        assertEquals(6.0, result.relativeLift().orElseThrow(), 1e-12);
        assertEquals(1.1537 - 1, result.relativeInterval().orElseThrow().low(), 0.00005);
        assertEquals(41.9763 - 1, result.relativeInterval().orElseThrow().high(), 0.00005);
    }

    @Test
    void noConversionsAnywhereIsNoEvidenceAndNoNaN() {
        TwoProportionTest.Result result = compare(500, 0, 400, 0);
        assertEquals(0, result.z());
        assertEquals(1, result.pValue());
        assertEquals(0, result.absoluteLift());
        Interval interval = result.absoluteInterval();
        // Each arm's Wilson interval is (0, z²/(n + z²)); Newcombe's reaches as far as the other arm's upper end.
        double zz = Wilson.Z95 * Wilson.Z95;
        assertEquals(-zz / (500 + zz), interval.low(), 1e-15);
        assertEquals(zz / (400 + zz), interval.high(), 1e-15);
        assertTrue(result.relativeLift().isEmpty(), "no relative lift over a control with no conversions");
        assertTrue(result.relativeInterval().isEmpty());
    }

    @Test
    void everyoneConvertingEverywhereIsAlsoNoEvidence() {
        TwoProportionTest.Result result = compare(30, 30, 50, 50);
        assertEquals(1, result.pValue());
        assertTrue(result.absoluteInterval().contains(0));
        assertEquals(0, result.relativeLift().orElseThrow());
        assertTrue(result.relativeInterval().orElseThrow().contains(0));
        assertTrue(Double.isFinite(result.relativeInterval().orElseThrow().high()));
    }

    @Test
    void aVariantWithNoConversionsCanAtMostHaveLostEverything() {
        TwoProportionTest.Result result = compare(200, 20, 200, 0);
        assertEquals(-1, result.relativeLift().orElseThrow());
        assertEquals(-1, result.relativeInterval().orElseThrow().low(), 1e-15);
        assertTrue(result.relativeInterval().orElseThrow().high() < 0, "0 of 200 against 20 of 200 is a clear loss");
        assertTrue(result.absoluteInterval().high() < 0);
        assertTrue(result.pValue() < 1e-4);
    }

    @Test
    void allAgainstNoneStaysInsideMinusOneToOne() {
        TwoProportionTest.Result result = compare(10, 0, 10, 10);
        assertEquals(1, result.absoluteLift());
        assertTrue(result.absoluteInterval().high() <= 1);
        assertTrue(result.absoluteInterval().low() > 0.5, result.absoluteInterval().toString());
        assertFalse(Double.isNaN(result.z()) || Double.isNaN(result.pValue()));
    }
}
