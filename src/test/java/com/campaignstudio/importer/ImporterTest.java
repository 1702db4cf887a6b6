package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;

import static com.campaignstudio.importer.ImportFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImporterTest {

    @TempDir
    Path folder;
    private Project project;

    @BeforeEach
    void createProject() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void aMessyGbkOrderExportImportsItsGoodRowsAndSaysWhyTheOthersWereRejected() throws Exception {
        ImportReport report = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);

        assertEquals(10, report.rowsRead());
        assertEquals(5, report.accepted());
        assertEquals(5, report.rejected());
        assertTrue(report.committed());
        assertEquals(List.of(
                        "6|实付金额|￥abc|not an amount of money (e.g. ¥1,299.00, 88元, $12.50)",
                        "8|订单编号||this column is required and the cell is empty",
                        "10|||the same order_ref as row 4"),
                report.rejections().stream().filter(r -> List.of(6L, 8L, 10L).contains(r.row()))
                        .map(r -> r.row() + "|" + r.column() + "|" + r.value() + "|" + r.reason().english()).toList());
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L), report.rejections().stream().map(RowRejection::row).toList());
        assertTrue(report.rejections().get(1).reason().english().contains("no such date"));
        assertTrue(report.rejections().get(3).reason().english().contains("an order that was not paid"));
        assertEquals(List.of(new NewPlatform("星球", "zsxq", "Knowledge Planet", "知识星球", true, 1)), report.newPlatforms(),
                "知识星球 is on the shipped list: a known platform, added the first time a file names it");
        ResourceBundle chinese = ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertEquals("与第 4 行的 order_ref 相同", report.rejections().get(4).reason().in(chinese));
        assertTrue(report.rejections().get(3).reason().in(chinese).startsWith("未付款的订单"));

        assertEquals(new BigDecimal("1299.00"), value("SELECT amount FROM customer_order WHERE order_ref = 'A1001'"));
        assertEquals(new BigDecimal("199.00"), value("SELECT amount FROM customer_order WHERE order_ref = 'A1009'"));
        assertEquals("refunded", value("SELECT status FROM customer_order WHERE order_ref = 'A1009'"));
        assertEquals("2024-03-06 10:15:00", value("SELECT CAST(paid_at AS VARCHAR) FROM customer_order "
                + "WHERE order_ref = 'A1002'").toString());
        assertEquals(4L, value("SELECT COUNT(*) FROM product"), "products named in accepted orders are created");

        var dashboard = new DashboardQueries(project.database()).summary();
        assertEquals(3, dashboard.buyers(), "u001 (two orders), u002 and u008; u007 refunded");
        assertEquals(0, new BigDecimal("3385.00").compareTo(dashboard.revenue()));
        assertEquals(report.rejections(), new ImportHistory(project.database()).rejections(report.importId()));
    }

    @Test
    void customerIdsArePseudonymisedConsistentlySoOrdersLinkToFollowers() throws Exception {
        ImportReport followers = importFile("followers-utf8-bom.tsv", EntityKind.FOLLOWERS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertEquals(3, followers.accepted());
        ImportReport orders = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertEquals(3, orders.linkedToFollowers(), "A1001 and A1003 (u001, Douyin), A1002 (u002, Xiaohongshu)");

        String pseudonym = (String) value("SELECT customer_ref FROM customer_order WHERE order_ref = 'A1001'");
        assertTrue(pseudonym.matches("p_[0-9a-f]{20}"), pseudonym);
        assertEquals(pseudonym, value("SELECT f.external_id FROM follower f JOIN customer_order o "
                + "ON o.follower_id = f.id WHERE o.order_ref = 'A1001'"));
        String key = project.metadata().get(ProjectMetadata.PSEUDONYMISATION_KEY).orElseThrow();
        assertEquals(pseudonym, Pseudonymiser.withKey(key).apply(" u001 "));
        assertEquals(0L, value("SELECT COUNT(*) FROM follower WHERE external_id LIKE 'u0%'"), "no raw ids are kept");
    }

    @Test
    void projectsThatOptOutKeepTheOriginalIds() throws Exception {
        project.metadata().put(ProjectMetadata.PSEUDONYMISE, "false");
        importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertEquals("u001", value("SELECT customer_ref FROM customer_order WHERE order_ref = 'A1001'"));
    }

    @Test
    void reimportingTheSameFileIsFlaggedAndNeverDuplicates() throws Exception {
        importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        ImportReport skipped = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.SKIP,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertTrue(skipped.sameFileImportedBefore());
        assertEquals(5, skipped.skipped());
        assertEquals(0, skipped.accepted());
        assertEquals(5L, value("SELECT COUNT(*) FROM customer_order"));
    }

    @Test
    void updatingRowsAndUndoingTheUpdateRestoresTheirPreviousValues() throws Exception {
        importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        Path changed = folder.resolve("orders-changed.csv");
        String text = Files.readString(fixture("orders-gbk.csv"), Charset.forName("GBK"))
                .replace("\"￥1,299.00\"", "￥999");
        Files.write(changed, text.getBytes(Charset.forName("GBK")));

        ImportReport update = new Importer(project.database()).run(plan(changed, EntityKind.ORDERS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
        assertEquals(5, update.updated());
        assertEquals(new BigDecimal("999.00"), value("SELECT amount FROM customer_order WHERE order_ref = 'A1001'"));

        new ImportHistory(project.database()).undo(update.importId());
        assertEquals(new BigDecimal("1299.00"), value("SELECT amount FROM customer_order WHERE order_ref = 'A1001'"));
        assertEquals(5L, value("SELECT COUNT(*) FROM customer_order"));
    }

    @Test
    void undoingAnImportRemovesItsRowsAndMarksItUndone() throws Exception {
        ImportReport report = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        ImportHistory history = new ImportHistory(project.database());
        history.undo(report.importId());
        assertEquals(0L, value("SELECT COUNT(*) FROM customer_order"));
        assertEquals(0L, value("SELECT COUNT(*) FROM product"));
        assertEquals(0L, value("SELECT COUNT(*) FROM platform WHERE code = 'zsxq'"), "the platform it added goes too");
        assertTrue(history.entries().getFirst().undone());
        ImportReport again = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertFalse(again.sameFileImportedBefore(), "an undone import does not count");
        assertEquals(5, again.accepted());
    }

    @Test
    void allOrNothingWritesNothingWhenAnyRowIsRejected() throws Exception {
        ImportReport report = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertFalse(report.committed());
        assertEquals(5, report.rejected());
        assertEquals(0L, value("SELECT COUNT(*) FROM customer_order"));
        assertEquals(0L, value("SELECT COUNT(*) FROM import_batch"));
        assertFalse(project.hasUnsavedChanges());
    }

    @Test
    void aCancelledImportLeavesTheProjectAsItWas() throws Exception {
        Path big = folder.resolve("many-orders.csv");
        StringBuilder csv = new StringBuilder("order_id,customer_id,amount,paid_at\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("B").append(i).append(",c").append(i % 700).append(",99,2024-03-05 10:00\n");
        }
        Files.writeString(big, csv);
        ImportPlan plan = plan(big, EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        assertThrows(CancelledException.class, () -> new Importer(project.database()).run(plan, TestContexts.cancelled()));
        assertEquals(0L, value("SELECT COUNT(*) FROM customer_order"));
        assertEquals(0L, value("SELECT COUNT(*) FROM import_batch"));

        ImportReport report = new Importer(project.database()).run(plan, TaskContext.silent());
        assertEquals(12_000, report.accepted());
    }

    @Test
    void importsPostsFromUtf16WithMultiLineTitlesAndPlatformCounts() throws Exception {
        ImportReport report = importFile("posts-utf16.csv", EntityKind.POSTS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertEquals(2, report.accepted());
        assertEquals("第一行\r\n第二行", value("SELECT topic FROM post WHERE external_id = 'P1'"));
        assertEquals(12_000L, value("SELECT impressions FROM post WHERE external_id = 'P1'"));
        assertEquals(1_500L, value("SELECT likes FROM post WHERE external_id = 'P2'"));
    }

    @Test
    void importsAnAdManagerSpendReport() throws Exception {
        ImportReport report = importFile("spend-pipe.csv", EntityKind.SPEND, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertEquals(2, report.accepted());
        assertEquals(new BigDecimal("1200.50"), value("SELECT s.amount FROM spend s JOIN platform p "
                + "ON p.id = s.platform_id WHERE p.code = 'douyin'"));
        assertEquals(new BigDecimal("3600.00"), value("SELECT attributed_revenue FROM spend WHERE amount = 1200.50"));
        assertEquals(1L, value("SELECT COUNT(*) FROM campaign WHERE name = 'Spring launch'"));
    }

    @Test
    void aFollowerListWithPerPersonTotalsImportsAsEngagementSnapshots() throws Exception {
        ImportReport report = importFile("followers-totals.csv", EntityKind.FOLLOWERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertEquals(2, report.accepted());
        assertEquals(12_000L, value("SELECT e.event_count FROM engagement e JOIN follower f ON f.id = e.follower_id "
                + "WHERE e.kind = 'view' AND e.is_total AND f.external_id = (SELECT MIN(external_id) FROM follower "
                + "WHERE reported_orders = 2)"));
        assertEquals(4L, value("SELECT COUNT(*) FROM engagement WHERE is_total"), "zero and empty totals add no rows");
        assertEquals("2024-03-01 20:00:00", value("SELECT CAST(MAX(occurred_at) AS VARCHAR) FROM engagement"));
        assertEquals(new BigDecimal("1398.00"), value("SELECT reported_spend FROM follower WHERE reported_orders = 2"));
        new ImportHistory(project.database()).undo(report.importId());
        assertEquals(0L, value("SELECT COUNT(*) FROM engagement"));
    }

    @Test
    void anEngagementEventLogAddsTheFollowersItNames() throws Exception {
        Path log = folder.resolve("events.csv");
        Files.writeString(log, "用户ID,平台,互动时间,互动类型,次数\n"
                + "e1,抖音,2024/3/1 20:00,点赞,1\ne1,抖音,2024/3/1 20:05,评论,2\ne2,快手,2024/3/2 09:00,收藏,\n"
                + "e3,抖音,2024/3/2 10:00,打赏,1\n");
        ImportReport report = new Importer(project.database()).run(plan(log, EntityKind.ENGAGEMENT,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
        assertEquals(3, report.accepted());
        assertEquals(1, report.rejected(), "an unknown kind of interaction");
        assertEquals(2L, value("SELECT COUNT(*) FROM follower"), "e1 on Douyin and e2 on Kuaishou");
        assertEquals(2L, value("SELECT event_count FROM engagement WHERE kind = 'comment'"));
        assertEquals(1L, value("SELECT event_count FROM engagement WHERE kind = 'favourite'"), "a blank count is one");
        new ImportHistory(project.database()).undo(report.importId());
        assertEquals(0L, value("SELECT COUNT(*) FROM follower"));
    }

    @Test
    void aCheckReportsWhatAnImportWouldDoAndWritesNothing() throws Exception {
        ImportReport check = new Importer(project.database()).check(plan(fixture("orders-gbk.csv"), EntityKind.ORDERS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
        assertFalse(check.committed());
        assertEquals(5, check.accepted());
        assertEquals(5, check.rejected());
        assertEquals(0L, value("SELECT COUNT(*) FROM customer_order"));
        assertEquals(0L, value("SELECT COUNT(*) FROM import_batch"));
    }

    @Test
    void rejectedRowsSaveAsCsvThatExcelReads() throws Exception {
        ImportReport report = importFile("orders-gbk.csv", EntityKind.ORDERS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        Path csv = folder.resolve("rejected.csv");
        RejectionReport.write(csv, report.file(), report.rejections(), ResourceBundle.getBundle(Reason.BUNDLE, Locale.ROOT));
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 BOM for Excel");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(6, lines.size());
        assertTrue(lines.get(4).startsWith("orders-gbk.csv,9,订单状态,待付款,"), lines.get(4));
    }

    @Test
    void theUserCanOverrideTheDetectedEncoding() throws Exception {
        try (TabularSource wrong = TabularSource.open(fixture("orders-gbk.csv"), new SourceOptions(StandardCharsets.UTF_8, null))) {
            assertFalse(wrong.headers().contains("订单编号"));
        }
        try (TabularSource right = TabularSource.open(fixture("orders-gbk.csv"), new SourceOptions(Charset.forName("GB18030"), null))) {
            assertTrue(right.headers().contains("订单编号"));
        }
    }

    @Test
    void filesThatAreNotTablesGetAClearMessage() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.csv"));
        assertMessage(empty, "empty.csv: the file is empty");

        Path binary = folder.resolve("photo.csv");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(binary, noise);
        assertMessage(binary, "photo.csv: this is not a text (CSV) or Excel (XLSX) file");

        Path oneLine = folder.resolve("one-line.csv");
        Files.writeString(oneLine, "order_id,amount\n\"" + "x".repeat(3 * 1024 * 1024), StandardCharsets.UTF_8);
        assertMessage(oneLine, "one-line.csv: a field is longer than 1 MB");

        Path zip = folder.resolve("book.xlsx");
        Files.write(zip, new byte[]{'P', 'K', 3, 4, 0, 0});
        assertMessage(zip, "book.xlsx: the workbook is damaged");
    }

    private void assertMessage(Path file, String start) {
        ImportException error = assertThrows(ImportException.class, () -> new Importer(project.database())
                .run(new ImportPlan(file, EntityKind.ORDERS, new ColumnMapping(java.util.Map.of("order_ref", 0,
                        "customer_ref", 0, "amount", 1, "paid_at", 1), java.util.Map.of()),
                        ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent()));
        assertTrue(error.getMessage().startsWith(start), error.getMessage());
    }

    private ImportReport importFile(String name, EntityKind kind, ImportPlan.Duplicates duplicates,
                                    ImportPlan.RejectionPolicy policy) throws Exception {
        return new Importer(project.database()).run(plan(fixture(name), kind, duplicates, policy), TaskContext.silent());
    }

    private static ImportPlan plan(Path file, EntityKind kind, ImportPlan.Duplicates duplicates,
                                   ImportPlan.RejectionPolicy policy) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers), duplicates, policy);
    }

    private Object value(String sql) throws SQLException {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getObject(1);
            }
        });
    }
}
