package com.campaignstudio.segments;

import java.util.List;

/**
 * What one segment looks like.
 *
 * @param number            0 = the most valuable segment
 * @param name              the user's name for it (a default until renamed)
 * @param potential         high / medium / low, by revenue per member against the other segments
 * @param size              members
 * @param share             members / population
 * @param rawMeans          per matrix column, the mean untransformed value (for platform columns, the share)
 * @param standardisedMeans per matrix column, the mean in the matrix's space (0 = the population's mean)
 * @param revenueShare      the segment's revenue / the population's revenue
 * @param buyerShare        members with a paid order / members
 * @param revenuePerMember  revenue / members
 * @param meanEngagement    mean engagement score U
 * @param activityIndex     the community activity index I_k
 * @param meanPropensity    mean purchase propensity, NaN when none was computed
 */
public record SegmentProfile(int number, String name, Potential potential, long size, double share,
                             List<Double> rawMeans, List<Double> standardisedMeans, double revenueShare,
                             double buyerShare, double revenuePerMember, double meanEngagement, double activityIndex,
                             double meanPropensity) {

    public SegmentProfile renamed(String newName) {
        return new SegmentProfile(number, newName, potential, size, share, rawMeans, standardisedMeans, revenueShare,
                buyerShare, revenuePerMember, meanEngagement, activityIndex, meanPropensity);
    }
}
