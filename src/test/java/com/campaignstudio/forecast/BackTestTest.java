package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the rolling-origin back-test puts its origins, and how it scores. */
class BackTestTest {

    @Test
    void theIssuesFiftyThreeWeeksAreTestedFromTenOriginsThirteenWeeksAhead() {
        BackTest plan = BackTest.plan(53, 13, 52);
        assertEquals(13, plan.window());
        assertArrayEquals(IntStream.rangeClosed(31, 40).toArray(), plan.origins(),
                "from the middle of the series to the last origin with 13 weeks after it");
    }

    @Test
    void threeYearsOfWeeksLeaveTwoFullSeasonsBeforeEveryOrigin() {
        BackTest plan = BackTest.plan(156, 13, 52);
        assertEquals(10, plan.origins().length);
        assertTrue(plan.shortestTraining() >= 104, "Holt-Winters can take part: " + plan.shortestTraining());
        assertEquals(156 - 13, plan.origins()[9]);
    }

    @Test
    void everySeriesOfEightPeriodsOrMoreGetsAtLeastThreeOrigins() {
        for (int season : new int[]{12, 52}) {
            for (int length = 8; length <= 400; length++) {
                for (int horizon : new int[]{1, 4, 13, 26, 104}) {
                    BackTest plan = BackTest.plan(length, horizon, season);
                    int[] origins = plan.origins();
                    String which = length + " periods, " + horizon + " ahead";
                    assertTrue(origins.length >= BackTest.FEWEST_ORIGINS, which);
                    assertTrue(origins.length <= BackTest.MOST_ORIGINS, which);
                    assertTrue(origins[0] >= BackTest.SHORTEST_TRAINING, which);
                    assertEquals(length, origins[origins.length - 1] + plan.window(), which);
                    assertEquals(Math.min(horizon, length / 4), plan.window(), which);
                    for (int i = 1; i < origins.length; i++) {
                        assertTrue(origins[i] > origins[i - 1], which);
                    }
                }
            }
        }
    }

    @Test
    void sixPeriodsAreTooFew() {
        assertThrows(IllegalArgumentException.class, () -> BackTest.plan(6, 13, 52));
    }

    @Test
    void theErrorIsTheMeanOverOriginsOfEachOriginsSmape() {
        // Eight periods, two ahead: origins 4, 5 and 6. Naive from 4 forecasts 1, 1 against 2, 2: sMAPE 2/3 each;
        // from 5 and 6 it forecasts 2, 2 exactly. Mean (2/3 + 0 + 0) / 3.
        BackTest plan = BackTest.plan(8, 2, 52);
        assertArrayEquals(new int[]{4, 5, 6}, plan.origins());
        assertEquals(2.0 / 9, plan.smape(new SeasonalNaive(1), new double[]{1, 1, 1, 1, 2, 2, 2, 2}), 1e-12);
    }

    @Test
    void smapeIsSymmetricAndBounded() {
        assertEquals(0, BackTest.smape(new double[]{1, 2}, new double[]{1, 2}), 1e-12);
        assertEquals(2.0 / 3, BackTest.smape(new double[]{100}, new double[]{50}), 1e-12);
        assertEquals(2.0 / 3, BackTest.smape(new double[]{50}, new double[]{100}), 1e-12);
        assertEquals(2, BackTest.smape(new double[]{0}, new double[]{5}), 1e-12);
        assertEquals(0, BackTest.smape(new double[]{0}, new double[]{0}), 1e-12);
    }
}
