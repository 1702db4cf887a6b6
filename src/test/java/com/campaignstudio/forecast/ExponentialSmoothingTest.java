package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Simple, Holt and damped-trend smoothing against values worked by hand with fixed weights and start, then the fitted
 * start and weights against series where they are known.
 */
class ExponentialSmoothingTest {

    private static final double[] NO_SHOCKS = new double[2];

    @Test
    void simpleSmoothingMovesHalfWayWithAlphaOneHalf() {
        // level 10; 10: error 0, level 10; 12: error 2, level 11; 11: error 0; 13: error 2, level 12.
        var weights = new ExponentialSmoothing.Weights(0.5, 0, 1);
        ExponentialSmoothing.Run run = ExponentialSmoothing.run(new double[]{10, 12, 11, 13}, weights, 10, 0);
        assertArrayEquals(new double[]{0, 2, 0, 2}, run.residuals(), 1e-12);
        assertEquals(12, run.level(), 1e-12);
        assertEquals(8, run.sse(), 1e-12);
        var fit = new ExponentialSmoothing.Fitted(weights, run);
        assertArrayEquals(new double[]{12, 12}, fit.simulate(NO_SHOCKS), 1e-12, "a flat forecast");
        // A shock of 4 is taken as an observation of 16: the level moves half-way, to 14.
        assertArrayEquals(new double[]{16, 14}, fit.simulate(new double[]{4, 0}), 1e-12);
    }

    @Test
    void holtFollowsTheTextbookComponentForm() {
        // alpha = beta = 0.5 from level 10, slope 1. Component form: level = a y + (1 - a)(level + slope),
        // slope = b (level' - level) + (1 - b) slope.
        // 11: forecast 11, error 0, level 11, slope 1.
        // 13: forecast 12, error 1, level 0.5*13 + 0.5*12 = 12.5, slope 0.5*1.5 + 0.5*1 = 1.25.
        // 14: forecast 13.75, error 0.25, level 7 + 6.875 = 13.875, slope 0.6875 + 0.625 = 1.3125.
        // 17: forecast 15.1875, error 1.8125, level 8.5 + 7.59375 = 16.09375, slope 1.109375 + 0.65625 = 1.765625.
        var weights = new ExponentialSmoothing.Weights(0.5, 0.5, 1);
        ExponentialSmoothing.Run run = ExponentialSmoothing.run(new double[]{11, 13, 14, 17}, weights, 10, 1);
        assertArrayEquals(new double[]{0, 1, 0.25, 1.8125}, run.residuals(), 1e-12);
        assertEquals(16.09375, run.level(), 1e-12);
        assertEquals(1.765625, run.slope(), 1e-12);
        assertArrayEquals(new double[]{17.859375, 19.625}, new ExponentialSmoothing.Fitted(weights, run).simulate(NO_SHOCKS),
                1e-12, "a straight line: level + h * slope");
    }

    @Test
    void dampedTrendShrinksTheSlopeByPhiEachPeriod() {
        // alpha = beta = 0.5, phi = 0.9 from level 10, slope 1.
        // 11: forecast 10 + 0.9 = 10.9, error 0.1, level 10.95, slope 0.9 + 0.25 * 0.1 = 0.925.
        // 13: forecast 10.95 + 0.8325 = 11.7825, error 1.2175, level 11.7825 + 0.60875 = 12.39125,
        //     slope 0.8325 + 0.304375 = 1.136875.
        // Ahead: 12.39125 + 0.9 * 1.136875 = 13.4144375, then + 0.81 * 1.136875 = 14.33530625.
        var weights = new ExponentialSmoothing.Weights(0.5, 0.5, 0.9);
        ExponentialSmoothing.Run run = ExponentialSmoothing.run(new double[]{11, 13}, weights, 10, 1);
        assertArrayEquals(new double[]{0.1, 1.2175}, run.residuals(), 1e-12);
        assertEquals(12.39125, run.level(), 1e-12);
        assertEquals(1.136875, run.slope(), 1e-12);
        assertArrayEquals(new double[]{13.4144375, 14.33530625},
                new ExponentialSmoothing.Fitted(weights, run).simulate(NO_SHOCKS), 1e-12);
    }

    @Test
    void theBestStartOfAStraightLineIsTheLineItself() {
        double[] line = new double[10];
        for (int t = 0; t < line.length; t++) {
            line[t] = 5 + 2 * t;
        }
        var holt = new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR);
        ExponentialSmoothing.Run run = holt.bestStart(line, new ExponentialSmoothing.Weights(0.3, 0.2, 1));
        assertEquals(0, run.sse(), 1e-9, "no error anywhere");
        assertEquals(23, run.level(), 1e-9);
        assertEquals(2, run.slope(), 1e-9);
        assertArrayEquals(new double[]{25, 27, 29}, holt.fit(line).simulate(new double[3]), 1e-6);
    }

    @Test
    void fittedWeightsRecoverThoseThatMadeTheSeries() {
        // Simple smoothing's own model: y = level + e, level' = level + 0.3 e. 3,000 periods; tolerance 0.05.
        Random random = new Random(4);
        double[] y = new double[3000];
        double level = 100;
        for (int t = 0; t < y.length; t++) {
            double error = random.nextGaussian();
            y[t] = level + error;
            level += 0.3 * error;
        }
        var fit = (ExponentialSmoothing.Fitted) new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE).fit(y);
        assertEquals(0.3, fit.weights().alpha(), 0.05);
    }

    @Test
    void aSteadyTrendIsDampedAsLittleAsAllowed() {
        double[] line = new double[40];
        for (int t = 0; t < line.length; t++) {
            line[t] = 100 + 3 * t + (t % 2 == 0 ? 1 : -1);
        }
        var fit = (ExponentialSmoothing.Fitted) new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED).fit(line);
        assertEquals(ExponentialSmoothing.PHI_HIGH, fit.weights().phi(), 1e-9);
    }
}
