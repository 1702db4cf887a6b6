package com.campaignstudio.budget;

import com.campaignstudio.budget.BudgetOptimizer.Bounds;
import com.campaignstudio.budget.BudgetOptimizer.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetOptimizerTest {

    @Test
    void twoConcaveCurvesMeetAtEqualMarginalReturns() {
        // f1 = 1000 x / (x + 1000), f2 = 2000 x / (x + 1000): f' = beta 1000 / (x + 1000)^2. Equal marginals:
        // (x2 + 1000)^2 = 2 (x1 + 1000)^2 with x1 + x2 = 3000 -> x1 + 1000 = 5000 / (1 + sqrt 2) = 2071.07.
        Split split = BudgetOptimizer.optimize(List.of(new HillCurve(1000, 1, 1000), new HillCurve(2000, 1, 1000)),
                3000, List.of(Bounds.free(), Bounds.free()));
        assertEquals(5000 / (1 + Math.sqrt(2)) - 1000, split.spend()[0], 1e-6);
        assertEquals(3000, split.spent(), 1e-6);
        assertEquals(split.marginal()[0], split.marginal()[1], 1e-9);
    }

    @Test
    void theOptimalityConditionsHoldWithBounds() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(9);
            List<HillCurve> curves = new ArrayList<>();
            List<Bounds> bounds = new ArrayList<>();
            double minimums = 0;
            for (int p = 0; p < n; p++) {
                curves.add(new HillCurve(1000 + 20_000 * random.nextDouble(), 0.4 + 0.6 * random.nextDouble(),
                        500 + 5000 * random.nextDouble()));
                double min = random.nextInt(3) == 0 ? 500 * random.nextDouble() : 0;
                double max = random.nextInt(3) == 0 ? min + 3000 * random.nextDouble() : Double.POSITIVE_INFINITY;
                bounds.add(new Bounds(min, max));
                minimums += min;
            }
            double budget = minimums + 20_000 * random.nextDouble();

            Split split = BudgetOptimizer.optimize(curves, budget, bounds);

            assertEquals(budget, split.spent() + split.unspent(), 1e-6 * budget, "the budget is spent");
            double lambda = -1;
            for (int p = 0; p < n; p++) {
                assertTrue(split.spend()[p] >= bounds.get(p).min() - 1e-9 && split.spend()[p] <= bounds.get(p).max()
                        + 1e-9, "bounds respected");
                if (!split.atMin()[p] && !split.atMax()[p]) {
                    if (lambda < 0) {
                        lambda = split.marginal()[p];
                    }
                    assertEquals(lambda, split.marginal()[p], 1e-6 * lambda, "equal marginal returns, trial " + trial);
                }
            }
            for (int p = 0; p < n && lambda > 0; p++) {
                if (split.atMin()[p] && !split.atMax()[p]) {
                    assertTrue(split.marginal()[p] <= lambda * (1 + 1e-6), "a platform at its minimum returns less");
                }
                if (split.atMax()[p] && !split.atMin()[p]) {
                    assertTrue(split.marginal()[p] >= lambda * (1 - 1e-6), "a platform at its maximum returns more");
                }
            }
        }
    }

    @Test
    void onSmallCasesTheSplitMatchesAnExhaustiveGridWithinItsStep() {
        // Three platforms, S-shaped curves among them, the budget on a grid of 1/300: the grid's best is at most
        // the optimum and at most one step of the steepest marginal return below it.
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 60; trial++) {
            List<HillCurve> curves = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                curves.add(new HillCurve(2000 + 10_000 * random.nextDouble(), 0.5 + 2.5 * random.nextDouble(),
                        300 + 3000 * random.nextDouble()));
            }
            List<Bounds> bounds = Collections.nCopies(3, Bounds.free());
            double budget = 500 + 8000 * random.nextDouble();
            int steps = 300;
            double step = budget / steps;
            double gridBest = 0;
            for (int a = 0; a <= steps; a++) {
                for (int b = 0; a + b <= steps; b++) {
                    double v = curves.get(0).value(a * step) + curves.get(1).value(b * step)
                            + curves.get(2).value((steps - a - b) * step);
                    gridBest = Math.max(gridBest, v);
                }
            }
            double steepest = 0;
            for (HillCurve curve : curves) {
                steepest = Math.max(steepest, curve.marginal(Math.max(curve.inflection(), 1e-9)));
            }

            double value = BudgetOptimizer.optimize(curves, budget, bounds).total();

            assertTrue(value >= gridBest - 1e-9 * gridBest, "trial " + trial + ": " + value + " < grid " + gridBest);
            assertTrue(value <= gridBest + 3 * steepest * step, "trial " + trial + ": more than a grid step better");
        }
    }

    @Test
    void moreBudgetNeverBringsLess() {
        List<HillCurve> curves = List.of(new HillCurve(9000, 1.6, 2500), new HillCurve(12_000, 1.4, 3000),
                new HillCurve(20_000, 1.8, 5000), new HillCurve(6000, 1.3, 1500));
        List<Bounds> bounds = List.of(new Bounds(500, 8000), Bounds.free(), new Bounds(0, 20_000), Bounds.free());
        double previous = -1;
        for (int b = 1; b <= 100; b++) {
            double total = BudgetOptimizer.optimize(curves, 500 + 400 * b, bounds).total();
            assertTrue(total >= previous - 1e-9 * total, "budget " + (500 + 400 * b));
            previous = total;
        }
    }

    @Test
    void minimumsAboveTheBudgetSayWhatToChangeAndMaximumsBelowItLeaveTheRest() {
        List<HillCurve> curves = List.of(new HillCurve(1000, 1, 100), new HillCurve(1000, 1, 100));
        InfeasibleBudgetException refused = assertThrows(InfeasibleBudgetException.class, () -> BudgetOptimizer
                .optimize(curves, 1000, List.of(new Bounds(700, 900), new Bounds(600, 800))));
        assertEquals(1300, refused.minimums());
        assertTrue(refused.getMessage().contains("lower a minimum or raise the budget"), refused.getMessage());

        Split capped = BudgetOptimizer.optimize(curves, 5000, List.of(new Bounds(0, 900), new Bounds(0, 800)));
        assertEquals(3300, capped.unspent(), 1e-9);
        assertTrue(capped.atMax()[0] && capped.atMax()[1]);
    }

    @Test
    void anSShapedPlatformGetsNothingOrEnoughToPassItsSlowStart() {
        // A concave platform and an S-shaped one (alpha 3): a small budget all goes to the concave one, since a
        // little spend on the S-curve brings almost nothing; a large one crosses the S-curve's slow start.
        List<HillCurve> curves = List.of(new HillCurve(3000, 0.8, 2000), new HillCurve(20_000, 3, 4000));
        List<Bounds> free = List.of(Bounds.free(), Bounds.free());
        Split small = BudgetOptimizer.optimize(curves, 300, free);
        assertEquals(0, small.spend()[1], 1e-6);
        Split large = BudgetOptimizer.optimize(curves, 12_000, free);
        assertTrue(large.spend()[1] > curves.get(1).inflection(), "past the inflection: " + large.spend()[1]);
    }

    @Test
    void theBudgetCurveIsEachBudgetsBestAndTheSmallestBudgetForATargetIsFound() {
        List<HillCurve> curves = List.of(new HillCurve(9000, 1.6, 2500), new HillCurve(12_000, 0.8, 3000));
        List<Bounds> bounds = List.of(Bounds.free(), new Bounds(500, 20_000));
        double[] budgets = {1000, 5000, 10_000};
        double[] best = BudgetOptimizer.bestByBudget(curves, budgets, bounds);
        for (int b = 0; b < budgets.length; b++) {
            assertEquals(BudgetOptimizer.optimize(curves, budgets[b], bounds).total(), best[b], 1e-9);
        }

        Split smallest = BudgetOptimizer.smallestBudgetFor(curves, 12_000, bounds).orElseThrow();
        assertTrue(smallest.total() >= 12_000);
        assertTrue(BudgetOptimizer.optimize(curves, smallest.spent() - 2, bounds).total() < 12_000,
                "two yuan less falls short");
        assertTrue(BudgetOptimizer.smallestBudgetFor(curves, 21_000, bounds).isEmpty(), "beyond beta 9,000 + 12,000");
        assertEquals(500, BudgetOptimizer.smallestBudgetFor(curves, 1, bounds).orElseThrow().spent(), 1e-9,
                "the minimums alone reach it");
    }
}
