package com.campaignstudio.ltv;

import java.time.LocalDate;

/**
 * Each customer's (x, t_x, T, m) at the calibration end, in the chosen unit, with what happened after it.
 * Conventions (BG/NBD literature): a customer's paid orders on one calendar day are one purchase occasion
 * (amounts summed); x counts occasions after the first; t_x and T are measured from the first occasion, T
 * up to the calibration end day; m is the mean value of the repeat occasions. Refunded orders are not
 * purchases.
 *
 * @param customers        customer references (pseudonymised ids)
 * @param followerIds      the linked follower, or 0
 * @param platforms        the platform of the first purchase (else of the follower), or "unknown"
 * @param firstDay         epoch day of the first occasion
 * @param x                repeat occasions up to the calibration end
 * @param tx               time of the last occasion, from the first
 * @param T                age at the calibration end, from the first occasion
 * @param m                mean value of the repeat occasions (0 when x = 0)
 * @param holdoutRepeats   occasions after the calibration end (0 without a hold-out period)
 * @param calibrationEnd   the last day of the calibration period
 * @param dataEnd          the last day with an order
 * @param nonPositiveRepeaters customers with repeats whose mean repeat value is zero or negative (left out of
 *                         the spend model)
 * @param repeatsByDay     repeat occasions of these customers per day, calibration and hold-out, from
 *                         {@code firstRepeatDay} (epoch day)
 * @param refundsLeftOut   refunds and cancellations in the project, which are never purchases
 * @param guestOrdersLeftOut paid orders without a customer id, which cannot be followed over time
 */
public record CustomerSummary(String[] customers, long[] followerIds, String[] platforms, int[] firstDay, int[] x,
                              double[] tx, double[] T, double[] m, int[] holdoutRepeats, LocalDate calibrationEnd,
                              LocalDate dataEnd, PeriodUnit unit, long nonPositiveRepeaters, int firstRepeatDay,
                              long[] repeatsByDay, long refundsLeftOut, long guestOrdersLeftOut) {

    public int size() {
        return x.length;
    }

    /** Whether there is data after the calibration end to check the model against. */
    public boolean hasHoldout() {
        return dataEnd.isAfter(calibrationEnd);
    }

    /** The hold-out period's length in the unit. */
    public double holdoutLength() {
        return (dataEnd.toEpochDay() - calibrationEnd.toEpochDay()) / unit.days();
    }
}
