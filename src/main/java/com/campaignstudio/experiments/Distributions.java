package com.campaignstudio.experiments;

/**
 * The few special functions the experiment statistics need, written out so that their accuracy is known and
 * tested here: log-gamma (Stirling's series after shifting the argument to 15 or more, good to about 1e-15), the
 * regularised incomplete gamma function (series or Lentz's continued fraction, Numerical Recipes 6.2), and from it
 * the normal tail (via erfc), its inverse (Abramowitz and Stegun 26.2.23 refined by Newton steps) and the
 * chi-square tail. Tails are computed directly, not as one minus a probability, so that a p-value of 1e-12 keeps
 * its digits.
 */
final class Distributions {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double EPSILON = 1e-16;
    private static final int MAX_ITERATIONS = 10_000;

    private Distributions() {
    }

    /** ln Γ(x) for x > 0. */
    static double logGamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("log-gamma needs a finite positive argument, not " + x);
        }
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared * (1.0 / 1260
                - inverseSquared * (1.0 / 1680 - inverseSquared / 1188))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
    }

    /** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b). */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), the upper regularised incomplete gamma function, for a > 0 and x >= 0. */
    static double upperGamma(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
    }

    /** P(a, x) by its series, for x < a + 1. */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1. */
    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** P(Z > z) for a standard normal Z. */
    static double normalUpperTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double half = 0.5 * upperGamma(0.5, z * z / 2);
        return z >= 0 ? half : 1 - half;
    }

    /** The standard normal density. */
    static double normalDensity(double z) {
        return Math.exp(-z * z / 2 - HALF_LOG_TWO_PI);
    }

    /** The z with P(Z > z) = q, for 0 < q < 1. */
    static double normalUpperQuantile(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("a tail probability is between 0 and 1, not " + q);
        }
        if (q > 0.5) {
            return -normalUpperQuantile(1 - q);
        }
        // Abramowitz and Stegun 26.2.23 (error below 4.5e-4), then Newton steps on the exact tail.
        double t = Math.sqrt(-2 * Math.log(q));
        double z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
        for (int i = 0; i < 4; i++) {
            z += (normalUpperTail(z) - q) / normalDensity(z);
        }
        return z;
    }

    /** P(X > x) for X chi-square with {@code degrees} degrees of freedom. */
    static double chiSquareUpperTail(double x, int degrees) {
        return upperGamma(degrees / 2.0, x / 2);
    }
}
