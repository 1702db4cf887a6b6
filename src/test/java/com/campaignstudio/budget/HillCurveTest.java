package com.campaignstudio.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HillCurveTest {

    @Test
    void workedValuesOfAnSShapedCurve() {
        // beta 9000, alpha 2, kappa 2500: f(2500) = 4500 (half of beta at kappa); f(5000) = 9000 x 4 / 5 = 7200;
        // f'(x) = 9000 x 2 x 2500^2 x / (x^2 + 2500^2)^2: f'(2500) = 1.8; inflection 2500 x (1/3)^(1/2) = 1443.38.
        HillCurve curve = new HillCurve(9000, 2, 2500);
        assertEquals(4500, curve.value(2500), 1e-9);
        assertEquals(7200, curve.value(5000), 1e-9);
        assertEquals(1.8, curve.marginal(2500), 1e-12);
        assertEquals(2500 / Math.sqrt(3), curve.inflection(), 1e-9);
        assertEquals(5000, curve.spendFor(7200), 1e-9);
        assertEquals(0, curve.value(0));
        assertEquals(0, curve.marginal(0));
    }

    @Test
    void theMarginalIsTheSlopeOfTheValue() {
        for (HillCurve curve : new HillCurve[]{new HillCurve(9000, 1.6, 2500), new HillCurve(500, 0.7, 40),
                new HillCurve(12_000, 1, 3000)}) {
            for (double x : new double[]{1, 50, 800, 2500, 9000}) {
                double h = x * 1e-6;
                double slope = (curve.value(x + h) - curve.value(x - h)) / (2 * h);
                assertEquals(slope, curve.marginal(x), 1e-6 * Math.max(1e-9, Math.abs(slope)), curve + " at " + x);
            }
        }
        assertEquals(12_000 / 3000.0, new HillCurve(12_000, 1, 3000).marginal(0), 1e-12);
        assertEquals(0, new HillCurve(1, 0.5, 1).inflection());
    }

    @Test
    void impossibleShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HillCurve(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new HillCurve(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HillCurve(1, 1, 0));
    }

    @Test
    void aCurveThatBringsNothingReturnsNothingAtTheFirstYuanToo() {
        assertEquals(0, new HillCurve(0, 0.7, 100).marginal(0));
        assertEquals(Double.POSITIVE_INFINITY, new HillCurve(10, 0.7, 100).marginal(0));
    }
}
