package com.campaignstudio.drivers;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data generated with known coefficients: each is recovered within its 95% interval, and over many seeds the
 * intervals cover the truth about 95% of the time (between 90% and 99% over 300 seeds: a binomial count of 300 at
 * 0.95 falls outside 270 to 297 with probability below 0.001).
 */
class PlantedTruthTest {

    private static final double INTERCEPT = -2.0;
    /** Per view, per click, and for Douyin against Weibo. */
    private static final double VIEWS = 0.004;
    private static final double CLICKS = 0.3;
    private static final double DOUYIN = 0.5;
    private static final List<DriverInput> INPUTS = List.of(DriverInput.VIEWS, DriverInput.CLICKS,
            DriverInput.PLATFORM);

    @Test
    void logisticRecoversPlantedCoefficientsWithinTheirIntervals() throws Exception {
        DriversResult result = Drivers.fit(sample(new Random(7), 5_000, true), Outcome.BOUGHT, INPUTS,
                TaskContext.silent());

        assertCovers(result.terms().get(0), VIEWS);
        assertCovers(result.terms().get(1), CLICKS);
        assertCovers(result.terms().get(2), DOUYIN);
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void linearRecoversPlantedCoefficientsWithinTheirIntervals() throws Exception {
        DriversResult result = Drivers.fit(sample(new Random(11), 2_000, false), Outcome.ORDERS, INPUTS,
                TaskContext.silent());

        assertCovers(result.terms().get(0), VIEWS);
        assertCovers(result.terms().get(1), CLICKS);
        assertCovers(result.terms().get(2), DOUYIN);
    }

    @Test
    void logisticIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() throws Exception {
        assertCoverage(true, 800);
    }

    @Test
    void linearIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() throws Exception {
        assertCoverage(false, 60);
    }

    private static void assertCoverage(boolean logistic, int rows) throws Exception {
        int seeds = 300;
        int[] covered = new int[3];
        double[] truth = {VIEWS, CLICKS, DOUYIN};
        for (int seed = 0; seed < seeds; seed++) {
            DriversResult result = Drivers.fit(sample(new Random(1_000 + seed), rows, logistic),
                    logistic ? Outcome.BOUGHT : Outcome.ORDERS, INPUTS, TaskContext.silent());
            for (int j = 0; j < 3; j++) {
                Term term = result.terms().get(j);
                // In a small sample Douyin is sometimes the commoner platform, and so the reference: Weibo's
                // coefficient against it is then -DOUYIN.
                double planted = "weibo".equals(term.level()) ? -truth[j] : truth[j];
                if (term.low() <= planted && planted <= term.high()) {
                    covered[j]++;
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            double share = covered[j] / (double) seeds;
            assertTrue(share >= 0.90 && share <= 0.99, "coefficient " + j + " covered " + share);
        }
    }

    /**
     * Views around 200 (sd 80), clicks 0 to 5, half on Douyin; logistic: bought with probability
     * 1 / (1 + exp(-eta)); linear: orders = eta + normal noise (sd 1).
     */
    static DriverTable sample(Random random, int rows, boolean logistic) {
        double[] views = new double[rows];
        double[] clicks = new double[rows];
        String[] platforms = new String[rows];
        double[] orders = new double[rows];
        for (int i = 0; i < rows; i++) {
            views[i] = Math.max(0, Math.round(200 + 80 * random.nextGaussian()));
            clicks[i] = random.nextInt(6);
            // Weibo a little commoner, so that it is the reference.
            platforms[i] = random.nextDouble() < 0.45 ? "douyin" : "weibo";
            double eta = INTERCEPT + VIEWS * views[i] + CLICKS * clicks[i] + (platforms[i].equals("douyin") ? DOUYIN : 0);
            orders[i] = logistic ? (random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0)
                    : eta + random.nextGaussian();
        }
        return new Tables().number(DriverInput.VIEWS, views).number(DriverInput.CLICKS, clicks)
                .category(DriverInput.PLATFORM, platforms).orders(orders);
    }

    private static void assertCovers(Term term, double truth) {
        assertTrue(term.low() <= truth && truth <= term.high(),
                term.input() + ": " + truth + " outside " + term.low() + " to " + term.high());
        assertEquals(truth, term.estimate(), 3 * term.standardError());
    }
}
