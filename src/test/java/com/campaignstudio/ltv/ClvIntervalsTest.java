package com.campaignstudio.ltv;

import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the CLV interval says when the parameters' uncertainty is too wide to compute with. */
class ClvIntervalsTest {

    /**
     * A fit whose log-parameters are uncertain by e^±300 (parameters the data do not pin down) draws parameters
     * that overflow the model's formulas. The interval then says nothing (both ends NaN, shown as "–"); it never
     * has one end NaN and the other a number (seen on a demo project: an upper bound of NaN).
     */
    @Test
    void drawsThatOverflowGiveNoIntervalRatherThanHalfOfOne() throws Exception {
        LtvResult fitted = fit();
        FittedModel bg = fitted.bgNbd();
        double[][] wide = new double[4][4];
        for (int i = 0; i < 4; i++) {
            wide[i][i] = 90_000;
        }
        FittedModel uncertain = new FittedModel(bg.names(), bg.values(), bg.standardErrors(), wide, bg.logLikelihood(),
                bg.converged(), bg.customers(), bg.identified());
        LtvResult result = new LtvResult(fitted.summary(), uncertain, fitted.gammaGamma(), fitted.settings(),
                fitted.probabilityAlive(), fitted.expectedPurchases(), fitted.clv(), fitted.byPlatform(),
                fitted.aliveMap(), fitted.aliveMapT(), fitted.check(), fitted.notes());
        LtvResult.GroupValue group = ClvIntervals.byPlatform(result, 3, TaskContext.silent()).getFirst();
        assertTrue(Double.isNaN(group.low()) && Double.isNaN(group.high()), group.toString());
        assertEquals(fitted.byPlatform().getFirst().meanClv(), group.meanClv(), 0);
    }

    @Test
    void anOrdinaryFitGetsAnIntervalAroundItsMean() throws Exception {
        LtvResult fitted = fit();
        LtvResult.GroupValue group = ClvIntervals.byPlatform(fitted, 3, TaskContext.silent()).getFirst();
        assertTrue(0 <= group.low() && group.low() < group.meanClv() && group.meanClv() < group.high(), group.toString());
    }

    /**
     * The interval rebuilt by hand for two groups, one larger than the sample: the log-parameters drawn as
     * mean + L z with a lower-triangular L chosen here (so the covariance is L L^T, and the code must factor it
     * back), each draw's sample mean divided by the sample's mean at the fit, and the 5th and 96th of the 100
     * sorted ratios (the 5% and 95% points) scaling the group's mean CLV.
     */
    @Test
    void theIntervalIsTheFifthAndNinetyFifthPercentOfTheDrawsRebuiltByHand() throws Exception {
        LtvResult fitted = fit(2_000);
        LtvResult result = withCovariances(fitted, BG_FACTOR, GG_FACTOR);
        String[] groupOf = new String[fitted.summary().size()];
        for (int i = 0; i < groupOf.length; i++) {
            // Exactly as many as the sample: all of them, not a shuffled draw of them.
            groupOf[i] = i < ClvIntervals.SAMPLE ? "small" : i % 7 == 1 ? null : "large";
        }
        List<LtvResult.GroupValue> groups = List.of(group("large", result, groupOf), group("small", result, groupOf));
        List<LtvResult.GroupValue> intervals = ClvIntervals.of(result, groups, groupOf, 11, TaskContext.silent());

        Random sampling = new Random(11);
        for (int g = 0; g < groups.size(); g++) {
            LtvResult.GroupValue group = groups.get(g);
            int[] sample = sampleOf(members(group.group(), groupOf), sampling);
            double[] ratios = ratiosByHand(result, sample, sampling.nextLong(), false);
            assertEquals(group.meanClv() * ratios[4], intervals.get(g).low(), 1e-9 * group.meanClv(), group.group());
            assertEquals(group.meanClv() * ratios[95], intervals.get(g).high(), 1e-9 * group.meanClv(), group.group());
            assertEquals(group.meanClv(), intervals.get(g).meanClv(), 0);
            assertTrue(intervals.get(g).high() > intervals.get(g).low() * 1.01, intervals.get(g).toString());
        }
    }

    /** Without a spend model each customer keeps the order value the point estimate gave their purchases. */
    @Test
    void withoutASpendModelTheDrawsKeepEachCustomersOrderValue() throws Exception {
        LtvResult fitted = fit(250);
        LtvResult withCovariance = withCovariances(fitted, BG_FACTOR, GG_FACTOR);
        LtvResult result = new LtvResult(fitted.summary(), withCovariance.bgNbd(), null, fitted.settings(),
                fitted.probabilityAlive(), fitted.expectedPurchases(), fitted.clv(), fitted.byPlatform(),
                fitted.aliveMap(), fitted.aliveMapT(), fitted.check(), fitted.notes());
        LtvResult.GroupValue interval = ClvIntervals.byPlatform(result, 5, TaskContext.silent()).getFirst();
        Random sampling = new Random(5);
        int[] everyone = sampleOf(members("all", result.summary().platforms()), sampling);
        double[] ratios = ratiosByHand(result, everyone, sampling.nextLong(), true);
        double mean = fitted.byPlatform().getFirst().meanClv();
        assertEquals(mean * ratios[4], interval.low(), 1e-9 * mean);
        assertEquals(mean * ratios[95], interval.high(), 1e-9 * mean);
    }

    @Test
    void choleskyFactorsAWorkedCovarianceAndRefusesOneThatIsNotPositiveDefinite() {
        double[][] l = ClvIntervals.cholesky(new double[][]{{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}});
        double[][] expected = {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], l[i], 1e-12, "row " + i);
        }
        assertNull(ClvIntervals.cholesky(new double[][]{{1, 2}, {2, 1}}));
        assertNull(ClvIntervals.cholesky(new double[][]{{0, 0}, {0, 1}}));
        assertNull(ClvIntervals.cholesky(null));
    }

    @Test
    void aGroupWorthNothingHasTheIntervalNothingToNothing() throws Exception {
        LtvResult fitted = fit(250);
        float[] clv = fitted.clv().clone();
        String[] groupOf = new String[clv.length];
        for (int i = 0; i < 40; i++) {
            clv[i] = 0;
            groupOf[i] = "lapsed";
        }
        LtvResult result = new LtvResult(fitted.summary(), fitted.bgNbd(), fitted.gammaGamma(), fitted.settings(),
                fitted.probabilityAlive(), fitted.expectedPurchases(), clv, fitted.byPlatform(), fitted.aliveMap(),
                fitted.aliveMapT(), fitted.check(), fitted.notes());
        LtvResult.GroupValue lapsed = new LtvResult.GroupValue("lapsed", 40, 0, 0, Double.NaN, Double.NaN);
        LtvResult.GroupValue interval = ClvIntervals.of(result, List.of(lapsed), groupOf, 1, TaskContext.silent())
                .getFirst();
        assertEquals(0, interval.low(), 0);
        assertEquals(0, interval.high(), 0);
    }

    @Test
    void cancellingStopsBeforeTheFirstGroup() throws Exception {
        LtvResult fitted = fit(250);
        assertThrows(CancelledException.class, () -> ClvIntervals.byPlatform(fitted, 1, TestContexts.cancelled()));
    }

    @Test
    void orderValueIsGammaGammasForRepeatBuyersWithAPositiveMeanAndThePopulationMeanForTheRest() {
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        assertEquals(spend.expectedOrderValue(2, 50), LtvModel.orderValue(spend, 2, 50, 99), 0);
        assertEquals(spend.populationMean(), LtvModel.orderValue(spend, 2, 0, 99), 0, "free repeat orders");
        assertEquals(spend.populationMean(), LtvModel.orderValue(spend, 0, 0, 99), 0, "no repeat yet");
        assertEquals(99, LtvModel.orderValue(new GammaGamma(6.25, 1, 15.44), 2, 50, 99), 0, "q = 1: infinite mean");
        assertEquals(new GammaGamma(6.25, 1.01, 15.44).expectedOrderValue(2, 50),
                LtvModel.orderValue(new GammaGamma(6.25, 1.01, 15.44), 2, 50, 99), 0);
        assertEquals(99, LtvModel.orderValue(null, 2, 50, 99), 0, "no spend model");
    }

    /** Lower-triangular factors of the log-parameters' covariance, correlated so that L's off-diagonal counts. */
    private static final double[][] BG_FACTOR = {{0.05, 0, 0, 0}, {0.04, 0.03, 0, 0}, {0, 0.02, 0.2, 0},
            {0.01, 0, 0.15, 0.1}};
    private static final double[][] GG_FACTOR = {{0.1, 0, 0}, {-0.05, 0.08, 0}, {0.02, 0.03, 0.06}};

    private static double[] ratiosByHand(LtvResult result, int[] sample, long groupSeed, boolean fixedOrderValue) {
        CustomerSummary s = result.summary();
        double[] bgAt = result.bgNbd().values();
        BgNbd atFit = new BgNbd(bgAt[0], bgAt[1], bgAt[2], bgAt[3]);
        int horizon = result.settings().horizon();
        double discount = result.settings().discountRate();
        double sampleMean = 0;
        for (int i : sample) {
            sampleMean += result.clv()[i];
        }
        sampleMean /= sample.length;
        double[] ratios = new double[ClvIntervals.DRAWS];
        for (int d = 0; d < ratios.length; d++) {
            Random random = new Random(groupSeed + d);
            double[] bg = drawn(bgAt, BG_FACTOR, random);
            BgNbd purchases = new BgNbd(bg[0], bg[1], bg[2], bg[3]);
            GammaGamma spend = fixedOrderValue ? null : toGammaGamma(drawn(result.gammaGamma().values(), GG_FACTOR, random));
            double total = 0;
            for (int i : sample) {
                double value;
                if (spend == null) {
                    value = result.clv()[i] / atFit.discountedPurchases(s.x()[i], s.tx()[i], s.T()[i], horizon, discount);
                } else {
                    value = s.x()[i] > 0 ? spend.expectedOrderValue(s.x()[i], s.m()[i]) : spend.populationMean();
                }
                total += value * purchases.discountedPurchases(s.x()[i], s.tx()[i], s.T()[i], horizon, discount);
            }
            ratios[d] = total / sample.length / sampleMean;
        }
        Arrays.sort(ratios);
        return ratios;
    }

    private static GammaGamma toGammaGamma(double[] values) {
        return new GammaGamma(values[0], values[1], values[2]);
    }

    /** exp(log(at) + L z), z standard normal, drawn in order. */
    private static double[] drawn(double[] at, double[][] factor, Random random) {
        double[] z = new double[at.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        double[] out = new double[at.length];
        for (int i = 0; i < out.length; i++) {
            double log = Math.log(at[i]);
            for (int j = 0; j < out.length; j++) {
                log += factor[i][j] * z[j];
            }
            out[i] = Math.exp(log);
        }
        return out;
    }

    private static int[] members(String group, String[] groupOf) {
        return IntStream.range(0, groupOf.length).filter(i -> group.equals(groupOf[i])).toArray();
    }

    /** Up to 300 members: all of them; else 300 drawn without replacement (a partial Fisher-Yates shuffle). */
    private static int[] sampleOf(int[] members, Random random) {
        if (members.length <= ClvIntervals.SAMPLE) {
            return members;
        }
        List<Integer> left = new ArrayList<>(Arrays.stream(members).boxed().toList());
        int[] out = new int[ClvIntervals.SAMPLE];
        for (int k = 0; k < out.length; k++) {
            int j = k + random.nextInt(left.size() - k);
            Collections.swap(left, k, j);
            out[k] = left.get(k);
        }
        return out;
    }

    private static LtvResult.GroupValue group(String name, LtvResult result, String[] groupOf) {
        int[] members = members(name, groupOf);
        double total = 0;
        for (int i : members) {
            total += result.clv()[i];
        }
        return new LtvResult.GroupValue(name, members.length, total / members.length, total, Double.NaN, Double.NaN);
    }

    private static LtvResult withCovariances(LtvResult fitted, double[][] bgFactor, double[][] ggFactor) {
        return new LtvResult(fitted.summary(), withCovariance(fitted.bgNbd(), bgFactor),
                withCovariance(fitted.gammaGamma(), ggFactor), fitted.settings(), fitted.probabilityAlive(),
                fitted.expectedPurchases(), fitted.clv(), fitted.byPlatform(), fitted.aliveMap(), fitted.aliveMapT(),
                fitted.check(), fitted.notes());
    }

    private static FittedModel withCovariance(FittedModel model, double[][] factor) {
        int n = factor.length;
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    covariance[i][j] += factor[i][k] * factor[j][k];
                }
            }
        }
        return new FittedModel(model.names(), model.values(), model.standardErrors(), covariance, model.logLikelihood(),
                model.converged(), model.customers(), model.identified());
    }

    private static LtvResult fit() throws Exception {
        return fit(2_000);
    }

    private static LtvResult fit(int customers) throws Exception {
        SummaryReader.Orders orders = Cohorts.generate(customers, 0.8, 6, random -> Cohorts.beta(0.6, 3, random),
                Cohorts.gammaGammaSpending(6, 4, 15), new Random(8));
        CustomerSummary summary = SummaryReader.summarize(orders, PeriodUnit.WEEK, null, null, null, Map.of(),
                Map.of(), TaskContext.silent());
        Arrays.fill(summary.platforms(), "all");
        return LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
    }
}
