package com.campaignstudio.ltv;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every money figure of the lifetime-value view against a value worked out another way: by hand, by the
 * definition written out term by term, or by recomputing from the parts.
 */
class MoneyOraclesTest {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44);

    @Test
    void aYearlyDiscountRateBecomesTheCompoundRateOfADayAWeekAndAMonth() {
        // (1 + 10%)^(days / 365.25) - 1, worked out to ten digits.
        assertEquals(0.000260979100, LtvRun.perPeriod(0.10, PeriodUnit.DAY), 1e-12);
        assertEquals(0.001828284634, LtvRun.perPeriod(0.10, PeriodUnit.WEEK), 1e-12);
        assertEquals(0.007974140429, LtvRun.perPeriod(0.10, PeriodUnit.MONTH), 1e-12);
        assertEquals(0.0, LtvRun.perPeriod(0, PeriodUnit.WEEK), 0);
    }

    @Test
    void discountedPurchasesAreTheIncrementsOfExpectedPurchasesEachDiscountedByItsOwnPeriod() {
        // A customer with x = 2, t_x = 30.43, T = 38.86 (the paper's worked customer), three periods, 10% each:
        // (E1 - E0) / 1.1 + (E2 - E1) / 1.1^2 + (E3 - E2) / 1.1^3, written out.
        double e1 = CDNOW.expectedPurchasesIfAlive(1, 2, 38.86);
        double e2 = CDNOW.expectedPurchasesIfAlive(2, 2, 38.86);
        double e3 = CDNOW.expectedPurchasesIfAlive(3, 2, 38.86);
        double byHand = e1 / 1.1 + (e2 - e1) / (1.1 * 1.1) + (e3 - e2) / (1.1 * 1.1 * 1.1);
        assertEquals(byHand, CDNOW.discountedPurchasesIfAlive(2, 38.86, 3, 0.10), 1e-12);
        assertEquals(CDNOW.probabilityAlive(2, 30.43, 38.86) * byHand, CDNOW.discountedPurchases(2, 30.43, 38.86, 3, 0.10),
                1e-12);
        // Undiscounted, the increments telescope to E[Y(3)].
        assertEquals(e3, CDNOW.discountedPurchasesIfAlive(2, 38.86, 3, 0), 1e-12);
    }

    @Test
    void theExpectedOrderValueOfACustomerWeighsTheirOwnMeanAgainstThePopulations() {
        // p = 6.25, q = 3.74, gamma = 15.44 (the paper's CDNOW spend model); x = 2 repeat orders averaging 35:
        // (q-1)/(px+q-1) * gamma p/(q-1) + px/(px+q-1) * m = 2.74/15.24 * 35.2190 + 12.5/15.24 * 35 = 35.0394.
        assertEquals(35.03937, CDNOW_SPEND.expectedOrderValue(2, 35), 1e-5);
        assertEquals(15.44 * 6.25 / 2.74, CDNOW_SPEND.populationMean(), 1e-9);
        assertEquals(CDNOW_SPEND.populationMean(), CDNOW_SPEND.expectedOrderValue(0, 0), 1e-12);
    }

    @Test
    void theDiscountedResidualLifetimeOfASubscriberIsTheDiscountedSumOfTheirSurvival() {
        // DERL(n) = sum over t >= n of S(t) / S(n - 1) / (1 + d)^(t - n), summed term by term far enough out.
        ShiftedBetaGeometric highEnd = new ShiftedBetaGeometric(0.668, 3.806);
        for (int n = 1; n <= 5; n++) {
            double sum = 0;
            for (int t = n; t < n + 5_000; t++) {
                sum += highEnd.survival(t) / highEnd.survival(n - 1) / Math.pow(1.10, t - n);
            }
            assertEquals(sum, highEnd.discountedResidualLifetime(n, 0.10), 1e-9 * sum, "n = " + n);
        }
    }

    @Test
    void eachCustomersClvIsPAliveTimesDiscountedPurchasesTimesTheirExpectedOrderValueAndGroupsAddUp() throws Exception {
        SummaryReader.Orders orders = Cohorts.generate(3_000, 0.8, 6, random -> Cohorts.beta(0.6, 3, random),
                new Random(21));
        String[] platformOf = {"weibo", "douyin", "zhihu"};
        CustomerSummary summary = SummaryReader.summarize(orders, PeriodUnit.WEEK, null, null, null, Map.of(),
                Map.of(), TaskContext.silent());
        for (int i = 0; i < summary.size(); i++) {
            summary.platforms()[i] = platformOf[i % 3];
        }
        LtvSettings settings = new LtvSettings(PeriodUnit.WEEK, null, null, 0, 0, 26, 0.002, 0);
        LtvResult result = LtvModel.fit(summary, settings, TaskContext.silent());
        double[] bg = result.bgNbd().values();
        double[] gg = result.gammaGamma().values();
        BgNbd purchases = new BgNbd(bg[0], bg[1], bg[2], bg[3]);
        GammaGamma spend = new GammaGamma(gg[0], gg[1], gg[2]);
        for (int i : new int[]{0, 1, 2, 17, 250}) {
            int x = summary.x()[i];
            double tx = summary.tx()[i];
            double T = summary.T()[i];
            double discounted = 0;
            for (int week = 1; week <= 26; week++) {
                discounted += (purchases.expectedPurchasesIfAlive(week, x, T)
                        - purchases.expectedPurchasesIfAlive(week - 1, x, T)) / Math.pow(1.002, week);
            }
            double orderValue = x > 0 ? spend.expectedOrderValue(x, summary.m()[i]) : spend.populationMean();
            double clv = purchases.probabilityAlive(x, tx, T) * discounted * orderValue;
            assertEquals(clv, result.clv()[i], 1e-5 * Math.max(1, clv), "customer " + i + " (x=" + x + ")");
        }
        Map<String, double[]> byHand = new HashMap<>();
        for (int i = 0; i < summary.size(); i++) {
            double[] sum = byHand.computeIfAbsent(summary.platforms()[i], p -> new double[2]);
            sum[0] += result.clv()[i];
            sum[1]++;
        }
        List<LtvResult.GroupValue> groups = result.byPlatform();
        assertEquals(3, groups.size());
        for (LtvResult.GroupValue group : groups) {
            double[] sum = byHand.get(group.group());
            assertEquals(sum[1], group.customers(), group.group());
            assertEquals(sum[0], group.totalClv(), 1e-6 * sum[0], group.group());
            assertEquals(sum[0] / sum[1], group.meanClv(), 1e-6 * sum[0] / sum[1], group.group());
        }
    }
}
