package com.campaignstudio.retention;

import java.util.List;
import java.util.Optional;

/**
 * The live-commerce ratio per person: the longest run of consecutive active days / all active days (active on 60
 * days, 30 of them in a row at best: 50%). A single active day is trivially 100%, so people with one day are
 * counted apart and the distribution is over people with two or more.
 *
 * @param people    people with two or more active days
 * @param singleDay people with exactly one active day
 * @param bins      ten bins of 10 points each: [0, 10%), [10%, 20%) ... [90%, 100%], counting people
 * @param mean      the mean ratio, empty when there is nobody
 * @param median    the median ratio, empty when there is nobody
 */
public record StreakRatios(long people, long singleDay, List<Long> bins, Optional<Double> mean,
                           Optional<Double> median) {

    public StreakRatios {
        bins = List.copyOf(bins);
    }

    /** The ratio of one person: their longest run of consecutive active days over their active days. */
    public static double ratio(int longestRun, int activeDays) {
        if (activeDays <= 0 || longestRun <= 0 || longestRun > activeDays) {
            throw new IllegalArgumentException(longestRun + " consecutive of " + activeDays + " active days");
        }
        return (double) longestRun / activeDays;
    }
}
