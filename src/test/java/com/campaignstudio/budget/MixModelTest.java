package com.campaignstudio.budget;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mix model recovers what was planted in generated weekly data. */
class MixModelTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 9, 30);
    private static final List<String> PLATFORMS = List.of("douyin", "weibo", "xiaohongshu");
    static final MixModel.Shape[] SHAPES = {new MixModel.Shape(0.3, 1.8, 30_000),
            new MixModel.Shape(0.5, 1.2, 12_000), new MixModel.Shape(0.1, 1.5, 9_000)};
    static final double[] BETA = {60_000, 25_000, 30_000};
    private static final double[] MEDIAN_SPEND = {25_000, 8_000, 9_000};

    /**
     * Two years of weeks: baseline 40,000 rising by 6,000, a yearly season of ±4,000, noise of 3%. Spend varies as a
     * creator's does when campaigns come and go: log-normal around each platform's median (sd 0.9), off a quarter of
     * the weeks. Always-on spend at a steady level cannot be told from the baseline by any model.
     */
    static WeeklyHistory planted(long seed, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        int weeks = 104;
        double[][] spend = new double[PLATFORMS.size()][weeks];
        double[] outcome = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            outcome[t] = 40_000 + 6_000.0 * t / weeks + 4_000 * Math.sin(2 * Math.PI * t / 52);
        }
        for (int p = 0; p < PLATFORMS.size(); p++) {
            for (int t = 0; t < weeks; t++) {
                spend[p][t] = random.nextInt(4) == 0 ? 0
                        : MEDIAN_SPEND[p] * Math.exp(0.9 * random.nextGaussian());
            }
            double[] adstock = Adstock.geometric(spend[p], SHAPES[p].theta());
            HillCurve curve = new HillCurve(BETA[p], SHAPES[p].alpha(), SHAPES[p].kappa());
            for (int t = 0; t < weeks; t++) {
                outcome[t] += curve.value(adstock[t]);
            }
        }
        for (int t = 0; t < weeks; t++) {
            outcome[t] *= 1 + noise * random.nextGaussian();
        }
        return new WeeklyHistory(PLATFORMS, MONDAY, spend, outcome);
    }

    @Test
    void adstockCarriesAShareOfEachWeekIntoTheNext() {
        assertEquals(List.of(100.0, 50.0, 225.0), Arrays.stream(Adstock.geometric(new double[]{100, 0, 200}, 0.5))
                .boxed().toList());
    }

    @Test
    void theFitIsAtLeastAsCloseAsThePlantedShapesAndFindsTheCarryOver() {
        // The search must reach an objective (sum of squares plus the shape prior's penalty) no worse than the planted
        // shapes give (with their best linear terms): anything worse is a search that stopped early. Carry-over is well identified by the weeks after a
        // pause: within 0.12 on every seed. (How the ads' total splits between platforms and the baseline is far less
        // certain from two years of weeks: about ±30% per platform here. That calls for intervals, not a tolerance.)
        for (long seed = 1; seed <= 10; seed++) {
            WeeklyHistory history = planted(seed, 0.03);
            MixModel.Fit fit = MixModel.fit(history);
            MixModel.Problem problem = new MixModel.Problem(history, fit.priorWeight());
            double planted = problem.objective(List.of(SHAPES));
            double found = problem.objective(fit.shapes());
            assertTrue(found <= planted * (1 + 1e-9), "seed " + seed + ": " + found + " > " + planted);
            assertTrue(fit.r2() > 0.9, "R2 " + fit.r2());
            assertTrue(fit.seasonal());
            for (int p = 0; p < PLATFORMS.size(); p++) {
                assertEquals(SHAPES[p].theta(), fit.shapes().get(p).theta(), 0.12, "theta, seed " + seed + " " + p);
            }
        }
    }

    @Test
    void tooFewWeeksNoOutcomeOrNoSpendSayWhatToChange() {
        WeeklyHistory week = new WeeklyHistory(List.of("douyin"), MONDAY, new double[][]{{100, 200, 300}},
                new double[]{1, 2, 3});
        assertEquals("budget.error.fewWeeks", assertThrows(BudgetFitException.class, () -> MixModel.fit(week))
                .reason().key());
        double[][] spend = {new double[10]};
        Arrays.fill(spend[0], 50);
        assertEquals("budget.error.noOutcome", assertThrows(BudgetFitException.class, () -> MixModel.fit(
                new WeeklyHistory(List.of("douyin"), MONDAY, spend, new double[10]))).reason().key());
        double[] outcome = new double[10];
        Arrays.fill(outcome, 9);
        assertEquals("budget.error.noSpend", assertThrows(BudgetFitException.class, () -> MixModel.fit(
                new WeeklyHistory(List.of("douyin"), MONDAY, new double[][]{new double[10]}, outcome))).reason().key());
    }

    /**
     * A platform whose spend never changes, without carry-over, makes a column that repeats the intercept: the normal
     * equations are singular, and the platform is left out (β 0) while the others are still fitted.
     */
    @Test
    void aColumnThatRepeatsTheInterceptIsLeftOut() {
        WeeklyHistory planted = planted(8, 0.03);
        double[][] spend = planted.spend().clone();
        spend[2] = new double[planted.weeks()];
        java.util.Arrays.fill(spend[2], 5_000);
        WeeklyHistory steady = new WeeklyHistory(PLATFORMS, MONDAY, spend, planted.outcome());

        MixModel.Fit fit = new MixModel.Problem(steady).result(List.of(SHAPES[0], SHAPES[1],
                new MixModel.Shape(0, 1.5, 9_000)));

        assertEquals(0, fit.beta()[2]);
        assertTrue(Arrays.stream(fit.contribution()[2]).allMatch(v -> v == 0));
        assertTrue(fit.beta()[0] > 0 && fit.r2() > 0.5, "the others are fitted: R2 " + fit.r2());
    }

    /** The planted yearly season of ±4,000 (a sine) comes back in the baseline's sine and cosine terms. */
    @Test
    void theYearlySeasonIsRecoveredInTheBaseline() {
        for (long seed = 1; seed <= 3; seed++) {
            MixModel.Fit fit = MixModel.fit(planted(seed, 0.03));
            assertEquals(4_000, fit.base()[2], 800, "sine, seed " + seed);
            assertEquals(0, fit.base()[3], 800, "cosine, seed " + seed);
        }
    }
}
