package com.campaignstudio.schedule;

import java.time.LocalDateTime;

/** The 7 × 24 weekday-by-hour slots of a week, indexed weekday (Monday = 0) × 24 + hour. */
public final class Slots {

    public static final int COUNT = 7 * 24;

    private Slots() {
    }

    public static int of(LocalDateTime at) {
        return of(at.getDayOfWeek().getValue() - 1, at.getHour());
    }

    public static int of(int weekday, int hour) {
        return weekday * 24 + hour;
    }

    public static int weekday(int slot) {
        return slot / 24;
    }

    public static int hour(int slot) {
        return slot % 24;
    }
}
