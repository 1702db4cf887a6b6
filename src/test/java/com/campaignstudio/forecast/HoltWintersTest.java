package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Additive Holt-Winters on a season of two, worked by hand. */
class HoltWintersTest {

    private static final HoltWinters.Weights HALVES = new HoltWinters.Weights(0.5, 0.5, 0.5);

    @Test
    void aSeriesThatIsExactlyTrendPlusSeasonIsContinuedExactly() {
        // Season means 12 and 14: slope 1; trend line through the first season 11.5 + t; seasonal terms -1.5, +1.5.
        double[] y = {10, 14, 12, 16, 14, 18};
        HoltWinters.Fitted fit = new HoltWinters(2).fitted(y, HALVES);
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, 0, 0, 0, 0}, fit.residuals(), 1e-12);
        assertArrayEquals(new double[]{16, 20}, fit.simulate(new double[2]), 1e-12);
    }

    @Test
    void oneSurpriseMovesLevelSlopeAndSeasonAsTheComponentFormSays() {
        // As above until period 4, which is 16 instead of 14 (forecast 14.5 + 1 - 1.5 = 14, error 2):
        //   level = 0.5 (16 + 1.5) + 0.5 (14.5 + 1) = 16.5, slope = 0.5 (16.5 - 14.5) + 0.5 * 1 = 1.5,
        //   season0 = 0.5 (16 - 16.5) + 0.5 (-1.5) = -1.
        // Period 5, 18: forecast 16.5 + 1.5 + 1.5 = 19.5, error -1.5:
        //   level = 0.5 (18 - 1.5) + 0.5 * 18 = 17.25, slope = 0.5 * 0.75 + 0.75 = 1.125,
        //   season1 = 0.5 (18 - 17.25) + 0.75 = 1.125.
        // Ahead: 17.25 + 1.125 - 1 = 17.375; 18.375 + 1.125 + 1.125 = 20.625.
        double[] y = {10, 14, 12, 16, 16, 18};
        HoltWinters.Fitted fit = new HoltWinters(2).fitted(y, HALVES);
        assertArrayEquals(new double[]{Double.NaN, Double.NaN, 0, 0, 2, -1.5}, fit.residuals(), 1e-12);
        assertEquals(17.25, fit.state().level(), 1e-12);
        assertEquals(1.125, fit.state().slope(), 1e-12);
        assertArrayEquals(new double[]{17.375, 20.625}, fit.simulate(new double[2]), 1e-12);
    }
}
