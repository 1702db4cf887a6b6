package com.campaignstudio.export;

import com.campaignstudio.work.TaskContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Writes a table's rows for a spreadsheet: as a CSV file, or as tab-separated text to paste. */
public final class RowExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RowExport() {
    }

    /** Writes the header and every row to {@code target} (UTF-8 with BOM, formula-safe); returns the rows written. */
    public static long csv(RowSource rows, Path target, TaskContext context) throws Exception {
        long[] written = {0};
        try (CsvExport csv = CsvExport.create(target)) {
            csv.row(rows.header());
            rows.forEach(Long.MAX_VALUE, row -> {
                csv.row(row);
                written[0]++;
            }, context);
        }
        return written[0];
    }

    /**
     * The header and the first {@code limit} rows as tab-separated lines, as spreadsheets paste them: a tab or line
     * break inside a cell becomes a space, and a cell that a spreadsheet would run as a formula is neutralised as in
     * CSV files.
     */
    public static String tabSeparated(RowSource rows, long limit, TaskContext context) throws Exception {
        StringBuilder out = new StringBuilder();
        Consumer<List<String>> line = cells -> out.append(cells.stream().map(RowExport::pasted)
                .collect(Collectors.joining("\t"))).append('\n');
        line.accept(rows.header());
        rows.forEach(limit, line, context);
        return out.toString();
    }

    private static String pasted(String cell) {
        return CsvExport.neutralise(cell.replaceAll("[\\t\\r\\n]+", " "));
    }

    /**
     * A value as a spreadsheet reads it best: numbers unformatted (no thousands separators, no currency sign, a point
     * for decimals, shares as fractions), times as {@code yyyy-MM-dd HH:mm:ss}, nothing for null and NaN.
     */
    public static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Double number when !Double.isFinite(number) -> "";
            case Float number when !Float.isFinite(number) -> "";
            case Double number -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            case Float number -> new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case java.sql.Timestamp time -> TIME.format(time.toLocalDateTime());
            case LocalDateTime time -> TIME.format(time);
            default -> value.toString();
        };
    }
}
