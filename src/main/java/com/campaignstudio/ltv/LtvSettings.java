package com.campaignstudio.ltv;

import java.time.LocalDate;

/**
 * What a lifetime-value run looks at.
 *
 * @param unit           period unit (weeks by default)
 * @param calibrationEnd last day the models are fitted on; null for all data
 * @param platform       only customers acquired on this platform, or null
 * @param segmentationId with {@code segmentNo}, only this segment's customers; 0 for everyone
 * @param segmentNo      the segment within the segmentation
 * @param horizon        CLV horizon in periods
 * @param discountRate   discount rate per period
 * @param penalty        ridge penalty on the parameters (0 = plain maximum likelihood)
 */
public record LtvSettings(PeriodUnit unit, LocalDate calibrationEnd, String platform, long segmentationId,
                          int segmentNo, int horizon, double discountRate, double penalty) {

    /** Weeks, all data, everyone, a 52-week horizon, 10% a year. */
    public static LtvSettings defaults() {
        return new LtvSettings(PeriodUnit.WEEK, null, null, 0, 0, 52, Math.pow(1.10, 1 / 52.0) - 1, 0);
    }
}
