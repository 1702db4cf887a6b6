package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a lifetime-value fit returns besides each customer's CLV (see MoneyOraclesTest): the rest it shows. */
class LtvModelTest {

    private static final LtvSettings SETTINGS = new LtvSettings(PeriodUnit.WEEK, null, null, 0, 0, 26, 0.002, 0);

    @Test
    void aWellSpecifiedCohortFitsWithoutWarningsAndEachCustomersExpectedPurchasesArePAliveTimesTheAlivesOnes()
            throws Exception {
        CustomerSummary summary = cohort(2_000, LocalDate.of(2024, 10, 1), 3);
        LtvResult result = LtvModel.fit(summary, SETTINGS, TaskContext.silent());
        assertEquals(List.of(), result.notes().stream().map(Reason::key).toList());
        assertTrue(result.bgNbd().converged() && result.gammaGamma().converged());
        assertTrue(result.check().holdoutError() < 0.2, "hold-out error " + result.check().holdoutError());
        BgNbd bg = bgNbd(result);
        for (int i : new int[]{0, 5, 99, 1_234}) {
            double x = summary.x()[i];
            double alive = bg.probabilityAlive(x, summary.tx()[i], summary.T()[i]);
            assertEquals(alive, result.probabilityAlive()[i], 1e-6, "P(alive) of " + i);
            assertEquals(alive * bg.expectedPurchasesIfAlive(26, x, summary.T()[i]), result.expectedPurchases()[i],
                    1e-5, "E[Y(26)] of " + i);
        }
    }

    /** P(alive) of a customer as old as the oldest, by repeats (rows) and recency at the middle of 20 columns. */
    @Test
    void theAliveMapIsPAliveOverFrequencyAndRecencyForTheOldestCustomer() throws Exception {
        CustomerSummary summary = cohort(500, null, 5);
        LtvResult result = LtvModel.fit(summary, SETTINGS, TaskContext.silent());
        double oldest = Arrays.stream(summary.T()).max().orElseThrow();
        assertEquals(oldest, result.aliveMapT(), 0);
        BgNbd bg = bgNbd(result);
        assertEquals(21, result.aliveMap().length);
        assertEquals(20, result.aliveMap()[0].length);
        for (int x : new int[]{0, 1, 7, 20}) {
            for (int column : new int[]{0, 9, 19}) {
                double tx = x == 0 ? 0 : oldest * (column + 0.5) / 20;
                assertEquals(bg.probabilityAlive(x, tx, oldest), result.aliveMap()[x][column], 1e-12,
                        "x " + x + ", column " + column);
            }
        }
    }

    /**
     * With fewer than ten repeat buyers of positive value there is no spend model: every customer's purchases
     * are valued at the mean of all repeat occasions, sum(m x) / sum(x), free ones included, and the notes say
     * why and how many were left out of what.
     */
    @Test
    void withoutEnoughRepeatBuyersCustomersAreValuedAtTheMeanRepeatOrderAndTheNotesSayWhy() throws Exception {
        CustomerSummary generated = cohort(400, null, 7);
        double[] m = generated.m().clone();
        int kept = 0;
        for (int i = 0; i < m.length; i++) {
            if (generated.x()[i] > 0 && kept++ >= 9) {
                m[i] = 0;
            }
        }
        CustomerSummary summary = new CustomerSummary(generated.customers(), generated.followerIds(),
                generated.platforms(), generated.firstDay(), generated.x(), generated.tx(), generated.T(), m,
                generated.holdoutRepeats(), generated.calibrationEnd(), generated.dataEnd(), generated.unit(),
                kept - 9, generated.firstRepeatDay(), generated.repeatsByDay(), 4, 1);
        LtvResult result = LtvModel.fit(summary, SETTINGS, TaskContext.silent());
        assertNull(result.gammaGamma());
        assertEquals(List.of(Reason.of("ltv.note.nonPositive", kept - 9), Reason.of("ltv.note.refundsLeftOut", 4),
                Reason.of("ltv.note.guestOrdersLeftOut", 1), Reason.of("ltv.note.noSpendModel", 9)), result.notes());
        double total = 0;
        long occasions = 0;
        for (int i = 0; i < m.length; i++) {
            total += m[i] * summary.x()[i];
            occasions += summary.x()[i];
        }
        double meanRepeatOrder = total / occasions;
        BgNbd bg = bgNbd(result);
        for (int i : new int[]{0, 3, 50, 399}) {
            double purchases = bg.discountedPurchases(summary.x()[i], summary.tx()[i], summary.T()[i], 26, 0.002);
            assertEquals(purchases * meanRepeatOrder, result.clv()[i], 1e-5 * Math.max(1, result.clv()[i]),
                    "customer " + i);
        }
    }

    @Test
    void groupsAreListedMostValuableFirstAndCustomersInNoGroupAreLeftOut() {
        List<LtvResult.GroupValue> groups = LtvModel.meanClvBy(new String[]{"a", "b", null, "b", "c", "a"},
                new float[]{1, 10, 1_000, 20, 4, 3});
        assertEquals(List.of("b", "c", "a"), groups.stream().map(LtvResult.GroupValue::group).toList());
        assertEquals(new LtvResult.GroupValue("b", 2, 15, 30, Double.NaN, Double.NaN), groups.getFirst());
        assertEquals(new LtvResult.GroupValue("a", 2, 2, 4, Double.NaN, Double.NaN), groups.getLast());
    }

    @Test
    void thirtyCustomersAreEnoughAndTwentyNineAreNot() throws Exception {
        CustomerSummary thirty = cohort(30, null, 2);
        assertEquals(30, LtvModel.fit(thirty, SETTINGS, TaskContext.silent()).clv().length);
        CustomerSummary twentyNine = cohort(29, null, 2);
        LtvException tooFew = assertThrows(LtvException.class, () -> LtvModel.fit(twentyNine, SETTINGS,
                TaskContext.silent()));
        assertEquals("ltv.error.tooFew", tooFew.reason().key());
    }

    @Test
    void cancellingStopsTheFit() throws Exception {
        CustomerSummary summary = cohort(300, null, 2);
        assertThrows(CancelledException.class, () -> LtvModel.fit(summary, SETTINGS, TestContexts.cancelled()));
    }

    /**
     * Above 5,000 distinct histories the starting points race on a systematic sample before the winner is refined
     * on everyone; the planted parameters (r 0.8, alpha 6, a 0.6, b 3) are still found, each within three of the
     * fit's standard errors.
     */
    @Test
    void aCohortWithManyHistoriesRecoversItsPlantedParameters() throws Exception {
        CustomerSummary summary = cohort(20_000, null, 13);
        Repeats repeats = Repeats.collapseWithIndex(summary.x(), summary.tx(), summary.T()).repeats();
        assertTrue(repeats.size() > BgNbdFit.SEARCH_HISTORIES, repeats.size() + " histories");
        FittedModel fitted = LtvModel.fit(summary, SETTINGS, TaskContext.silent()).bgNbd();
        double[] planted = {0.8, 6, 0.6, 3};
        for (int k = 0; k < planted.length; k++) {
            double error = fitted.standardErrors()[k];
            assertTrue(error < 0.25 * planted[k], fitted.names().get(k) + " standard error " + error);
            assertEquals(planted[k], fitted.values()[k], 3 * error, fitted.names().get(k));
        }
    }

    @Test
    void theSystematicSampleTakesEveryKthHistoryWithItsWeightScaledUp() {
        Repeats data = Repeats.collapse(new int[]{0, 1, 2, 3, 4}, new double[]{0, 1, 2, 3, 4},
                new double[]{10, 10, 10, 10, 10});
        Repeats sample = data.systematicSample(2);
        assertEquals(2, sample.size());
        assertEquals(data.x()[0], sample.x()[0]);
        assertEquals(data.x()[3], sample.x()[1]);
        assertEquals(3 * data.weight()[3], sample.weight()[1]);
        assertEquals(data.tx()[3], sample.tx()[1], 0);
        assertEquals(5, data.systematicSample(10).size());
    }

    private static BgNbd bgNbd(LtvResult result) {
        double[] v = result.bgNbd().values();
        return new BgNbd(v[0], v[1], v[2], v[3]);
    }

    private static CustomerSummary cohort(int customers, LocalDate calibrationEnd, long seed) {
        SummaryReader.Orders orders = Cohorts.generate(customers, 0.8, 6, random -> Cohorts.beta(0.6, 3, random),
                Cohorts.gammaGammaSpending(6, 4, 15), new Random(seed));
        CustomerSummary summary = SummaryReader.summarize(orders, PeriodUnit.WEEK, calibrationEnd, null, null,
                Map.of(), Map.of(), TaskContext.silent());
        Arrays.fill(summary.platforms(), "all");
        return summary;
    }
}
