package com.campaignstudio.experiments;

import com.campaignstudio.stats.Variates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * P(B > A) and the expected loss by Evan Miller's closed form, against integrals worked by hand and against seeded
 * Monte Carlo.
 */
class BayesianTest {

    /**
     * Integrals worked by hand, in Beta parameters (alpha = conversions + 1, beta = non-conversions + 1):
     * <ul>
     * <li>Beta(1,1) against Beta(1,1): 1/2 by symmetry.</li>
     * <li>X ~ Beta(2,1) (density 2x), Y uniform: P(Y > X) = integral of 2x(1 - x) = 1/3.</li>
     * <li>X ~ Beta(1,2) (density 2(1-x)), Y ~ Beta(2,1) (P(Y > x) = 1 - x²): integral of 2(1-x)(1-x²) = 5/6.</li>
     * <li>X ~ Beta(2,2) (density 6x(1-x)), Y ~ Beta(2,1): 1 - integral of 6x(1-x) x² = 1 - 6(1/4 - 1/5) = 7/10.</li>
     * </ul>
     */
    @ParameterizedTest(name = "P(Beta({2},{3}) > Beta({0},{1})) = {4}")
    @CsvSource(textBlock = """
            1, 1, 1, 1, 0.5
            2, 1, 1, 1, 0.3333333333333333
            1, 2, 2, 1, 0.8333333333333334
            2, 2, 2, 1, 0.7
            2, 1, 2, 2, 0.3
            """)
    void probabilityGreaterByHand(double a1, double b1, double a2, double b2, double expected) {
        assertEquals(expected, Bayesian.probabilityGreater(a1, b1, a2, b2), 1e-14);
    }

    @Test
    void theTinyCaseThroughVariants() {
        // A: 1 visitor who did not convert, Beta(1,2); B: 1 visitor who did, Beta(2,1).
        Variant a = new Variant("A", 1, 0);
        Variant b = new Variant("B", 1, 1);
        assertEquals(5.0 / 6, Bayesian.probabilityBetter(a, b), 1e-14);
        assertEquals(1.0 / 6, Bayesian.probabilityBetter(b, a), 1e-14);
        // Loss of choosing B: integral over x > y of (x - y) 2(1-x) 2y = (2/3)(1/4 - 1/5) = 1/30.
        assertEquals(1.0 / 30, Bayesian.expectedLossChoosing(b, a), 1e-14);
        // Loss of choosing A: E[p_B - p_A] + loss of choosing B = (2/3 - 1/3) + 1/30 = 11/30.
        assertEquals(11.0 / 30, Bayesian.expectedLossChoosing(a, b), 1e-14);
    }

    @Test
    void twoUniformRatesLoseASixthEitherWay() {
        // E[max(X - Y, 0)] for independent uniforms: E|X - Y| / 2 = (1/3) / 2.
        assertEquals(1.0 / 6, Bayesian.lossOfChoosingSecond(1, 1, 1, 1), 1e-14);
    }

    /**
     * The closed form against 400,000 seeded draws of the posteriors, for small, typical and large counts. Each
     * tolerance is four Monte Carlo standard errors: sqrt(p(1-p)/N) for the probability (at most 0.0008 here), and
     * the sample standard deviation of the draws' losses over sqrt(N) for the expected losses.
     */
    @ParameterizedTest(name = "A {1}/{0}, B {3}/{2}")
    @CsvSource(textBlock = """
            20,      2,     25,      5
            1000,    100,   1000,    130
            1000,    100,   1000,    105
            200000,  4000,  200000,  4100
            5000,    0,     5000,    3
            50,      50,    60,      58
            """)
    void closedFormAgreesWithMonteCarlo(long nA, long kA, long nB, long kB) {
        Variant a = new Variant("A", nA, kA);
        Variant b = new Variant("B", nB, kB);
        int draws = 400_000;
        SplittableRandom random = new SplittableRandom(20240305);
        long bBetter = 0;
        double[] lossB = new double[draws];
        double[] lossA = new double[draws];
        for (int i = 0; i < draws; i++) {
            double pA = Variates.beta(random, kA + 1, nA - kA + 1);
            double pB = Variates.beta(random, kB + 1, nB - kB + 1);
            if (pB > pA) {
                bBetter++;
            }
            lossB[i] = Math.max(pA - pB, 0);
            lossA[i] = Math.max(pB - pA, 0);
        }
        double exact = Bayesian.probabilityBetter(a, b);
        double se = Math.sqrt(exact * (1 - exact) / draws);
        assertEquals(exact, (double) bBetter / draws, Math.max(4 * se, 1.0 / draws), "P(B > A)");
        assertEquals(Bayesian.expectedLossChoosing(b, a), mean(lossB), 4 * standardError(lossB), "loss of choosing B");
        assertEquals(Bayesian.expectedLossChoosing(a, b), mean(lossA), 4 * standardError(lossA), "loss of choosing A");
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardError(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1) / values.length);
    }

    @Test
    void theBetaSamplerHasTheBetaMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(7);
        double a = 31;
        double b = 970;
        int draws = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < draws; i++) {
            double x = Variates.beta(random, a, b);
            sum += x;
            sumSquares += x * x;
        }
        double mean = a / (a + b);
        double variance = a * b / ((a + b) * (a + b) * (a + b + 1));
        assertEquals(mean, sum / draws, 4 * Math.sqrt(variance / draws));
        assertEquals(variance, sumSquares / draws - (sum / draws) * (sum / draws), 0.02 * variance);
    }

    @Test
    void millionsOfVisitorsStayFiniteAndMatchTheNormalApproximation() {
        Variant a = new Variant("A", 10_000_000, 1_000_000);
        Variant b = new Variant("B", 10_000_000, 1_001_000);
        double p = Bayesian.probabilityBetter(a, b);
        // Posterior sds are sqrt(p(1-p)/n) to 1e-7; the difference is +0.0001 over an sd of 1.342e-4.
        double sd = Math.sqrt(0.1 * 0.9 / 1e7 + 0.1001 * 0.8999 / 1e7);
        assertEquals(1 - Distributions.normalUpperTail(0.0001 / sd), p, 1e-3);
        assertTrue(Bayesian.expectedLossChoosing(b, a) > 0 && Bayesian.expectedLossChoosing(b, a) < 1e-4);
    }

    @Test
    void theThirdFormOfTheSumAgreesWithTheFirst() {
        // Summing over alpha_B, alpha_A or the betas must give the same probability: 3 of 40 against 9 of 41 sums
        // over alpha_A = 4; 37 of 40 against 32 of 41 sums over a beta.
        double direct = Bayesian.probabilityGreater(4, 38, 10, 33);
        double complementOfSwapped = 1 - Bayesian.probabilityGreater(10, 33, 4, 38);
        assertEquals(direct, complementOfSwapped, 1e-13);
        double mirrored = Bayesian.probabilityGreater(38, 4, 33, 10);
        assertEquals(1 - direct, mirrored, 1e-13, "P(1 - X > 1 - Y) = P(Y < X)");
    }

    @Test
    void threeVariantsBySeededDrawsAgreeWithTheExactPairWhenTheThirdIsHopeless() {
        Variant a = new Variant("A", 1000, 100);
        Variant b = new Variant("B", 1000, 115);
        Variant hopeless = new Variant("C", 1000, 0);
        Bayesian.Ranking ranking = Bayesian.rank(List.of(a, b, hopeless), 200_000, 11);
        assertTrue(ranking.simulated());
        assertEquals(1, ranking.chanceToBeBest()[0] + ranking.chanceToBeBest()[1] + ranking.chanceToBeBest()[2], 1e-12);
        assertEquals(0, ranking.chanceToBeBest()[2]);
        double exact = Bayesian.probabilityBetter(a, b);
        assertEquals(exact, ranking.chanceToBeBest()[1], 4 * Math.sqrt(exact * (1 - exact) / 200_000));
        // With C never best, the loss of choosing B is E[max(p_A - p_B, 0)] exactly; 3% is about four Monte Carlo
        // standard errors of that loss (its draws spread about 0.003 around 0.0009) at 200,000 draws.
        assertEquals(Bayesian.expectedLossChoosing(b, a), ranking.expectedLoss()[1],
                0.03 * Bayesian.expectedLossChoosing(b, a));
        Bayesian.Ranking again = Bayesian.rank(List.of(a, b, hopeless), 200_000, 11);
        assertArrayEquals(ranking.chanceToBeBest(), again.chanceToBeBest(), "the same seed, the same draws");
        Bayesian.Ranking other = Bayesian.rank(List.of(a, b, hopeless), 200_000, 12);
        assertFalse(ranking.chanceToBeBest()[1] == other.chanceToBeBest()[1], "another seed, other draws");
    }

    @Test
    void twoVariantsAreRankedExactly() {
        Variant a = new Variant("A", 1000, 100);
        Variant b = new Variant("B", 1000, 130);
        Bayesian.Ranking ranking = Bayesian.rank(List.of(a, b), 10, 1);
        assertFalse(ranking.simulated());
        assertEquals(Bayesian.probabilityBetter(a, b), ranking.chanceToBeBest()[1], 0);
        assertEquals(1 - Bayesian.probabilityBetter(a, b), ranking.chanceToBeBest()[0], 0);
        assertEquals(Bayesian.expectedLossChoosing(a, b), ranking.expectedLoss()[0], 0);
    }
}
