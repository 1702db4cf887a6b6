package com.campaignstudio.drivers;

/**
 * One coefficient of a fitted regression, in the input's own unit (per view, per click, for a level against the
 * reference), with its Wald 95% interval, and its effect per {@link #unit} as the plain sentence states it.
 *
 * @param input         the input
 * @param level         the level against the reference, for a categorical input; null for a numeric one
 * @param estimate      the coefficient (log-odds per unit for logistic, outcome per unit for linear)
 * @param standardError its standard error (inverse Fisher information for logistic, classical for linear)
 * @param low           lower end of the 95% interval
 * @param high          upper end of the 95% interval
 * @param pValue        two-sided p-value of "no link" (Wald z for logistic, t for linear)
 * @param vif           variance inflation factor of the column
 * @param unit          the step the sentence speaks of (a round number near the input's standard deviation); 1 for
 *                      a level
 * @param effect        the change per unit: the odds ratio for logistic, the change in orders for linear
 * @param effectLow     lower end of the effect's 95% interval
 * @param effectHigh    upper end of the effect's 95% interval
 * @param pointsAtMean  logistic only: the change in the probability of buying, as a fraction, when the input moves by
 *                      one unit from the average follower (a level against the reference, the rest at the average);
 *                      NaN for linear
 * @param pointsLow     logistic only: the same change with the coefficient at the low end of its interval
 * @param pointsHigh    logistic only: the same change with the coefficient at the high end of its interval
 */
public record Term(DriverInput input, String level, double estimate, double standardError, double low, double high,
                   double pValue, double vif, double unit, double effect, double effectLow, double effectHigh,
                   double pointsAtMean, double pointsLow, double pointsHigh) {

    /** Whether the 95% interval leaves out "no link" (zero). */
    public boolean clear() {
        return low > 0 || high < 0;
    }
}
