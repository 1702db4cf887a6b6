package com.campaignstudio.ltv;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static LtvResult fit() throws Exception {
        SummaryReader.Orders orders = Cohorts.generate(2_000, 0.8, 6, random -> Cohorts.beta(0.6, 3, random),
                Cohorts.gammaGammaSpending(6, 4, 15), new Random(8));
        CustomerSummary summary = SummaryReader.summarize(orders, PeriodUnit.WEEK, null, null, null, Map.of(),
                Map.of(), TaskContext.silent());
        Arrays.fill(summary.platforms(), "all");
        return LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
    }
}
