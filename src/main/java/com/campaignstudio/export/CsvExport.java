package com.campaignstudio.export;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV file the application writes goes through here: UTF-8 with a byte-order mark (so that Excel and WPS
 * show Chinese correctly), written by FastCSV, and safe to open in a spreadsheet. A cell that begins with
 * {@code = + - @}, a tab or a carriage return would be run as a formula by Excel, WPS or LibreOffice
 * ({@code =HYPERLINK(...)}, {@code +cmd|' /C calc'!A0}), so it is written with a leading apostrophe, which
 * spreadsheets show as plain text (the OWASP rule for CSV injection). A plain number such as {@code -12.5} is
 * left as it is: it cannot run anything, and a spreadsheet should still see a number.
 */
public final class CsvExport implements Closeable {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final Writer out;
    private final CsvWriter csv;

    private CsvExport(Writer out) {
        this.out = out;
        this.csv = CsvWriter.builder().build(out);
    }

    /** Creates (or replaces) {@code target}. */
    public static CsvExport create(Path target) throws IOException {
        Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return new CsvExport(out);
    }

    public void row(String... cells) {
        row(Arrays.asList(cells));
    }

    public void row(List<String> cells) {
        csv.writeRecord(cells.stream().map(CsvExport::neutralise).toList());
    }

    /** The cell as it is safe to write: text that a spreadsheet would run as a formula gets a leading apostrophe. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell == null ? "" : cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    @Override
    public void close() throws IOException {
        try {
            csv.flush();
        } finally {
            out.close();
        }
    }
}
