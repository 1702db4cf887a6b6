package com.campaignstudio.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * A running experiment's daily counts as text, for {@link SequentialTest}: one day a line,
 * {@code day,visitors_a,conversions_a,visitors_b,conversions_b}, each a running total since the start. The day
 * column may be left out (the days are then numbered from 1), and so may a header line; commas, tabs (a paste from
 * a spreadsheet) or semicolons separate the columns; blank lines and lines starting with # are skipped. Counts may
 * group their digits with commas only when the columns are separated by tabs or semicolons. Negative counts are
 * read as typed, for {@link SequentialTest} to refuse with the day and arm named.
 */
public final class DailyTotals {

    private DailyTotals() {
    }

    /** The days in {@code text}; fails on a line that is not a day, saying which line and why. */
    public static List<SequentialTest.Day> parse(String text) {
        List<SequentialTest.Day> days = new ArrayList<>();
        boolean first = true;
        String[] lines = text.replace("\uFEFF", "").split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String separator = line.contains("\t") ? "\t" : line.contains(";") ? ";" : ",";
            String[] fields = line.split(separator, -1);
            int lineNumber = i + 1;
            if (fields.length != 4 && fields.length != 5) {
                throw new ExperimentException("experiment.daily.error.columns", lineNumber, fields.length);
            }
            int from = fields.length - 4;
            boolean header = first && !isCount(fields[from], separator);
            first = false;
            if (header) {
                continue; // only the first line may be a header
            }
            String label = from == 1 ? fields[0].strip() : String.valueOf(days.size() + 1);
            long[] counts = new long[4];
            for (int c = 0; c < 4; c++) {
                counts[c] = count(fields[from + c], separator, lineNumber, from + c + 1);
            }
            days.add(new SequentialTest.Day(label.isEmpty() ? String.valueOf(days.size() + 1) : label, counts[0],
                    counts[1], counts[2], counts[3]));
        }
        if (days.isEmpty()) {
            throw new ExperimentException("experiment.sequential.error.empty");
        }
        return days;
    }

    private static boolean isCount(String field, String separator) {
        return digits(field, separator).matches("-?\\d+");
    }

    private static long count(String field, String separator, int line, int column) {
        String digits = digits(field, separator);
        if (!digits.matches("-?\\d{1,18}")) {
            throw new ExperimentException("experiment.daily.error.number", line, column, field.strip());
        }
        return Long.parseLong(digits);
    }

    /** The field without spaces, and without digit-grouping commas where commas do not separate the columns. */
    private static String digits(String field, String separator) {
        String stripped = field.strip().replace(" ", "").replace("\u00a0", "");
        return separator.equals(",") ? stripped : stripped.replace(",", "");
    }
}
