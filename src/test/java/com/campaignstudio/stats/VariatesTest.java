package com.campaignstudio.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VariatesTest {

    @Test
    void poissonQuantilesFollowItsDistribution() {
        // Poisson(4) cumulative: P(0) 0.0183, P(<=1) 0.0916, P(<=2) 0.2381, P(<=3) 0.4335, P(<=4) 0.6288,
        // P(<=5) 0.7851, P(<=6) 0.8893, P(<=7) 0.9489: the quantile is the first count whose cumulative reaches u.
        double[] u = {0.01, 0.05, 0.2, 0.4, 0.6, 0.7, 0.85, 0.93, 0.96};
        long[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        for (int i = 0; i < u.length; i++) {
            assertEquals(expected[i], Variates.poisson(4, u[i], 0), "u = " + u[i]);
        }
        assertEquals(0, Variates.poisson(0, 0.99, 2));
        // Above a mean of 30 the normal approximation: 100 + 10 z.
        assertEquals(113, Variates.poisson(100, 0.9, 1.2816));
        assertEquals(87, Variates.poisson(100, 0.1, -1.2816));
        assertEquals(31, Variates.poisson(30.5, 0.5, 0));
    }

    @Test
    void gammaAndBetaHaveTheirMeansAndVariances() {
        // Gamma(k, 1): mean k, variance k; shapes below 1 go through Gamma(k + 1) U^(1/k). Beta(2, 6): mean 0.25,
        // variance 2 x 6 / (8^2 x 9) = 0.02083. 200,000 draws: means within 4 standard errors.
        SplittableRandom random = new SplittableRandom(1);
        int n = 200_000;
        for (double shape : new double[]{0.4, 1, 3.5}) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double x = Variates.gamma(random, shape);
                sum += x;
                squares += x * x;
            }
            double mean = sum / n;
            assertEquals(shape, mean, 4 * Math.sqrt(shape / n), "mean, shape " + shape);
            assertEquals(shape, squares / n - mean * mean, 0.05 * shape, "variance, shape " + shape);
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = Variates.beta(random, 2, 6);
            sum += x;
            squares += x * x;
        }
        assertEquals(0.25, sum / n, 4 * Math.sqrt(0.02083 / n));
        assertEquals(0.02083, squares / n - (sum / n) * (sum / n), 0.001);
    }
}
