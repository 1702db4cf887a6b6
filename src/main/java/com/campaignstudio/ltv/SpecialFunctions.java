package com.campaignstudio.ltv;

import smile.math.special.Gamma;

/**
 * Smile's log-gamma and digamma, fenced: Smile's implementations recurse on their argument, and on NaN or an
 * infinity they recurse until the stack overflows (a StackOverflowError killed a fit on a real cohort when a line
 * search stepped to an overflowing parameter). Outside the domain the models use (finite and positive) these
 * return NaN at once, which the fits treat as a wall.
 */
final class SpecialFunctions {

    private SpecialFunctions() {
    }

    static double lgamma(double x) {
        return x > 0 && x < Double.POSITIVE_INFINITY ? Gamma.lgamma(x) : Double.NaN;
    }

    static double digamma(double x) {
        return x > 0 && x < Double.POSITIVE_INFINITY ? Gamma.digamma(x) : Double.NaN;
    }
}
