package com.campaignstudio.ltv;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LTV formulas against published worked values (domain.md section 5; the list). */
class FormulasTest {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void hypergeometricFunctionMatchesClosedForms() {
        for (double z : new double[]{0, 0.1, 0.5, 0.7, 0.9, 0.99, 0.999}) {
            double expected = z == 0 ? 1 : -Math.log(1 - z) / z;
            assertEquals(expected, Hypergeometric.f21(1, 1, 2, z), 1e-10 * Math.max(1, expected), "2F1(1,1;2;" + z + ")");
            assertEquals(Math.pow(1 - z, -2.5), Hypergeometric.f21(2.5, 3, 3, z), 1e-9 * Math.pow(1 - z, -2.5));
        }
        for (double s : new double[]{0.2, 0.6, 0.95}) {
            assertEquals(Math.asin(s) / s, Hypergeometric.f21(0.5, 0.5, 1.5, s * s), 1e-12, "arcsin");
        }
        // A value from Abramowitz and Stegun 15.1.8 with a non-integer exponent: (1-z)^-a.
        assertEquals(Math.pow(1 - 0.8, -0.3), Hypergeometric.f21(0.3, 7, 7, 0.8), 1e-12);
    }

    @Test
    void aPowerTimesTheHypergeometricFunctionIsTheProductAndStaysFiniteForHugeParameters() {
        for (double z : new double[]{0.1, 0.5, 0.7, 0.99}) {
            // Both branches: c - a - b >= 0 sums directly, c - a - b < 0 through Euler's transformation.
            assertEquals(Math.pow(1 - z, 1.7) * Hypergeometric.f21(1, 1, 2, z), Hypergeometric.timesPower(1.7, 1, 1, 2, z), 1e-12);
            assertEquals(Math.pow(1 - z, 0.4) * Hypergeometric.f21(2.5, 3, 3, z), Hypergeometric.timesPower(0.4, 2.5, 3, 3, z),
                    1e-9 * Hypergeometric.f21(2.5, 3, 3, z));
        }
        // A fit that drifted to a = 10^7, b = 10^6 (one dropout probability for everyone, 0.909): the two powers
        // of (1 - z) underflow and overflow apart; folded, E[Y] is finite and matches a = 10^6, b = 10^5.
        BgNbd drifted = new BgNbd(0.0042, 4.11, 9.77e6, 9.70e5);
        BgNbd lessFar = new BgNbd(0.0042, 4.11, 9.77e5, 9.70e4);
        double far = drifted.expectedPurchasesIfAlive(52, 0, 238);
        assertTrue(Double.isFinite(far) && far > 0, "E[Y] " + far);
        assertEquals(lessFar.expectedPurchasesIfAlive(52, 0, 238), far, 1e-3 * far);
        assertTrue(Double.isFinite(drifted.expectedPurchasesOfNewCustomer(52)));
    }

    @Test
    void expectedPurchasesOfANewCustomerMatchThePaper() {
        double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            // The paper's table comes from its unrounded estimates; with the published three-decimal
            // parameters the values agree to 0.3% (the two formulas below agree with each other to 1e-9).
            double closedForm = CDNOW.expectedPurchasesOfNewCustomer(t[i]);
            assertEquals(expected[i], closedForm, 0.003 * expected[i] + 5e-5, "E[X(" + t[i] + ")] (printed to 4 decimals)");
            double byCounts = 0;
            for (int x = 1; x < 3000; x++) {
                byCounts += x * CDNOW.probabilityOfCount(t[i], x);
            }
            assertEquals(byCounts, closedForm, 1e-9, "E[X(t)] equals the mean of P(X(t) = x)");
        }
    }

    @Test
    void conditionalExpectationAndCountProbabilityMatchThePaper() {
        assertEquals(1.226, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 5e-4);
        assertEquals(0.5737864, CDNOW.probabilityOfCount(39, 0), 1e-7);
        double total = 0;
        for (int x = 0; x < 200; x++) {
            total += CDNOW.probabilityOfCount(39, x);
        }
        assertEquals(1, total, 1e-6, "the count probabilities sum to one");
    }

    @Test
    void probabilityAliveFollowsItsFormula() {
        assertEquals(1, CDNOW.probabilityAlive(0, 0, 30), 0);
        double expected = 1 / (1 + 0.793 / (2.426 + 2 - 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2));
        assertEquals(expected, CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-12);
        assertEquals(CDNOW.probabilityAlive(5, 38.86, 38.86), 1 / (1 + 0.793 / 6.426), 1e-12,
                "bought today: alive unless dropped at that purchase");
    }

    @Test
    void largeHistoriesNeitherOverflowNorLoseTheirWay() {
        double e = CDNOW.expectedPurchases(52, 150, 100, 101);
        assertEquals(true, Double.isFinite(e) && e > 0, "E[Y] " + e);
        double ll = CDNOW.logLikelihood(300, 200, 205);
        assertEquals(true, Double.isFinite(ll), "log-likelihood " + ll);
    }

    @Test
    void gammaGammaShrinksAnObservedMeanTowardsThePopulationMean() {
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        double population = 6.25 * 15.44 / 2.74;
        assertEquals(population, spend.populationMean(), 1e-12);
        double x = 2;
        double m = 50;
        double weight = 6.25 * x / (6.25 * x + 3.74 - 1);
        assertEquals((1 - weight) * population + weight * m, spend.expectedOrderValue(x, m), 1e-9);
    }

    @Test
    void shiftedBetaGeometricFittedToThePapersHighEndSurvivalGivesItsParameters() {
        long[] alive = {1000, 869, 743, 653, 593, 551, 517, 491};
        ShiftedBetaGeometric highEnd = SbgFit.fit(alive);
        assertEquals(0.668, highEnd.alpha(), 5e-4);
        assertEquals(3.806, highEnd.beta(), 5e-3);
        assertEquals(highEnd.survival(3) / highEnd.survival(2), highEnd.retentionRate(3), 1e-12);
        assertEquals(1 - 0.668 / (0.668 + 3.806), new ShiftedBetaGeometric(0.668, 3.806).survival(1), 1e-12);
    }

    @Test
    void renewalsWithoutSpreadBetweenSubscribersAreRecognisedAsGeometricChurn() {
        // 2,000 subscribers who all renew with probability 0.8: the sBG fit runs alpha and beta up together.
        long[] geometric = new long[9];
        for (int t = 0; t < geometric.length; t++) {
            geometric[t] = Math.round(2000 * Math.pow(0.8, t));
        }
        ShiftedBetaGeometric constant = SbgFit.fit(geometric);
        assertTrue(constant.sameForEveryone(), "spread " + constant.churnSpread());
        assertEquals(0.8, constant.retentionRate(1), 0.005);
        assertEquals(0.8, constant.retentionRate(8), 0.005);
        ShiftedBetaGeometric highEnd = SbgFit.fit(new long[]{1000, 869, 743, 653, 593, 551, 517, 491});
        assertFalse(highEnd.sameForEveryone(), "the paper's High End customers differ: spread " + highEnd.churnSpread());
    }

    @Test
    void theFittersLikelihoodAndGradientAgreeWithTheModel() {
        Repeats data = Repeats.collapse(new int[]{0, 0, 2, 5, 1, 0}, new double[]{0, 0, 30.43, 20, 3, 0},
                new double[]{10, 10, 38.86, 52, 4, 70});
        double[] theta = {0.243, 4.414, 0.793, 2.426};
        double[] gradient = new double[4];
        double value = BgNbdFit.negativeLogLikelihood(data, theta, gradient, 0);
        double expected = 0;
        for (int i = 0; i < data.size(); i++) {
            expected -= data.weight()[i] * CDNOW.logLikelihood(data.x()[i], data.tx()[i], data.T()[i]);
        }
        assertEquals(expected, value, 1e-9);
        for (int k = 0; k < 4; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            double numeric = (BgNbdFit.negativeLogLikelihood(data, plus, new double[4], 0)
                    - BgNbdFit.negativeLogLikelihood(data, minus, new double[4], 0)) / 2e-6;
            assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "d/d theta " + k);
        }
        double[] spendGradient = new double[3];
        double[] spend = {3, 4, 300};
        int[] x = {1, 2, 5, 2};
        double[] m = {250, 410.5, 180, 95};
        GammaGammaFit.Spends spends = GammaGammaFit.Spends.of(x, m);
        double spendValue = GammaGammaFit.negativeLogLikelihood(spends, spend, spendGradient, 0);
        GammaGamma model = new GammaGamma(spend[0], spend[1], spend[2]);
        double spendExpected = 0;
        for (int i = 0; i < x.length; i++) {
            spendExpected -= model.logLikelihood(x[i], m[i]);
        }
        assertEquals(spendExpected, spendValue, 1e-9);
        for (int k = 0; k < 3; k++) {
            double step = 1e-6 * spend[k];
            double[] plus = spend.clone();
            double[] minus = spend.clone();
            plus[k] += step;
            minus[k] -= step;
            double numeric = (GammaGammaFit.negativeLogLikelihood(spends, plus, new double[3], 0)
                    - GammaGammaFit.negativeLogLikelihood(spends, minus, new double[3], 0)) / (2 * step);
            assertEquals(numeric, spendGradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "Gamma-Gamma d/d theta " + k);
        }
    }

    /**
     * The fitters' ridge penalty adds penalty * |theta|^2 to -LL and 2 * penalty * theta to its gradient (it keeps
     * parameters the data do not pin down from running away).
     */
    @Test
    void thePenaltyAddsItsSquareToTheLikelihoodAndItsSlopeToTheGradient() {
        Repeats data = Repeats.collapse(new int[]{0, 2, 5}, new double[]{0, 30.43, 20}, new double[]{10, 38.86, 52});
        double[] theta = {0.243, 4.414, 0.793, 2.426};
        double[] free = new double[4];
        double[] penalised = new double[4];
        double base = BgNbdFit.negativeLogLikelihood(data, theta, free, 0);
        double square = Arrays.stream(theta).map(t -> t * t).sum();
        assertEquals(base + 0.5 * square, BgNbdFit.negativeLogLikelihood(data, theta, penalised, 0.5), 1e-9);
        for (int k = 0; k < 4; k++) {
            assertEquals(free[k] + theta[k], penalised[k], 1e-9, "BG/NBD d/d theta " + k);
        }
        GammaGammaFit.Spends spends = GammaGammaFit.Spends.of(new int[]{1, 3}, new double[]{40, 75});
        double[] spend = {3, 4, 60};
        double[] spendFree = new double[3];
        double[] spendPenalised = new double[3];
        double spendBase = GammaGammaFit.negativeLogLikelihood(spends, spend, spendFree, 0);
        assertEquals(spendBase + 0.25 * (9 + 16 + 3600),
                GammaGammaFit.negativeLogLikelihood(spends, spend, spendPenalised, 0.25), 1e-9);
        for (int k = 0; k < 3; k++) {
            assertEquals(spendFree[k] + 0.5 * spend[k], spendPenalised[k], 1e-9, "Gamma-Gamma d/d theta " + k);
        }
    }

    /**
     * Gamma-Gamma's density of a customer's mean order value m over x orders, checked against its definition:
     * the x orders are gamma(p, nu) so their mean is gamma(p x, nu x), and nu is gamma(q, gamma) across customers;
     * integrating nu out numerically must give the closed form.
     */
    @Test
    void gammaGammaLikelihoodIsTheMixtureOfGammasIntegratedOverCustomers() {
        GammaGamma model = new GammaGamma(3, 4, 60);
        for (double[] xm : new double[][]{{1, 40}, {3, 75}, {6, 20}}) {
            double x = xm[0];
            double m = xm[1];
            double integral = 0;
            int steps = 200_000;
            double top = 5;
            double h = top / steps;
            for (int k = 1; k < steps; k++) {
                double nu = k * h;
                double weight = k % 2 == 0 ? 2 : 4;
                integral += weight * Math.exp(gammaLogDensity(m, 3 * x, nu * x) + gammaLogDensity(nu, 4, 60));
            }
            integral *= h / 3;
            assertEquals(Math.log(integral), model.logLikelihood(x, m), 1e-6, "x " + x + ", m " + m);
        }
    }

    private static double gammaLogDensity(double value, double shape, double rate) {
        return shape * Math.log(rate) - SpecialFunctions.lgamma(shape) + (shape - 1) * Math.log(value) - rate * value;
    }

    @Test
    void theStartingPointsRaceOnEveryKthSpender() {
        GammaGammaFit.Spends spends = GammaGammaFit.Spends.of(new int[]{1, 2, 3, 4, 5, 6, 7}, new double[]{10, 20, 30, 40,
                50, 60, 70});
        GammaGammaFit.Spends third = spends.everyNth(3);
        assertArrayEquals(new int[]{1, 4, 7}, third.x());
        assertArrayEquals(new double[]{10, 40, 70}, third.m(), 0);
        assertArrayEquals(new double[]{Math.log(10), Math.log(40), Math.log(70)}, third.lnM(), 1e-15);
        assertEquals(7, third.maxX());
        assertEquals(4, spends.everyNth(2).size());
    }
}
