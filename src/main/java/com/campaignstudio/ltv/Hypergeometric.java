package com.campaignstudio.ltv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its power series summed until the
 * terms stop mattering. For z above one half the series is first transformed with Pfaff's identity
 * 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1)), whose argument is then at most one in size
 * and alternates, so that it converges in hundreds rather than many thousands of terms.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 200_000;
    private static final double EPSILON = 1e-15;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 is computed for 0 <= z < 1, not " + z);
        }
        if (z <= 0.5) {
            return series(a, b, c, z);
        }
        return Math.pow(1 - z, -a) * series(a, c - b, c, z / (z - 1));
    }

    /** The power series; converges for |z| < 1 (slowly as |z| approaches 1). */
    static double series(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
