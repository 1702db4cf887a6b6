package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample ratio mismatch check. */
class SampleRatioTest {

    /**
     * Kohavi, Tang and Xu (2020), "Trustworthy Online Controlled Experiments", chapter 3: 821,588 users in the
     * control and 815,482 in the treatment of a 50/50 test look close (a ratio of 0.993), yet the p-value is 1.8e-6.
     */
    @Test
    void kohavisExampleIsAMismatch() {
        SampleRatio ratio = SampleRatio.test(List.of(new Variant("control", 821_588, 1000),
                new Variant("treatment", 815_482, 1000)), SampleRatio.even(2));
        assertEquals(1.8e-6, ratio.pValue(), 0.05e-6);
        assertTrue(ratio.mismatch());
        assertEquals(List.of(0.5, 0.5), ratio.shares());
    }

    @Test
    void aSplitAsIntendedIsNot() {
        SampleRatio even = SampleRatio.test(List.of(new Variant("A", 5000, 10), new Variant("B", 5000, 10)),
                SampleRatio.even(2));
        assertEquals(0, even.chiSquare());
        assertEquals(1, even.pValue());
        assertFalse(even.mismatch());
        SampleRatio twoToOne = SampleRatio.test(List.of(new Variant("A", 2000, 10), new Variant("B", 1000, 10)),
                List.of(2.0, 1.0));
        assertEquals(0, twoToOne.chiSquare(), 1e-12);
        assertFalse(twoToOne.mismatch());
    }

    @Test
    void chiSquareWithThreeArmsHasTwoDegreesOfFreedom() {
        // Expected 1000 each; gaps -50, 0, +50: chi-square = 2500/1000 * 2 = 5, tail with 2 d.f. = exp(-5/2).
        SampleRatio ratio = SampleRatio.test(List.of(new Variant("A", 950, 1), new Variant("B", 1000, 1),
                new Variant("C", 1050, 1)), SampleRatio.even(3));
        assertEquals(5, ratio.chiSquare(), 1e-12);
        assertEquals(Math.exp(-2.5), ratio.pValue(), 1e-14);
        assertFalse(ratio.mismatch());
    }

    @Test
    void theWarningStartsBelowOneInAThousand() {
        // With 2 arms of N in all, chi-square = (2 gap)² / N; p < 0.001 needs chi-square above 10.83.
        SampleRatio just = SampleRatio.test(List.of(new Variant("A", 5_170, 1), new Variant("B", 4_830, 1)),
                SampleRatio.even(2));
        assertEquals(340.0 * 340 / 10_000, just.chiSquare(), 1e-9);
        assertTrue(just.pValue() < 0.001 && just.mismatch(), "p = " + just.pValue());
        SampleRatio notQuite = SampleRatio.test(List.of(new Variant("A", 5_160, 1), new Variant("B", 4_840, 1)),
                SampleRatio.even(2));
        assertTrue(notQuite.pValue() > 0.001 && !notQuite.mismatch(), "p = " + notQuite.pValue());
    }

    @Test
    void aShareForEachVariant() {
        List<Variant> two = List.of(new Variant("A", 10, 1), new Variant("B", 10, 1));
        assertEquals("experiment.error.split", assertThrows(ExperimentException.class,
                () -> SampleRatio.test(two, List.of(1.0))).reason().key());
        assertThrows(ExperimentException.class, () -> SampleRatio.test(two, List.of(1.0, 0.0)));
    }
}
