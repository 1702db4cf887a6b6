package com.campaignstudio.ltv;

import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.work.TaskContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CLV compared across the segments of a saved segmentation: each customer counts in the segment of the
 * follower their orders are linked to; customers without a linked follower, or whose follower the
 * segmentation left out, count in none.
 *
 * @param segmentation the segmentation's name
 * @param groups       mean CLV per segment (named as in the segmentation) with 90% intervals
 * @param outside      customers in no segment
 */
public record ClvBySegment(String segmentation, List<LtvResult.GroupValue> groups, long outside) {

    public static ClvBySegment of(LtvResult result, Segmentation segmentation, long seed, TaskContext context) {
        List<String> names = segmentation.profiles().stream().map(profile -> profile.name()).toList();
        String[] labels = new String[names.size()];
        for (int k = 0; k < labels.length; k++) {
            // Segments renamed alike stay apart.
            labels[k] = java.util.Collections.frequency(names, names.get(k)) == 1 ? names.get(k)
                    : names.get(k) + " (" + (k + 1) + ")";
        }
        Map<Long, String> segmentOf = new HashMap<>();
        for (int i = 0; i < segmentation.followerIds().length; i++) {
            segmentOf.put(segmentation.followerIds()[i], labels[segmentation.segment()[i]]);
        }
        CustomerSummary summary = result.summary();
        String[] groupOf = new String[summary.size()];
        long outside = 0;
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = segmentOf.get(summary.followerIds()[i]);
            if (groupOf[i] == null) {
                outside++;
            }
        }
        List<LtvResult.GroupValue> groups = LtvModel.meanClvBy(groupOf, result.clv());
        return new ClvBySegment(segmentation.settings().name(), ClvIntervals.of(result, groups, groupOf, seed, context),
                outside);
    }
}
