package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 95% and 80% bands against quantiles worked out without simulation: a random walk whose one-step changes are
 * each of -50..50 once, forecast by the naive model, whose residuals are those changes. One period ahead a path is
 * the last value plus one resampled change (uniform on -50..50), two ahead plus the sum of two.
 */
class ForecastBandsTest {

    private static final double LAST = 1_000;

    @Test
    void oneAndTwoPeriodsAheadTheBandsAreTheQuantilesOfOneAndOfTwoResampledChanges() {
        ForecastModel.Fit naive = new SeasonalNaive(1).fit(walk());
        double[][] bands = Forecaster.bands(naive, 0, 2, 5);
        double[] levels = {0.025, 0.10, 0.90, 0.975};
        for (int q = 0; q < levels.length; q++) {
            // One change: the level's quantile of 101 equally likely values. Sampling error of 1,000 paths: about
            // one unit at these levels, so three either side.
            double one = -50 + levels[q] * 100;
            assertEquals(LAST + one, bands[q][0], 3, "one ahead, level " + levels[q]);
            assertEquals(LAST + sumOfTwoQuantile(levels[q]), bands[q][1], 4, "two ahead, level " + levels[q]);
        }
    }

    /** With fitted parameters the residuals are scaled by sqrt(m / (m - parameters)), m = 101 residuals. */
    @Test
    void fittedParametersWidenTheBandsAsAnUnbiasedVarianceWould() {
        ForecastModel.Fit naive = new SeasonalNaive(1).fit(walk());
        double[][] plain = Forecaster.bands(naive, 0, 1, 9);
        double[][] widened = Forecaster.bands(naive, 3, 1, 9);
        double inflation = Math.sqrt(101 / 98.0);
        for (int q = 0; q < 4; q++) {
            assertEquals((plain[q][0] - LAST) * inflation, widened[q][0] - LAST, 1e-9, "level " + q);
        }
    }

    @Test
    void bandsNeverGoBelowZero() {
        double[] y = walk();
        for (int t = 0; t < y.length; t++) {
            y[t] -= LAST - 20;
        }
        double[][] bands = Forecaster.bands(new SeasonalNaive(1).fit(y), 0, 1, 5);
        assertEquals(0, bands[0][0], 0, "the 2.5% point of 20 + U(-50, 50)");
        assertEquals(20 + 47.5, bands[3][0], 3);
    }

    /** 102 periods ending at 1,000 whose changes are -50..50 in a shuffled order. */
    private static double[] walk() {
        List<Integer> changes = new ArrayList<>();
        for (int c = -50; c <= 50; c++) {
            changes.add(c);
        }
        Collections.shuffle(changes, new Random(3));
        double[] y = new double[changes.size() + 1];
        y[y.length - 1] = LAST;
        for (int t = y.length - 2; t >= 0; t--) {
            y[t] = y[t + 1] - changes.get(t);
        }
        return y;
    }

    /** The level's quantile of the sum of two independent uniform draws from -50..50, by exact convolution. */
    private static double sumOfTwoQuantile(double level) {
        double cumulative = 0;
        for (int s = -100; s <= 100; s++) {
            cumulative += (101 - Math.abs(s)) / (101.0 * 101.0);
            if (cumulative >= level) {
                return s;
            }
        }
        return 100;
    }
}
