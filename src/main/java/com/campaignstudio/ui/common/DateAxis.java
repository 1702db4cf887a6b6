package com.campaignstudio.ui.common;

import javafx.scene.chart.ValueAxis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis over days (values are {@link LocalDate#toEpochDay()}) with ticks on calendar boundaries: Mondays
 * every week or few weeks for short spans, else the first of every month, quarter, half year or year, as many as
 * fit without crowding. A number axis puts its ticks at round numbers of days, which read as the same month twice
 * ("2024-01 2024-01").
 */
public final class DateAxis extends ValueAxis<Number> {

    /** Steps from fine to coarse; each with the room its label needs. */
    private enum Step {
        WEEK(ChronoUnit.WEEKS, 1, "yyyy-MM-dd", 95),
        TWO_WEEKS(ChronoUnit.WEEKS, 2, "yyyy-MM-dd", 95),
        MONTH(ChronoUnit.MONTHS, 1, "yyyy-MM", 70),
        QUARTER(ChronoUnit.MONTHS, 3, "yyyy-MM", 70),
        HALF_YEAR(ChronoUnit.MONTHS, 6, "yyyy-MM", 70),
        YEAR(ChronoUnit.YEARS, 1, "yyyy", 50);

        private final ChronoUnit unit;
        private final int amount;
        private final DateTimeFormatter format;
        private final double labelRoom;

        Step(ChronoUnit unit, int amount, String pattern, double labelRoom) {
            this.unit = unit;
            this.amount = amount;
            this.format = DateTimeFormatter.ofPattern(pattern);
            this.labelRoom = labelRoom;
        }

        /** The first tick on or after {@code day}: a Monday, or the first day of a month (of a quarter, ...). */
        LocalDate firstOnOrAfter(LocalDate day) {
            if (unit == ChronoUnit.WEEKS) {
                return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            }
            LocalDate month = day.withDayOfMonth(1);
            if (month.isBefore(day)) {
                month = month.plusMonths(1);
            }
            int months = unit == ChronoUnit.YEARS ? 12 : amount;
            while ((month.getMonthValue() - 1) % months != 0) {
                month = month.plusMonths(1);
            }
            return month;
        }

        LocalDate next(LocalDate tick) {
            return tick.plus(amount, unit);
        }

        double approximateDays() {
            return unit.getDuration().toDays() * (double) amount;
        }
    }

    private Step step = Step.MONTH;

    public DateAxis() {
        setMinorTickVisible(false);
    }

    /** The finest step whose labels fit along {@code length} pixels for the days from {@code lower} to {@code upper}. */
    private static Step stepFor(double lower, double upper, double length) {
        for (Step candidate : Step.values()) {
            double ticks = (upper - lower) / candidate.approximateDays();
            if (ticks * candidate.labelRoom <= length) {
                return candidate;
            }
        }
        return Step.YEAR;
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double lower = minValue;
        double upper = maxValue;
        if (upper - lower < 1) {
            lower -= 3;
            upper += 3;
        }
        return new double[]{lower, upper, calculateNewScale(length, lower, upper)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
        currentLowerBound.set(bounds[0]);
        setScale(bounds[2]);
    }

    @Override
    protected Object getRange() {
        return new double[]{getLowerBound(), getUpperBound(), getScale()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        step = stepFor(bounds[0], bounds[1], length);
        List<Number> ticks = new ArrayList<>();
        LocalDate last = LocalDate.ofEpochDay((long) Math.floor(bounds[1]));
        for (LocalDate tick = step.firstOnOrAfter(LocalDate.ofEpochDay((long) Math.ceil(bounds[0])));
             !tick.isAfter(last); tick = step.next(tick)) {
            ticks.add(tick.toEpochDay());
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number epochDay) {
        return LocalDate.ofEpochDay(epochDay.longValue()).format(step.format);
    }
}
