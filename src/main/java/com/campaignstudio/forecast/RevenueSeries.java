package com.campaignstudio.forecast;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.TreeMap;

/**
 * Paid revenue per week (Monday to Sunday) or per calendar month, without gaps, ending with the last
 * complete period (a partial last period would look like a collapse).
 *
 * @param starts  the first day of each period
 * @param revenue revenue per period
 */
public record RevenueSeries(Granularity granularity, LocalDate[] starts, double[] revenue) {

    public enum Granularity {
        WEEK(52), MONTH(12);

        private final int season;

        Granularity(int season) {
            this.season = season;
        }

        /** Periods in a year: the seasonal period. */
        public int season() {
            return season;
        }

        LocalDate start(LocalDate day) {
            return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }

        LocalDate next(LocalDate start) {
            return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        }
    }

    public int size() {
        return revenue.length;
    }

    public static RevenueSeries read(ProjectDatabase database, Granularity granularity) throws SQLException {
        TreeMap<LocalDate, Double> byDay = database.read(connection -> {
            TreeMap<LocalDate, Double> days = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT CAST(paid_at AS DATE) d, SUM(amount) FROM customer_order "
                         + "WHERE status = 'paid' GROUP BY d")) {
                while (rs.next()) {
                    days.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2).doubleValue());
                }
            }
            return days;
        });
        return of(byDay, granularity);
    }

    /** The series of paid revenue by day ({@code byDay}, in day order). */
    static RevenueSeries of(TreeMap<LocalDate, Double> byDay, Granularity granularity) {
        if (byDay.isEmpty()) {
            return new RevenueSeries(granularity, new LocalDate[0], new double[0]);
        }
        LocalDate last = byDay.lastKey();
        LocalDate end = granularity.next(granularity.start(last)).minusDays(1).equals(last)
                ? granularity.next(granularity.start(last)) : granularity.start(last);
        TreeMap<LocalDate, Double> periods = new TreeMap<>();
        for (LocalDate start = granularity.start(byDay.firstKey()); start.isBefore(end); start = granularity.next(start)) {
            periods.put(start, 0.0);
        }
        byDay.forEach((day, amount) -> {
            LocalDate start = granularity.start(day);
            if (periods.containsKey(start)) {
                periods.merge(start, amount, Double::sum);
            }
        });
        return new RevenueSeries(granularity, periods.keySet().toArray(LocalDate[]::new),
                periods.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
