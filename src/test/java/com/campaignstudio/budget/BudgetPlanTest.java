package com.campaignstudio.budget;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan period played out week by week from where the carry-over stands, on hand-made fits. */
class BudgetPlanTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    /** One platform, θ = 0.5, α = 1, κ = 100, β = 10, its history's spend 100, 0, 100 (adstock 100, 50, 125). */
    private static MixModel.Fit onePlatformFit(double beta) {
        WeeklyHistory history = new WeeklyHistory(List.of("weibo"), MONDAY, new double[][]{{100, 0, 100}},
                new double[]{10, 10, 10});
        return fit(history, List.of(new MixModel.Shape(0.5, 1, 100)), new double[]{beta});
    }

    private static MixModel.Fit fit(WeeklyHistory history, List<MixModel.Shape> shapes, double[] beta) {
        int weeks = history.weeks();
        return new MixModel.Fit(history, shapes, beta, new double[weeks], new double[beta.length][weeks],
                new double[weeks], 0, 1, false, new double[]{0, 0}, 0);
    }

    @Test
    void twoWeeksOfAHundredAWeekStartFromTheCarryOver() {
        MixModel.Fit fit = onePlatformFit(10);
        // With carry-over: a1 = 100 + 0.5·125 = 162.5 → 10·162.5/262.5; a2 = 100 + 0.5·162.5 = 181.25 →
        // 10·181.25/281.25. From nothing: a1 = 100 → 5, a2 = 150 → 6.
        double carried = 10 * 162.5 / 262.5 + 10 * 181.25 / 281.25;
        assertEquals(carried, BudgetPlan.periodOutcome(fit, 0, 200, 2, true), 1e-12);
        assertEquals(11, BudgetPlan.periodOutcome(fit, 0, 200, 2, false), 1e-12);
        assertEquals(125, BudgetPlan.lastAdstock(fit, 0), 1e-12);
    }

    @Test
    void thePeriodCurveIsTheOutcomeOfSpendKeptUpAtItsSteadyAdstock() {
        // History at a steady 60 a week: adstock settles at 60/(1 − 0.5) = 120. Four more weeks of 60 a week bring
        // 4·β·120/(120 + 100), which the period curve gives for a period spend of 240.
        double[] steady = new double[60];
        java.util.Arrays.fill(steady, 60);
        WeeklyHistory history = new WeeklyHistory(List.of("weibo"), MONDAY, new double[][]{steady}, new double[60]);
        MixModel.Fit fit = fit(history, List.of(new MixModel.Shape(0.5, 1, 100)), new double[]{10});

        double expected = 4 * 10 * 120.0 / 220.0;
        assertEquals(expected, BudgetPlan.periodCurves(fit, 4).get(0).value(240), 1e-9);
        assertEquals(expected, BudgetPlan.periodOutcome(fit, 0, 240, 4, true), 1e-6);
    }

    @Test
    void theOptimisedPlanEqualisesMarginalReturnsAndShowsTheCarryOverApart() {
        WeeklyHistory history = new WeeklyHistory(List.of("douyin", "weibo", "zhihu"), MONDAY,
                new double[][]{{400, 500, 600, 500}, {100, 100, 100, 100}, {0, 0, 0, 0}}, new double[4]);
        MixModel.Fit fit = fit(history, List.of(new MixModel.Shape(0.4, 1, 800), new MixModel.Shape(0.2, 0.8, 300),
                new MixModel.Shape(0.3, 1, 500)), new double[]{3000, 1200, 1500});
        BudgetAnalysis analysis = new BudgetAnalysis(history, BudgetGoal.REVENUE, fit, List.of(), OptionalDouble.empty());

        BudgetPlan.Result plan = BudgetPlan.optimize(analysis, 5000, List.of(BudgetOptimizer.Bounds.free(),
                BudgetOptimizer.Bounds.free(), new BudgetOptimizer.Bounds(0, 400)), 4);

        assertEquals(5000, plan.spent(), 1e-6);
        assertEquals(0, plan.unspent());
        BudgetPlan.Row douyin = plan.rows().get(0);
        BudgetPlan.Row weibo = plan.rows().get(1);
        BudgetPlan.Row zhihu = plan.rows().get(2);
        assertTrue(zhihu.atMax());
        assertEquals(400, zhihu.spend(), 1e-6);
        assertEquals(douyin.marginal().value(), weibo.marginal().value(), 1e-6 * douyin.marginal().value());
        assertTrue(zhihu.marginal().value() > douyin.marginal().value());
        // Current spend: the last four weeks' mean times the four weeks of the period.
        assertArrayEquals(new double[]{2000, 400, 0}, new double[]{douyin.current(), weibo.current(), zhihu.current()});
        for (int p = 0; p < 3; p++) {
            BudgetPlan.Row row = plan.rows().get(p);
            assertEquals(BudgetPlan.periodOutcome(fit, p, row.spend(), 4, true), row.outcome().value(), 1e-9);
            assertEquals(row.outcome().value() - BudgetPlan.periodOutcome(fit, p, row.spend(), 4, false),
                    row.carryOver().value(), 1e-9);
            assertEquals(BudgetPlan.periodOutcome(fit, p, row.spend(), 4, false) / row.spend(),
                    row.roi().orElseThrow().value(), 1e-12);
        }
        assertEquals(0, zhihu.carryOver().value(), 1e-12);
        assertTrue(douyin.carryOver().value() > 0);
        assertEquals(plan.rows().stream().mapToDouble(r -> r.outcome().value()).sum(), plan.total().value(), 1e-9);
    }

    @Test
    void aPlanWithoutSpendOnAPlatformHasNoRoiThere() {
        MixModel.Fit fit = onePlatformFit(10);
        BudgetAnalysis analysis = new BudgetAnalysis(fit.history(), BudgetGoal.BUYERS, fit, List.of(),
                OptionalDouble.empty());

        BudgetPlan.Row row = BudgetPlan.evaluate(analysis, new double[]{0}, 4).rows().getFirst();

        assertFalse(row.roi().isPresent());
        assertEquals(row.outcome().value(), row.carryOver().value(), 1e-12);
    }

    @Test
    void intervalsComeFromTheRefits() {
        MixModel.Fit fit = onePlatformFit(10);
        List<MixModel.Fit> draws = new java.util.ArrayList<>();
        for (int d = 0; d < 21; d++) {
            draws.add(onePlatformFit(5 + d * 0.5));      // β from 5 to 15 by 0.5
        }
        BudgetAnalysis analysis = new BudgetAnalysis(fit.history(), BudgetGoal.REVENUE, fit, draws,
                OptionalDouble.empty());

        Estimate outcome = BudgetPlan.evaluate(analysis, new double[]{200}, 2).total();

        // The outcome is proportional to β: its 5th and 95th percentiles over β = 5..15 are at β = 5.5 and 14.5.
        double perBeta = BudgetPlan.periodOutcome(fit, 0, 200, 2, true) / 10;
        assertEquals(10 * perBeta, outcome.value(), 1e-9);
        assertEquals(5.5 * perBeta, outcome.low(), 1e-9);
        assertEquals(14.5 * perBeta, outcome.high(), 1e-9);
    }

    @Test
    void moreBudgetNeverGivesLessAtTheBest() {
        MixModel.Fit fit = onePlatformFit(10);
        // Refits of their own (not the fit itself): each one's carry-over is looked up by identity.
        BudgetAnalysis analysis = new BudgetAnalysis(fit.history(), BudgetGoal.REVENUE, fit,
                List.of(onePlatformFit(8), onePlatformFit(12)), OptionalDouble.empty());
        double[] budgets = {0, 50, 100, 200, 400, 800};

        List<Estimate> best = BudgetPlan.bestByBudget(analysis, budgets, List.of(BudgetOptimizer.Bounds.free()), 2);

        for (int b = 0; b < budgets.length; b++) {
            assertEquals(BudgetPlan.periodOutcome(fit, 0, budgets[b], 2, true), best.get(b).value(), 1e-9);
            // The outcome is proportional to β: refits at 0.8 and 1.2 of it give 0.8 + 0.05 × 0.4 and 0.8 + 0.95 × 0.4.
            double x = BudgetPlan.periodOutcome(fit, 0, budgets[b], 2, true);
            assertEquals(0.82 * x, best.get(b).low(), 1e-9);
            assertEquals(1.18 * x, best.get(b).high(), 1e-9);
            if (b > 0) {
                assertTrue(best.get(b).value() > best.get(b - 1).value());
            }
        }
    }
}
