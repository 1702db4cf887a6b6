package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample size and duration calculator against published calculators and its own power. */
class SampleSizeTest {

    private static SampleSize.Inputs relative(double baseline, double lift, double power, double alpha) {
        return new SampleSize.Inputs(baseline, lift, SampleSize.LiftKind.RELATIVE, power, alpha, 2);
    }

    /**
     * Baseline 5%, +20% relative (to 6%), 80% power, alpha 0.05 two-sided: 8,158 per arm, as Evan Miller's sample
     * size calculator gives it (the formula: (1.95996 sqrt(2 x 0.055 x 0.945) + 0.84162 sqrt(0.05 x 0.95 + 0.06 x
     * 0.94))² / 0.01² = 8,157.7, worked by hand).
     */
    @Test
    void fivePercentBaselineAndTwentyPercentLift() {
        SampleSize.Plan plan = SampleSize.plan(relative(0.05, 0.2, 0.8, 0.05));
        assertEquals(8158, plan.perArm());
        assertEquals(16316, plan.total());
        assertEquals(0.06, plan.target(), 1e-15);
    }

    /** R's documentation of power.prop.test: p1 = 0.50, p2 = 0.75, power 0.90 gives n = 76.7 per group. */
    @Test
    void rsPowerPropTestExample() {
        SampleSize.Plan plan = SampleSize.plan(new SampleSize.Inputs(0.5, 0.25, SampleSize.LiftKind.ABSOLUTE, 0.9,
                0.05, 2));
        assertEquals(77, plan.perArm());
    }

    /** The returned n reaches the asked power and n - 1 does not, by the power function of the same test. */
    @ParameterizedTest(name = "baseline {0}, lift {1}, power {2}, alpha {3}")
    @CsvSource(textBlock = """
            0.05,   0.2,   0.8,   0.05
            0.02,   0.1,   0.9,   0.05
            0.30,   0.05,  0.8,   0.01
            0.10,   -0.2,  0.8,   0.05
            0.005,  1.0,   0.95,  0.1
            """)
    void theSizeIsTheSmallestThatReachesThePower(double baseline, double lift, double power, double alpha) {
        long n = SampleSize.plan(relative(baseline, lift, power, alpha)).perArm();
        double target = baseline * (1 + lift);
        assertTrue(power(baseline, target, alpha, n) >= power - 1e-9, "n = " + n);
        assertTrue(power(baseline, target, alpha, n - 1) < power, "n - 1 = " + (n - 1));
    }

    /** The power of the two-sided pooled z-test at n per arm, the far tail included. */
    private static double power(double p1, double p2, double alpha, long n) {
        double mean = (p1 + p2) / 2;
        double null0 = Math.sqrt(2 * mean * (1 - mean) / n);
        double alternative = Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n);
        double critical = Distributions.normalUpperQuantile(alpha / 2) * null0;
        double gap = Math.abs(p2 - p1);
        return Distributions.normalUpperTail((critical - gap) / alternative)
                + Distributions.normalUpperTail((critical + gap) / alternative);
    }

    @Test
    void anAbsoluteLiftOfOnePointIsTheSameQuestionAsTwentyPercentOfFive() {
        SampleSize.Plan absolute = SampleSize.plan(new SampleSize.Inputs(0.05, 0.01, SampleSize.LiftKind.ABSOLUTE, 0.8,
                0.05, 2));
        assertEquals(SampleSize.plan(relative(0.05, 0.2, 0.8, 0.05)).perArm(), absolute.perArm());
    }

    @Test
    void moreArmsSplitAlphaBetweenTheComparisons() {
        SampleSize.Plan three = SampleSize.plan(new SampleSize.Inputs(0.05, 0.2, SampleSize.LiftKind.RELATIVE, 0.8,
                0.05, 3));
        assertEquals(0.025, three.alphaPerComparison(), 1e-15);
        assertEquals(SampleSize.plan(relative(0.05, 0.2, 0.8, 0.025)).perArm(), three.perArm());
        assertEquals(3 * three.perArm(), three.total());
    }

    @Test
    void daysFromTotalOrPerArmTraffic() {
        SampleSize.Inputs inputs = relative(0.05, 0.2, 0.8, 0.05);
        // 16,316 people at 500 a day: 32.6, so 33 days; 8,158 per arm at 250 per arm a day: the same.
        assertEquals(33L, SampleSize.plan(inputs, 500, false).days().orElseThrow());
        assertEquals(33L, SampleSize.plan(inputs, 250, true).days().orElseThrow());
        assertEquals(1L, SampleSize.plan(inputs, 1_000_000, false).days().orElseThrow());
        assertTrue(SampleSize.plan(inputs).days().isEmpty());
    }

    @Test
    void impossibleQuestionsSayWhy() {
        assertEquals("experiment.size.error.baseline", assertThrows(ExperimentException.class,
                () -> relative(0, 0.2, 0.8, 0.05)).reason().key());
        assertEquals("experiment.size.error.baseline", assertThrows(ExperimentException.class,
                () -> relative(1, 0.2, 0.8, 0.05)).reason().key());
        assertEquals("experiment.size.error.target", assertThrows(ExperimentException.class,
                () -> relative(0.9, 0.2, 0.8, 0.05)).reason().key());
        assertEquals("experiment.size.error.lift", assertThrows(ExperimentException.class,
                () -> relative(0.05, 0, 0.8, 0.05)).reason().key());
        assertEquals("experiment.size.error.power", assertThrows(ExperimentException.class,
                () -> relative(0.05, 0.2, 1, 0.05)).reason().key());
        assertEquals("experiment.size.error.alpha", assertThrows(ExperimentException.class,
                () -> relative(0.05, 0.2, 0.8, 0)).reason().key());
        assertEquals("experiment.size.error.arms", assertThrows(ExperimentException.class,
                () -> new SampleSize.Inputs(0.05, 0.2, SampleSize.LiftKind.RELATIVE, 0.8, 0.05, 1)).reason().key());
        assertEquals("experiment.size.error.traffic", assertThrows(ExperimentException.class,
                () -> SampleSize.plan(relative(0.05, 0.2, 0.8, 0.05), 0, false)).reason().key());
    }
}
