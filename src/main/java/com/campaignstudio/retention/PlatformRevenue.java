package com.campaignstudio.retention;

import com.campaignstudio.snapshot.Label;

import java.util.List;

/**
 * Revenue retention of the people acquired on one platform (where their cohort event happened: the first paid
 * order's platform, or the platform they followed on), with periods counted from each person's own cohort.
 *
 * @param platform the platform
 * @param members  people acquired on it
 * @param points   per offset, the cumulative revenue per member over the members whose cohort is old enough to
 *                 have reached that offset (younger ones are not yet observed there and are left out)
 */
public record PlatformRevenue(Label platform, long members, List<Point> points) {

    public PlatformRevenue {
        points = List.copyOf(points);
    }

    /** Cumulative revenue per member {@code offset} periods after the cohort's own, over {@code observed} members. */
    public record Point(int offset, long observed, double revenuePerMember) {
    }
}
