package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetOptimizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the optimiser's fields accept, and the budgets its curve is drawn at. */
class BudgetInputsTest {

    @Test
    void amountsAreReadWithSeparatorsYuanSignsAndTenThousands() {
        assertEquals(OptionalDouble.of(20_000), SpendInput.amount("20000"));
        assertEquals(OptionalDouble.of(20_000), SpendInput.amount(" ¥20,000 "));
        assertEquals(OptionalDouble.of(20_000), SpendInput.amount("￥2万"));
        assertEquals(OptionalDouble.of(12_500), SpendInput.amount("1.25万"));
        assertEquals(OptionalDouble.empty(), SpendInput.amount("-5"));
        assertEquals(OptionalDouble.empty(), SpendInput.amount("lots"));
        assertEquals(OptionalDouble.empty(), SpendInput.amount(""));
    }

    @Test
    void aLimitIsAnAmountAShareOfCurrentSpendOrNone() {
        assertEquals(OptionalDouble.of(3_000), SpendInput.limit("3000", 8_000, 0));
        assertEquals(OptionalDouble.of(4_000), SpendInput.limit("50%", 8_000, 0));
        assertEquals(OptionalDouble.of(12_000), SpendInput.limit("150％", 8_000, 0));
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), SpendInput.limit("  ", 8_000,
                Double.POSITIVE_INFINITY));
        assertEquals(OptionalDouble.empty(), SpendInput.limit("half%", 8_000, 0));
    }

    @Test
    void inputsReadIntoBoundsOrSayWhatCannotBeRead() {
        double[] current = {8_000, 2_000};
        OptimiserInputs.Outcome read = OptimiserInputs.read("10000", List.of("50%", ""), List.of("", "3000"), current);
        assertEquals(new OptimiserInputs.Read(10_000, List.of(new BudgetOptimizer.Bounds(4_000,
                Double.POSITIVE_INFINITY), new BudgetOptimizer.Bounds(0, 3_000))), read);
        assertEquals(new OptimiserInputs.Problem("budget.error.budgetAmount", -1),
                OptimiserInputs.read("ten", List.of("", ""), List.of("", ""), current));
        assertEquals(new OptimiserInputs.Problem("budget.error.limitAmount", 1),
                OptimiserInputs.read("10000", List.of("", "x"), List.of("", ""), current));
        assertEquals(new OptimiserInputs.Problem("budget.error.maxBelowMin", 0),
                OptimiserInputs.read("10000", List.of("5000", ""), List.of("4000", ""), current));
    }

    @Test
    void theBestOutcomeCurveRunsFromAQuarterToTwiceTheBudgetOrFromTheMinimums() {
        double[] budgets = OptimiserController.curveBudgets(20_000, 0);
        assertEquals(OptimiserController.CURVE_BUDGETS, budgets.length);
        assertEquals(5_000, budgets[0], 1e-9);
        assertEquals(40_000, budgets[budgets.length - 1], 1e-9);
        double[] bounded = OptimiserController.curveBudgets(20_000, 12_000);
        assertEquals(12_000, bounded[0], 1e-9, "no budget below the minimums, which the optimiser refuses");
        assertTrue(Arrays.stream(bounded).allMatch(b -> b >= 12_000));
    }

    @Test
    void roundStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(5_000, CurvesController.roundStep(4_100), 1e-9);
        assertEquals(2_000, CurvesController.roundStep(2_000), 1e-9);
        assertEquals(0.1, CurvesController.roundStep(0.07), 1e-12);
        assertEquals(10_000, CurvesController.roundStep(5_001), 1e-9);
    }
}
