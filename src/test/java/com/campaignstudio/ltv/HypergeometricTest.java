package com.campaignstudio.ltv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2F1 against closed forms on both of its paths: the power series (z up to 0.5, or c - a - b &ge; 0) and Euler's
 * transformation near z = 1, where the series would need more terms than it is allowed.
 */
class HypergeometricTest {

    @Test
    void theSeriesMatchesMinusLogOneMinusZOverZ() {
        for (double z : new double[]{0.1, 0.5, 0.9, 0.99}) {
            assertEquals(-Math.log(1 - z) / z, Hypergeometric.f21(1, 1, 2, z), 1e-12, "z " + z);
        }
        assertEquals(1, Hypergeometric.f21(1, 1, 2, 0), 0);
    }

    /** 2F1(a, b; b; z) = (1 - z)^-a; at z = 0.99999 only Euler's transformation gets there within its terms. */
    @Test
    void eulersTransformationMatchesABinomialNearOne() {
        for (double z : new double[]{0.3, 0.6, 0.99999}) {
            double expected = Math.pow(1 - z, -3);
            assertEquals(expected, Hypergeometric.f21(3, 2, 2, z), 1e-9 * expected, "z " + z);
            assertEquals(1, Hypergeometric.timesPower(3, 3, 2, 2, z), 1e-9, "z " + z);
        }
        assertThrows(ArithmeticException.class, () -> Hypergeometric.series(3, 2, 2, 0.99999));
    }

    @Test
    void timesPowerMultipliesByThePowerOfOneMinusZ() {
        double z = 0.3;
        assertEquals(Math.sqrt(0.7) * -Math.log(0.7) / z, Hypergeometric.timesPower(0.5, 1, 1, 2, z), 1e-12);
        double folded = Hypergeometric.timesPower(-2.5, 3, 2, 2, 0.99);
        assertEquals(Math.pow(0.01, -5.5), folded, 1e-9 * folded);
    }

    @Test
    void zOutsideZeroToOneIsRefused() {
        for (double z : new double[]{1, -0.01, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, 2, z), "z " + z);
            assertThrows(IllegalArgumentException.class, () -> Hypergeometric.timesPower(1, 1, 1, 2, z), "z " + z);
        }
    }

    @Test
    void logGammaAndDigammaAreNotANumberOutsideThePositiveReals() {
        for (double x : new double[]{0, -1, Double.POSITIVE_INFINITY}) {
            assertTrue(Double.isNaN(SpecialFunctions.lgamma(x)), "lgamma " + x);
            assertTrue(Double.isNaN(SpecialFunctions.digamma(x)), "digamma " + x);
        }
        assertEquals(Math.log(6), SpecialFunctions.lgamma(4), 1e-12);
        assertEquals(1 - 0.5772156649015329, SpecialFunctions.digamma(2), 1e-12);
    }
}
