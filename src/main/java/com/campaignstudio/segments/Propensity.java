package com.campaignstudio.segments;

import java.time.LocalDate;
import java.util.List;

/**
 * Purchase propensity: each member's probability of buying within the horizon, and how well the model
 * that gave it did on followers it had not seen.
 *
 * @param summary the model and its hold-out quality
 * @param scores  one probability per member of the segmentation, in member order
 */
public record Propensity(Summary summary, float[] scores) {

    /** The profiles of {@code segmentation} (whose members these scores are) with each segment's mean score. */
    public List<SegmentProfile> profilesWithMeans(Segmentation segmentation) {
        double[] sum = new double[segmentation.k()];
        long[] count = new long[segmentation.k()];
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isNaN(scores[i])) {
                sum[segmentation.segment()[i]] += scores[i];
                count[segmentation.segment()[i]]++;
            }
        }
        return segmentation.profiles().stream().map(p -> new SegmentProfile(p.number(), p.name(), p.potential(),
                p.size(), p.share(), p.rawMeans(), p.standardisedMeans(), p.revenueShare(), p.buyerShare(),
                p.revenuePerMember(), p.meanEngagement(), p.activityIndex(),
                count[p.number()] == 0 ? Double.NaN : sum[p.number()] / count[p.number()])).toList();
    }

    /**
     * @param horizonDays      "buys within N days"
     * @param cutoff           features describe followers up to this day (exclusive); labels are orders in the
     *                         N days from it
     * @param trainingRows     followers the models were fitted on
     * @param holdOutRows      followers they were tested on
     * @param positiveShare    share of those followers who bought within the horizon
     * @param forestAuc        hold-out AUC of the random forest
     * @param logisticAuc      hold-out AUC of logistic regression (the baseline)
     * @param model            "forest" or "logistic": the one with the higher AUC, which gave the scores
     * @param gains            cumulative gains of that model on the hold-out set, by tenth of followers
     * @param importance       the forest's feature importance, summing to 1
     */
    public record Summary(int horizonDays, LocalDate cutoff, long trainingRows, long holdOutRows, double positiveShare,
                          double forestAuc, double logisticAuc, String model, List<Gain> gains,
                          List<Importance> importance) {
    }

    /** Of the followers ranked by score, the top {@code fraction} hold {@code captured} of the buyers. */
    public record Gain(double fraction, double captured) {
        public double lift() {
            return fraction == 0 ? 0 : captured / fraction;
        }
    }

    public record Importance(String feature, double share) {
    }
}
