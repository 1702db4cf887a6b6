package com.campaignstudio.ltv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1. Near z = 1 the power series converges
 * slowly when c - a - b is negative (its terms fall like k^(c-a-b-1) z^k), so there Euler's transformation
 * 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z) is summed instead, whose terms fall like
 * k^(a+b-c-1) z^k. {@link #timesPower} multiplies by a power of (1 - z) with the two powers folded into one, so
 * that large exponents (a fit that drifts to a = 10^7) neither overflow nor meet an underflow as 0 * infinity.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;
    private static final double EPSILON = 1e-15;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        check(z);
        if (z <= 0.5 || c - a - b >= 0) {
            return series(a, b, c, z);
        }
        return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
    }

    /** (1 - z)^power * 2F1(a, b; c; z), summed the way that converges fastest. */
    public static double timesPower(double power, double a, double b, double c, double z) {
        check(z);
        if (z <= 0.5 || c - a - b >= 0) {
            return Math.pow(1 - z, power) * series(a, b, c, z);
        }
        return Math.pow(1 - z, power + c - a - b) * series(c - a, c - b, c, z);
    }

    /** The power series; converges for |z| < 1. */
    static double series(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum) && k > 2) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }

    private static void check(double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is computed for 0 <= z < 1, not " + z);
        }
    }
}
