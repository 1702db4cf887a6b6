package com.campaignstudio.retention;

import com.campaignstudio.stats.Proportion;

/**
 * Cohort c in period c + {@code offset}.
 *
 * @param offset            periods after the cohort's own (0 = the cohort's own period)
 * @param active            members active in that period
 * @param share             active / members with its 95% Wilson interval
 * @param revenuePerMember  cumulative revenue per member: paid orders of the members in periods c .. c + offset,
 *                          divided by the cohort's size
 * @param partial           the period is not over when the data end, so its figures are still growing
 */
public record RetentionCell(int offset, long active, Proportion share, double revenuePerMember, boolean partial) {
}
