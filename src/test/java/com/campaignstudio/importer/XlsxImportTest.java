package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.campaignstudio.importer.ImportFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxImportTest {

    @TempDir
    Path folder;

    @Test
    void listsTheSheetsAndReadsTheChosenOneBelowItsTitleLines() throws Exception {
        try (TabularSource source = TabularSource.open(fixture("orders.xlsx"), new SourceOptions(null, "订单"))) {
            assertEquals(List.of("说明", "订单"), source.sheets());
            assertEquals(List.of("订单号", "用户ID", "实付金额", "支付时间", "订单状态"), source.headers());
            SourceRow first = source.iterator().next();
            assertEquals(4, first.number(), "the row number as Excel shows it");
            assertEquals("199", first.cell(2));
        }
    }

    @Test
    void importsOrdersFromAWorkbookSheet() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            Path file = fixture("orders.xlsx");
            SourceOptions sheet = new SourceOptions(null, "订单");
            List<String> headers;
            try (TabularSource source = TabularSource.open(file, sheet)) {
                headers = source.headers();
            }
            ImportReport report = new Importer(project.database()).run(new ImportPlan(file, EntityKind.ORDERS,
                    MappingSuggester.suggest(EntityKind.ORDERS, headers), ImportPlan.Duplicates.UPDATE,
                    ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS, sheet, PlatformChoices.ADD_NEW), TaskContext.silent());
            assertEquals(2, report.accepted());
            assertEquals(List.of(new RowRejection(6, "实付金额", "free",
                    Reason.of("reject.amount"))), report.rejections());
            String paidAt = project.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT paid_at FROM customer_order WHERE order_ref = 'X1'")) {
                    rs.next();
                    return rs.getTimestamp(1).toLocalDateTime().toString();
                }
            });
            assertEquals("2024-03-05T21:00", paidAt, "an Excel serial date");
            BigDecimal amount = project.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT amount FROM customer_order WHERE order_ref = 'X2'")) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            });
            assertEquals(new BigDecimal("99.00"), amount);
        }
    }

    @Test
    void aZipBombDisguisedAsAWorkbookIsRefusedWithBoundedWork() throws Exception {
        Path bomb = folder.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        assertTrue(Files.size(bomb) < 1024 * 1024, "64 MB of zeros packs small");
        ImportException error = assertThrows(ImportException.class, () -> TabularSource.open(bomb));
        assertTrue(error.getMessage().startsWith("bomb.xlsx: the workbook unpacks to far more data"), error.getMessage());
    }

    @Test
    void anArchiveThatIsNotAWorkbookIsNamedAsSuch() throws Exception {
        Path zip = folder.resolve("photos.xlsx");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            archive.putNextEntry(new ZipEntry("a.txt"));
            archive.write("hello".getBytes());
        }
        ImportException error = assertThrows(ImportException.class, () -> TabularSource.open(zip));
        assertEquals("photos.xlsx: this archive is not an Excel workbook (.xlsx)", error.getMessage());
    }
}
