package com.campaignstudio.snapshot;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Calendar periods that funnels (by period of entry) and retention (cohorts) count in: weeks start on Monday,
 * months on the first. A period is numbered so that consecutive periods have consecutive numbers, and times are
 * the project's wall-clock times (see {@link ActivitySnapshot}).
 */
public enum Period {
    WEEK, MONTH;

    /** 1970-01-05, the first Monday after the epoch: weeks are counted from it. */
    private static final long FIRST_MONDAY = 4;
    private static final long SECONDS_PER_DAY = 86_400;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period named {@code key} ("week" or "month"). */
    public static Period byKey(String key) {
        for (Period period : values()) {
            if (period.key().equals(key)) {
                return period;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a period: week or month");
    }

    /** The number of the period that holds {@code epochDay}. */
    public int ofDay(long epochDay) {
        return switch (this) {
            case WEEK -> (int) Math.floorDiv(epochDay - FIRST_MONDAY, 7);
            case MONTH -> {
                LocalDate day = LocalDate.ofEpochDay(epochDay);
                yield day.getYear() * 12 + day.getMonthValue() - 1;
            }
        };
    }

    /** The number of the period that holds the wall-clock time {@code epochSecond}. */
    public int ofSecond(long epochSecond) {
        return ofDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
    }

    /** The first day of period {@code number}. */
    public LocalDate start(int number) {
        return switch (this) {
            case WEEK -> LocalDate.ofEpochDay(FIRST_MONDAY + 7L * number);
            case MONTH -> LocalDate.of(Math.floorDiv(number, 12), Math.floorMod(number, 12) + 1, 1);
        };
    }

    /** The last day of period {@code number}. */
    public LocalDate end(int number) {
        return start(number + 1).minusDays(1);
    }

    /** How a period is written in tables and JSON: {@code 2025-03} for a month, {@code 2025-W10} for a week. */
    public String label(int number) {
        LocalDate start = start(number);
        return switch (this) {
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
        };
    }

    /**
     * A look-up of period numbers by day for the days {@code firstDay..lastDay}: month numbers by {@link #ofDay}
     * build a date per call, too slow for millions of events.
     */
    public Days days(long firstDay, long lastDay) {
        int[] numbers = new int[(int) Math.max(0, lastDay - firstDay + 1)];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = ofDay(firstDay + i);
        }
        return new Days(this, firstDay, numbers);
    }

    /** Period numbers by day, for a range of days; days outside it are computed. */
    public static final class Days {
        private final Period period;
        private final long firstDay;
        private final int[] numbers;

        private Days(Period period, long firstDay, int[] numbers) {
            this.period = period;
            this.firstDay = firstDay;
            this.numbers = numbers;
        }

        public int ofSecond(long epochSecond) {
            long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
            long offset = day - firstDay;
            return offset >= 0 && offset < numbers.length ? numbers[(int) offset] : period.ofDay(day);
        }
    }
}
