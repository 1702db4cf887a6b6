package com.campaignstudio.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A curve set by hand from two points. */
class HandCurveTest {

    @Test
    void thirtyBuyersAtAThousandAndFortyAtTwoThousandGiveHalfSaturationAtAThousand() {
        // 30 = β·1000/(1000 + κ) and 40 = β·2000/(2000 + κ): κ = 1000·2000·10 / (30·2000 − 40·1000) = 1000, β = 60.
        HillCurve curve = HandCurve.through(1000, 30, 2000, 40);

        assertEquals(1000, curve.kappa(), 1e-9);
        assertEquals(60, curve.beta(), 1e-9);
        assertEquals(1, curve.alpha());
        assertEquals(30, curve.value(1000), 1e-9);
        assertEquals(40, curve.value(2000), 1e-9);
        assertEquals(45, curve.value(3000), 1e-9);
    }

    @Test
    void pointsThatDoNotGrowOrNeverSaturateAreRefusedWithWhatToChange() {
        assertEquals("budget.error.handPoints", assertThrows(BudgetFitException.class,
                () -> HandCurve.through(1000, 30, 2000, 30)).reason().key());
        assertEquals("budget.error.handPoints", assertThrows(BudgetFitException.class,
                () -> HandCurve.through(2000, 30, 1000, 40)).reason().key());
        assertEquals("budget.error.handPoints", assertThrows(BudgetFitException.class,
                () -> HandCurve.through(0, 30, 1000, 40)).reason().key());
        // Doubling the spend doubles the outcome: a straight line, no saturation.
        assertEquals("budget.error.neverSaturates", assertThrows(BudgetFitException.class,
                () -> HandCurve.through(1000, 30, 2000, 60)).reason().key());
        assertEquals("budget.error.neverSaturates", assertThrows(BudgetFitException.class,
                () -> HandCurve.through(1000, 30, 2000, 70)).reason().key());
    }
}
