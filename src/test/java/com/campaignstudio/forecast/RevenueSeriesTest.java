package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RevenueSeriesTest {

    /** 2026-03-02 is a Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void weeksRunMondayToSundayWithoutGapsAndThePartialLastWeekIsLeftOut() {
        TreeMap<LocalDate, Double> byDay = new TreeMap<>();
        byDay.put(MONDAY.plusDays(2), 100.0);
        byDay.put(MONDAY.plusDays(6), 20.5);
        byDay.put(MONDAY.plusDays(7), 7.0);
        byDay.put(MONDAY.plusDays(22), 3.0);
        byDay.put(MONDAY.plusDays(29), 1000.0);
        RevenueSeries series = RevenueSeries.of(byDay, RevenueSeries.Granularity.WEEK);
        assertArrayEquals(new LocalDate[]{MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2), MONDAY.plusWeeks(3)},
                series.starts());
        assertArrayEquals(new double[]{120.5, 7, 0, 3}, series.revenue(), 0);
    }

    @Test
    void aLastWeekThatEndsOnTheLastDayIsComplete() {
        TreeMap<LocalDate, Double> byDay = new TreeMap<>();
        byDay.put(MONDAY.minusDays(1), 5.0);
        byDay.put(MONDAY.plusDays(6), 9.0);
        RevenueSeries series = RevenueSeries.of(byDay, RevenueSeries.Granularity.WEEK);
        assertArrayEquals(new LocalDate[]{MONDAY.minusWeeks(1), MONDAY}, series.starts());
        assertArrayEquals(new double[]{5, 9}, series.revenue(), 0);
        assertEquals(52, RevenueSeries.Granularity.WEEK.season());
    }

    @Test
    void monthsAreCalendarMonthsAndTheLastOneCountsOnlyWhenItsLastDayHasData() {
        TreeMap<LocalDate, Double> byDay = new TreeMap<>();
        byDay.put(LocalDate.of(2026, 1, 31), 10.0);
        byDay.put(LocalDate.of(2026, 2, 1), 1.0);
        byDay.put(LocalDate.of(2026, 2, 28), 2.0);
        byDay.put(LocalDate.of(2026, 4, 30), 4.0);
        RevenueSeries series = RevenueSeries.of(byDay, RevenueSeries.Granularity.MONTH);
        assertArrayEquals(new LocalDate[]{LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1)}, series.starts());
        assertArrayEquals(new double[]{10, 3, 0, 4}, series.revenue(), 0);
        assertEquals(12, RevenueSeries.Granularity.MONTH.season());
        byDay.put(LocalDate.of(2026, 5, 30), 8.0);
        assertEquals(4, RevenueSeries.of(byDay, RevenueSeries.Granularity.MONTH).size(), "May is not over on the 30th");
    }

    @Test
    void noPaidOrdersGiveAnEmptySeries() {
        assertEquals(0, RevenueSeries.of(new TreeMap<>(), RevenueSeries.Granularity.WEEK).size());
    }
}
