package com.campaignstudio.ltv;

/** The time unit of x, t_x and T. A week is 7 days; a month is a twelfth of a year. */
public enum PeriodUnit {
    DAY(1), WEEK(7), MONTH(365.25 / 12);

    private final double days;

    PeriodUnit(double days) {
        this.days = days;
    }

    public double days() {
        return days;
    }

    public static PeriodUnit byKey(String key) {
        for (PeriodUnit unit : values()) {
            if (unit.key().equalsIgnoreCase(key)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + key + "'; units: day, week, month");
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
