package com.campaignstudio.export;

import com.campaignstudio.work.TaskContext;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tables exported for a spreadsheet: numbers it can calculate with, and no cell it would run as a formula. */
class RowExportTest {

    @TempDir
    Path folder;

    /** Rows held in memory, as a table view hands them over. */
    private record Rows(List<String> header, List<List<String>> rows) implements RowSource {
        @Override
        public long size() {
            return rows.size();
        }

        @Override
        public void forEach(long limit, Consumer<List<String>> sink, TaskContext context) {
            rows.stream().limit(limit).forEach(sink);
        }
    }

    private static final Rows HOSTILE = new Rows(List.of("Post", "Value R", "Topic"), List.of(
            List.of("抖音 · 1", "0.42", "=HYPERLINK(\"http://evil.example\")"),
            List.of("微博 · 2", "-12.5", "line one\nline\ttwo"),
            List.of("B站 · 3", "", "@SUM(1+1)")));

    @Test
    void cellsAreNumbersWithoutFormattingAndTimesInOneSortableForm() {
        assertEquals("1299", RowExport.cell(1299.0));
        assertEquals("0.125", RowExport.cell(0.125), "a share stays a fraction, not 12.5%");
        assertEquals("0.0000001", RowExport.cell(1e-7), "no exponent a spreadsheet might misread");
        assertEquals("1234567", RowExport.cell(1_234_567L), "no thousands separators");
        assertEquals("12.5", RowExport.cell(new BigDecimal("12.50")));
        assertEquals("0.1", RowExport.cell(0.1f));
        assertEquals("", RowExport.cell(Double.NaN), "an unknown value is an empty cell");
        assertEquals("", RowExport.cell(null));
        assertEquals("2024-03-05 21:07:00", RowExport.cell(Timestamp.valueOf(LocalDateTime.of(2024, 3, 5, 21, 7))));
        assertEquals("抖音", RowExport.cell("抖音"));
    }

    @Test
    void theCsvHasAByteOrderMarkTheHeaderEveryRowAndNoFormula() throws Exception {
        Path file = folder.resolve("content.csv");

        long written = RowExport.csv(HOSTILE, file, TaskContext.silent());

        assertEquals(3, written);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<List<String>> rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))) {
            rows = reader.stream().map(CsvRecord::getFields).toList();
        }
        assertEquals(List.of(List.of("Post", "Value R", "Topic"),
                List.of("抖音 · 1", "0.42", "'=HYPERLINK(\"http://evil.example\")"),
                List.of("微博 · 2", "-12.5", "line one\nline\ttwo"),
                List.of("B站 · 3", "", "'@SUM(1+1)")), rows);
    }

    @Test
    void theClipboardTextIsOneLinePerRowWithTabsBetweenCellsAndNoFormula() throws Exception {
        String pasted = RowExport.tabSeparated(HOSTILE, 2, TaskContext.silent());

        assertEquals("Post\tValue R\tTopic\n"
                + "抖音 · 1\t0.42\t'=HYPERLINK(\"http://evil.example\")\n"
                + "微博 · 2\t-12.5\tline one line two\n", pasted, "the header and the first two rows");
    }
}
