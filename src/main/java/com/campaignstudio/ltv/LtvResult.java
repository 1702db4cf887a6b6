package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;

import java.util.List;

/**
 * What a lifetime-value run found.
 *
 * @param summary        the customers' histories
 * @param bgNbd          the fitted purchase model
 * @param gammaGamma     the fitted spend model, or null when no customer bought twice
 * @param settings       the run's settings
 * @param probabilityAlive per customer
 * @param expectedPurchases per customer, in the horizon
 * @param clv            per customer, discounted, over the horizon
 * @param byPlatform     CLV by acquisition platform
 * @param aliveMap       P(alive) by frequency (rows, x = 0..) and recency (columns, t_x from 0 to T in
 *                       equal steps) for a customer as old as the oldest
 * @param check          predicted against actual in the hold-out period, or null without one
 * @param notes          what the user should know (fit problems, customers left out)
 */
public record LtvResult(CustomerSummary summary, FittedModel bgNbd, FittedModel gammaGamma, LtvSettings settings,
                        float[] probabilityAlive, float[] expectedPurchases, float[] clv, List<GroupValue> byPlatform,
                        double[][] aliveMap, double aliveMapT, ModelCheck check, List<Reason> notes) {

    /** This result with CLV by platform replaced by {@code groups} (the same groups with their intervals). */
    public LtvResult withPlatformIntervals(List<GroupValue> groups) {
        return new LtvResult(summary, bgNbd, gammaGamma, settings, probabilityAlive, expectedPurchases, clv, groups,
                aliveMap, aliveMapT, check, notes);
    }

    /**
     * CLV of a group, with an interval from the parameters' uncertainty (parametric bootstrap); NaN bounds
     * until intervals are computed.
     */
    public record GroupValue(String group, long customers, double meanClv, double totalClv, double low, double high) {
        public GroupValue withInterval(double newLow, double newHigh) {
            return new GroupValue(group, customers, meanClv, totalClv, newLow, newHigh);
        }
    }

    /**
     * The hold-out check.
     *
     * @param weeks             calendar periods from the first purchase in the data
     * @param actualCumulative  actual cumulative repeat purchases, per period
     * @param predictedCumulative predicted, per period
     * @param calibrationPeriods how many of the periods are calibration
     * @param byFrequency       per calibration frequency x (0..7, the last meaning 7 or more), the mean actual
     *                          and predicted purchases in the hold-out
     * @param predictedHoldout  predicted repeat purchases in the hold-out, all customers
     * @param actualHoldout     actual ones
     */
    public record ModelCheck(double[] weeks, double[] actualCumulative, double[] predictedCumulative,
                             int calibrationPeriods, List<FrequencyCheck> byFrequency, double predictedHoldout,
                             double actualHoldout) {

        /** |predicted - actual| / actual in the hold-out. */
        public double holdoutError() {
            return actualHoldout == 0 ? Double.NaN : Math.abs(predictedHoldout - actualHoldout) / actualHoldout;
        }
    }

    public record FrequencyCheck(int x, long customers, double actualMean, double predictedMean) {
    }
}
