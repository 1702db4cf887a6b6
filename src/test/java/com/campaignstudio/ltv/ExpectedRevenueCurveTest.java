package com.campaignstudio.ltv;

import com.campaignstudio.snapshot.Period;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The expected revenue curve against a case worked by hand: with r = 1, a = 2, b = 1, 2F1(1, 1; 2; z) = -ln(1 - z) / z,
 * so E[X(t)] = 2 (1 - (alpha / t) ln((alpha + t) / alpha)).
 */
class ExpectedRevenueCurveTest {

    private static final BgNbd CLOSED_FORM = new BgNbd(1, 4, 2, 1);

    private static double byHand(double weeks) {
        return 2 * (1 - 4 / weeks * Math.log((4 + weeks) / 4));
    }

    @Test
    void aNewCustomerSpendsTheFirstPurchaseAndTheExpectedRepeatsAtTheMeanOrderValue() {
        ExpectedRevenueCurve curve = new ExpectedRevenueCurve(CLOSED_FORM, 100, PeriodUnit.WEEK);
        // 4 weeks: E[X] = 2 (1 - ln 2) = 0.6137...
        assertEquals(100 * (1 + 2 * (1 - Math.log(2))), curve.afterDays(28), 1e-9);
        assertEquals(161.370564, curve.afterDays(28), 1e-6);
        assertEquals(100, curve.afterDays(0), 1e-12, "on the first day, the first purchase only");
        ExpectedRevenueCurve inDays = new ExpectedRevenueCurve(CLOSED_FORM, 100, PeriodUnit.DAY);
        assertEquals(100 * (1 + byHand(28)), inDays.afterDays(28), 1e-9, "the model's unit decides what t is");
    }

    @Test
    void aCohortsOffsetIsHalfAPeriodPastItsStartOnAverage() {
        ExpectedRevenueCurve curve = new ExpectedRevenueCurve(CLOSED_FORM, 50, PeriodUnit.WEEK);
        assertEquals(50 * (1 + byHand(3.5)), curve.atOffset(3, Period.WEEK), 1e-9, "the end of week +3: 3.5 weeks");
        double monthAndAHalf = 1.5 * 365.25 / 12 / 7;
        assertEquals(50 * (1 + byHand(monthAndAHalf)), curve.atOffset(1, Period.MONTH), 1e-9);
        assertTrue(curve.atOffset(2, Period.MONTH) > curve.atOffset(1, Period.MONTH), "cumulative: it only grows");
        assertThrows(IllegalArgumentException.class, () -> curve.atOffset(-1, Period.WEEK));
    }

    @Test
    void aRunGivesItsFittedModelsAndNoCurveWithoutAFiniteMeanSpend() {
        FittedModel purchases = model(List.of("r", "alpha", "a", "b"), 1, 4, 2, 1);
        FittedModel spend = model(List.of("p", "q", "gamma"), 3, 4, 300);
        ExpectedRevenueCurve curve = ExpectedRevenueCurve.of(result(purchases, spend)).orElseThrow();
        assertEquals(CLOSED_FORM, curve.purchases());
        assertEquals(3 * 300 / 3.0, curve.orderValue(), 1e-12, "p gamma / (q - 1)");
        assertEquals(PeriodUnit.WEEK, curve.unit());
        assertTrue(ExpectedRevenueCurve.of(result(purchases, null)).isEmpty(), "nobody bought twice: no spend model");
        assertTrue(ExpectedRevenueCurve.of(result(purchases, model(List.of("p", "q", "gamma"), 3, 0.9, 300)))
                .isEmpty(), "q below 1: the mean order value is infinite");
        assertThrows(IllegalArgumentException.class, () -> new ExpectedRevenueCurve(CLOSED_FORM, 0, PeriodUnit.WEEK));
    }

    private static FittedModel model(List<String> names, double... values) {
        double[] errors = new double[values.length];
        boolean[] identified = new boolean[values.length];
        java.util.Arrays.fill(identified, true);
        return new FittedModel(names, values, errors, new double[values.length][values.length], -1, true, 100,
                identified);
    }

    private static LtvResult result(FittedModel purchases, FittedModel spend) {
        return new LtvResult(null, purchases, spend, LtvSettings.defaults(), new float[0], new float[0], new float[0],
                List.of(), new double[0][0], 0, null, List.of());
    }
}
