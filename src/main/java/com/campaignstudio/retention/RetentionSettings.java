package com.campaignstudio.retention;

import com.campaignstudio.snapshot.Period;

/**
 * What a retention table shows.
 *
 * @param cohort     first purchase or follow
 * @param period     weeks or months
 * @param activity   what counts as active
 * @param maxCohorts the most recent cohorts to show (0: all)
 * @param maxPeriods the periods after the cohort's own to show, counting the cohort's own (0: all)
 */
public record RetentionSettings(CohortBasis cohort, Period period, Activity activity, int maxCohorts, int maxPeriods) {

    public RetentionSettings {
        if (maxCohorts < 0 || maxPeriods < 0) {
            throw new IllegalArgumentException("the numbers of cohorts and periods are 0 (all) or more");
        }
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(CohortBasis.PURCHASE, Period.MONTH, Activity.PURCHASE, 0, 0);
    }
}
