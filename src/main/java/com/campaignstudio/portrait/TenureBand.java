package com.campaignstudio.portrait;

/** How long a follower has followed, on the project's last day of data; a follower without a follow date is UNKNOWN. */
public enum TenureBand {
    UNDER_1_MONTH("under_1m", 0), FROM_1_MONTH("1_3m", 30), FROM_3_MONTHS("3_6m", 91), FROM_6_MONTHS("6_12m", 182),
    FROM_1_YEAR("1_2y", 365), FROM_2_YEARS("2y_up", 730), UNKNOWN("unknown", Long.MAX_VALUE);

    private final String key;
    private final long fromDays;

    TenureBand(String key, long fromDays) {
        this.key = key;
        this.fromDays = fromDays;
    }

    /** The code used in exports of the portrait and in message keys ({@code portrait.tenure.*}). */
    public String key() {
        return key;
    }

    /** The band of a follower who followed {@code days} days before the last day (a negative count is a future date). */
    public static TenureBand ofDays(long days) {
        TenureBand found = UNDER_1_MONTH;
        for (TenureBand band : values()) {
            if (band != UNKNOWN && days >= band.fromDays) {
                found = band;
            }
        }
        return found;
    }
}
