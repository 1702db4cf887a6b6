package com.campaignstudio.segments;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the project knows about each follower of a population, one array per fact (a million followers
 * take tens of megabytes, not hundreds). Row {@code i} of every array is the follower {@code ids[i]}.
 *
 * @param ids           follower ids, ascending
 * @param platforms     each follower's platform code
 * @param asOf          the end of the window (exclusive); recency and tenure are measured to it
 * @param tenureDays    days from following to {@code asOf}; NaN when the follow date is unknown
 * @param recencyDays   days from the last interaction or order to {@code asOf}; NaN when there was none
 *                      and the follow date is unknown
 * @param interactions  engagement events other than views and watch minutes
 * @param orders        paid orders
 * @param monetary      total paid
 * @param kindCounts    per engagement kind of {@link #KINDS}, the count of events
 */
public record FollowerFacts(long[] ids, String[] platforms, LocalDateTime asOf, double[] tenureDays,
                            double[] recencyDays, long[] interactions, long[] orders, double[] monetary,
                            Map<String, long[]> kindCounts) {

    /** The engagement kinds that features count; other kinds count only as interactions. */
    public static final List<String> KINDS = java.util.Arrays.stream(Feature.values())
            .map(Feature::engagementKind).filter(java.util.Objects::nonNull).toList();

    public int size() {
        return ids.length;
    }

    /** The raw value of a numeric feature for row {@code i}. */
    public double value(Feature feature, int i) {
        return switch (feature) {
            case RECENCY_DAYS -> recencyDays[i];
            case TENURE_DAYS -> tenureDays[i];
            case INTERACTIONS -> interactions[i];
            case ORDERS -> orders[i];
            case MONETARY -> monetary[i];
            case PLATFORM -> throw new IllegalArgumentException("platform is categorical");
            default -> kindCounts.get(feature.engagementKind())[i];
        };
    }

    public boolean isBuyer(int i) {
        return orders[i] > 0;
    }
}
