package com.campaignstudio.experiments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The special functions against exact values and published table values. */
class DistributionsTest {

    @Test
    void logGammaMatchesFactorialsAndTheHalfIntegers() {
        assertEquals(Math.log(Math.sqrt(Math.PI)), Distributions.logGamma(0.5), 1e-14);
        assertEquals(0, Distributions.logGamma(1), 1e-14);
        assertEquals(0, Distributions.logGamma(2), 1e-14);
        double logFactorial = 0;
        for (int n = 2; n <= 170; n++) {
            logFactorial += Math.log(n - 1);
            assertEquals(logFactorial, Distributions.logGamma(n), 1e-13 * Math.max(1, logFactorial), "ln Γ(" + n + ")");
        }
        // Γ(3.5) = 15 sqrt(pi) / 8.
        assertEquals(Math.log(15 * Math.sqrt(Math.PI) / 8), Distributions.logGamma(3.5), 1e-14);
    }

    @Test
    void logGammaOfALargeArgumentFollowsStirling() {
        // ln Γ(x) - ((x - 1/2) ln x - x + ln(2 pi)/2) -> 1/(12x) for large x; at 1e6 the next term is 1e-20.
        double x = 1e6;
        double stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
        assertEquals(stirling, Distributions.logGamma(x), 1e-15 * stirling);
    }

    /** Reference values from mpmath at 30 digits (erfc). */
    @ParameterizedTest(name = "P(Z > {0}) = {1}")
    @CsvSource(textBlock = """
            0,      0.5
            1.96,   0.024997895148220435
            -1.96,  0.975002104851779565
            3,      0.0013498980316300946
            6,      9.865876450376981e-10
            10,     7.619853024160526e-24
            """)
    void normalTailsKeepTheirDigitsFarOut(double z, double tail) {
        assertEquals(tail, Distributions.normalUpperTail(z), 1e-12 * tail);
    }

    /** Reference values from mpmath at 40 digits (the inverse error function). */
    @ParameterizedTest(name = "the z with P(Z > z) = {0} is {1}")
    @CsvSource(textBlock = """
            0.025,  1.959963984540054
            0.2,    0.8416212335729142
            0.1,    1.2815515655446004
            0.975,  -1.959963984540054
            1e-10,  6.361340902404056
            """)
    void normalQuantilesInvertTheTail(double q, double z) {
        assertEquals(z, Distributions.normalUpperQuantile(q), 1e-9);
    }

    /** The critical values of a chi-square table, to 16 digits. */
    @ParameterizedTest(name = "chi-square {0} with {1} degrees of freedom: tail {2}")
    @CsvSource(textBlock = """
            3.841458820694124,  1,  0.05
            6.634896601021214,  1,  0.01
            5.991464547107979,  2,  0.05
            13.815510557964274, 2,  0.001
            7.814727903251178,  3,  0.05
            """)
    void chiSquareTailsAtTheTablesCriticalValues(double x, int degrees, double tail) {
        assertEquals(tail, Distributions.chiSquareUpperTail(x, degrees), 1e-12);
    }

    @Test
    void logGammaRefusesWhatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> Distributions.logGamma(0));
        assertThrows(IllegalArgumentException.class, () -> Distributions.logGamma(Double.NaN));
    }
}
