package com.campaignstudio.importer;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date-times platform exports write, into wall-clock time of the project's time zone:
 * {@code 2024/3/5 21:07}, {@code 2024-03-05T21:07:00+08:00}, {@code 2024年3月5日 21:07}, {@code 20240305},
 * epoch seconds or milliseconds, and Excel serial numbers. Values with an offset are converted into the
 * zone; values without one are taken to be in it. Platforms' back-ends often leave the year out
 * ({@code 3月5日 21:07}, {@code 03-05 21:07}): such a date is taken in the latest year that does not put it in the
 * future. English exports write {@code 12/1/2010 8:26} (month first, as in the US) or {@code 25/12/2010}
 * (day first, as in Europe): the order is decided for the whole file from its values ({@link #dayFirstIn}), month
 * first when none tells (day first for dates with dots, 05.03.2024).
 */
public final class DateTimes {

    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?\\s*(?:(\\d{1,2})[:时点](\\d{1,2})(?:[:分](\\d{1,2})秒?)?分?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T]?(\\d{2})(\\d{2})(\\d{2})?)?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("1\\d{9}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("1\\d{12}");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("([2-7]\\d{4})(\\.\\d+)?");
    private static final Pattern CHINESE_NO_YEAR = Pattern.compile(
            "(\\d{1,2})月(\\d{1,2})[日号]?\\s*(?:(\\d{1,2})[:时点](\\d{1,2})(?:[:分](\\d{1,2})秒?)?分?)?");
    private static final Pattern YEAR_LAST = Pattern.compile(
            "(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s*(AM|PM|am|pm)?)?");
    private static final Pattern NUMERIC_NO_YEAR = Pattern.compile(
            "(\\d{1,2})[-/](\\d{1,2})[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int EARLIEST_YEAR = 1990;
    private static final int LATEST_YEAR = 2100;

    private final ZoneId zone;
    private final Clock clock;
    private final boolean dayFirst;

    public DateTimes(ZoneId zone) {
        this(zone, Clock.system(zone), false);
    }

    /**
     * With the clock that says what "the future" is for dates without a year, and whether {@code 1/2/2024} is
     * the first of February.
     */
    DateTimes(ZoneId zone, Clock clock, boolean dayFirst) {
        this.zone = zone;
        this.clock = clock;
        this.dayFirst = dayFirst;
    }

    /** The same reader with the day-first order decided for a file. */
    DateTimes withDayFirst(boolean first) {
        return new DateTimes(zone, clock, first);
    }

    /**
     * Whether a file writes its year-last dates day first: true when one of them has a first number above 12,
     * false when one has a second number above 12; when none tells, day first for dates with dots (05.03.2024,
     * as German and Russian exports write them), else month first.
     */
    static boolean dayFirstIn(Iterable<String> cells) {
        boolean dotted = false;
        for (String cell : cells) {
            Matcher m = YEAR_LAST.matcher(Text.normalize(cell));
            if (m.matches()) {
                if (Integer.parseInt(m.group(1)) > 12) {
                    return true;
                }
                if (Integer.parseInt(m.group(3)) > 12) {
                    return false;
                }
                dotted |= m.group(2).equals(".");
            }
        }
        return dotted;
    }

    /** The date-time in {@code raw}, or null for a blank cell. */
    public LocalDateTime parse(String raw) throws ValueException {
        String text = Text.normalize(raw);
        if (Text.isBlank(text)) {
            return null;
        }
        LocalDateTime value = parseNormalized(text);
        if (value.getYear() < EARLIEST_YEAR || value.getYear() > LATEST_YEAR) {
            throw new ValueException("reject.year", String.valueOf(value.getYear()));
        }
        return value;
    }

    private LocalDateTime parseNormalized(String text) throws ValueException {
        try {
            Matcher m;
            if ((m = NUMERIC.matcher(text)).matches()) {
                LocalDateTime local = of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                        m.group(7));
                return m.group(8) == null ? local : inZone(local.atOffset(offset(m.group(8))).toInstant());
            }
            if ((m = YEAR_LAST.matcher(text)).matches()) {
                String hours = m.group(5);
                if (hours != null && m.group(8) != null) {
                    hours = Integer.toString(Integer.parseInt(hours) % 12 + (m.group(8).equalsIgnoreCase("pm") ? 12 : 0));
                }
                return dayFirst ? of(m.group(4), m.group(3), m.group(1), hours, m.group(6), m.group(7), null)
                        : of(m.group(4), m.group(1), m.group(3), hours, m.group(6), m.group(7), null);
            }
            if ((m = CHINESE.matcher(text)).matches()) {
                return of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null);
            }
            if (EPOCH_MILLIS.matcher(text).matches()) {
                return inZone(Instant.ofEpochMilli(Long.parseLong(text)));
            }
            if (EPOCH_SECONDS.matcher(text).matches()) {
                return inZone(Instant.ofEpochSecond(Long.parseLong(text)));
            }
            if ((m = COMPACT.matcher(text)).matches()) {
                return of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null);
            }
            if ((m = CHINESE_NO_YEAR.matcher(text)).matches() || (m = NUMERIC_NO_YEAR.matcher(text)).matches()) {
                return latestNotInTheFuture(m);
            }
            if ((m = EXCEL_SERIAL.matcher(text)).matches()) {
                double serial = Double.parseDouble(text);
                long seconds = Math.round((serial - Math.floor(serial)) * 86_400);
                return EXCEL_EPOCH.plusDays((long) Math.floor(serial)).atStartOfDay().plusSeconds(seconds);
            }
        } catch (DateTimeException e) {
            throw new ValueException("reject.noSuchDate", e.getMessage());
        }
        throw new ValueException("reject.date");
    }

    private LocalDateTime latestNotInTheFuture(Matcher m) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime value = of(Integer.toString(now.getYear()), m.group(1), m.group(2), m.group(3), m.group(4),
                m.group(5), null);
        return value.isAfter(now.plusDays(1)) ? value.minusYears(1) : value;
    }

    private LocalDateTime inZone(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static LocalDateTime of(String year, String month, String day, String hour, String minute,
                                    String second, String fraction) {
        LocalDateTime value = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day),
                hour == null ? 0 : Integer.parseInt(hour), minute == null ? 0 : Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second));
        if (fraction != null) {
            value = value.withNano(Integer.parseInt((fraction + "000000000").substring(0, 9)));
        }
        return value;
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        return digits.length() == 3 ? ZoneOffset.of(digits + "00") : ZoneOffset.of(digits);
    }
}
