package com.campaignstudio.snapshot;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Week and month numbers at their boundaries, and the look-up by day inside, at the edges of and outside its range. */
class PeriodTest {

    private static long second(LocalDateTime time) {
        return ActivitySnapshot.second(time);
    }

    @Test
    void weeksTurnAtMondayMidnightAndMonthsAtTheFirst() {
        // Sunday 4 January 2026, a second before midnight, is in the week of Monday 29 December 2025 (ISO 2026-W01);
        // the Monday after starts 2026-W02.
        int sunday = Period.WEEK.ofSecond(second(LocalDateTime.of(2026, 1, 4, 23, 59, 59)));
        int monday = Period.WEEK.ofSecond(second(LocalDateTime.of(2026, 1, 5, 0, 0)));
        assertEquals(sunday + 1, monday);
        assertEquals(LocalDate.of(2025, 12, 29), Period.WEEK.start(sunday));
        assertEquals(LocalDate.of(2026, 1, 4), Period.WEEK.end(sunday));
        assertEquals("2026-W01", Period.WEEK.label(sunday));
        assertEquals("2026-W02", Period.WEEK.label(monday));
        // Weeks before the epoch's first Monday (5 January 1970) are numbered below zero.
        assertEquals(-1, Period.WEEK.ofSecond(second(LocalDateTime.of(1970, 1, 4, 23, 59, 59))));
        assertEquals(0, Period.WEEK.ofSecond(second(LocalDateTime.of(1970, 1, 5, 0, 0))));

        int january = Period.MONTH.ofSecond(second(LocalDateTime.of(2026, 1, 31, 23, 59, 59)));
        assertEquals(2026 * 12, january);
        assertEquals(january + 1, Period.MONTH.ofSecond(second(LocalDateTime.of(2026, 2, 1, 0, 0))));
        assertEquals(LocalDate.of(2028, 2, 29), Period.MONTH.end(Period.MONTH.ofDay(LocalDate.of(2028, 2, 1).toEpochDay())));
        assertEquals("2025-12", Period.MONTH.label(january - 1));
    }

    @Test
    void theLookUpByDayAgreesWithTheCalendarInsideAtTheEdgesOfAndOutsideItsRange() {
        // Days -10 .. 10 around the epoch: the look-up holds 21 days; seconds from day -20 to day 20 (the first and
        // last second of each) are answered from it or computed, always as the calendar says.
        for (Period period : Period.values()) {
            Period.Days days = period.days(-10, 10);
            for (long day = -20; day <= 20; day++) {
                for (long second : new long[]{day * 86_400, day * 86_400 + 86_399}) {
                    assertEquals(period.ofSecond(second), days.ofSecond(second), period + " day " + day);
                }
            }
        }
        // The week of day 10 (Sunday 11 January 1970) is week 0; of day -10, week -2.
        assertEquals(0, Period.WEEK.days(-10, 10).ofSecond(10 * 86_400));
        assertEquals(-2, Period.WEEK.days(-10, 10).ofSecond(-10 * 86_400));
        Period.Days empty = Period.MONTH.days(0, -1);
        assertEquals(1970 * 12, empty.ofSecond(0));
    }

    @Test
    void periodsAreNamedByTheirKeys() {
        assertEquals("week", Period.WEEK.key());
        assertEquals("month", Period.MONTH.key());
        assertEquals(Period.WEEK, Period.byKey("week"));
        assertEquals(Period.MONTH, Period.byKey("month"));
        assertThrows(IllegalArgumentException.class, () -> Period.byKey("year"));
    }
}
