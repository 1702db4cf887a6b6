package com.campaignstudio.importer;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Exports in the shapes real shops and platforms write them go in whole: one test per shape (issue 11). */
class RealExportsTest {

    @TempDir
    Path folder;

    @Test
    void ordersWithNewProductsGoIntoADemoProjectWithoutAnyRejection() throws Exception {
        try (Project demo = DemoProjects.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("demo.campaign"), DemoSize.SMALL, 3L, TaskContext.silent())) {
            ImportReport report = importFile(demo, fixture("orders-new-products.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(6, report.accepted());
            assertEquals(3, count(demo, "SELECT COUNT(*) FROM product WHERE name IN "
                    + "('AI 写作训练营', '小红书起号课', 'Excel 数据分析')"));
        }
    }

    @Test
    void aShopExportThatNamesChannelsInManyWaysLosesNoRow() throws Exception {
        try (Project project = newProject(folder, "channels")) {
            ImportReport report = importFile(project, fixture("orders-channels-shop.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(14, report.accepted());
            assertEquals("wechat_channels,wechat_channels,wechat_channels,wechat,bilibili,xiaohongshu,xiaoetong,youzan,"
                    + "doudian,taobao_live,weidian,zsxq,custom_1,custom_1", String.join(",", strings(project,
                    "SELECT p.code FROM customer_order o JOIN platform p ON p.id = o.platform_id ORDER BY o.order_ref")));
            assertEquals(new NewPlatform("创客匠人", "custom_1", "创客匠人", "创客匠人", false, 2), report.newPlatforms().getLast());
            assertEquals(List.of("视频号", "WeChat Channels"), strings(project,
                    "SELECT name_zh FROM platform WHERE code = 'wechat_channels' UNION ALL "
                            + "SELECT name_en FROM platform WHERE code = 'wechat_channels'"));
        }
    }

    @Test
    void anUnknownPlatformIsRejectedInTheReadersLanguageOrTreatedAsOneTheProjectHas() throws Exception {
        try (Project project = newProject(folder, "choices")) {
            Path file = fixture("orders-channels-shop.csv");
            ImportReport rejecting = new Importer(project.database()).check(plan(file, EntityKind.ORDERS)
                    .withPlatforms(PlatformChoices.REJECT_NEW), TaskContext.silent());
            assertEquals(2, rejecting.rejected(), "only 创客匠人 is unknown: the rest are on the shipped list");
            Reason reason = rejecting.rejections().getFirst().reason();
            assertTrue(reason.in(java.util.ResourceBundle.getBundle(Reason.BUNDLE, java.util.Locale.SIMPLIFIED_CHINESE))
                    .contains("微博、微信、抖音"), "Chinese names in the Chinese reason");
            assertTrue(reason.english().contains("Weibo, WeChat, Douyin"), reason.english());

            ImportReport aliased = new Importer(project.database()).run(plan(file, EntityKind.ORDERS)
                    .withPlatforms(PlatformChoices.ADD_NEW.withAlias("创客匠人", "wechat")), TaskContext.silent());
            assertEquals(14, aliased.accepted());
            assertTrue(aliased.newPlatforms().stream().noneMatch(p -> p.name().equals("创客匠人")));
            assertEquals(2, count(project, "SELECT COUNT(*) FROM customer_order o JOIN platform p ON p.id = o.platform_id "
                    + "WHERE p.code = 'wechat' AND o.order_ref IN ('SP013', 'SP014')"));
            assertEquals(1, count(project, "SELECT COUNT(*) FROM platform_alias WHERE alias = '创客匠人'"),
                    "remembered for the next file");
        }
    }

    @Test
    void aFollowerListNamingChannelsAndBStationGoesInWhole() throws Exception {
        try (Project project = newProject(folder, "fans")) {
            ImportReport report = importFile(project, fixture("followers-channels.csv"), EntityKind.FOLLOWERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(5, report.accepted());
        }
    }

    @Test
    void anEnglishLineItemExportBecomesOrdersWithLinesCancellationsAndAGuestOrder() throws Exception {
        try (Project project = newProject(folder, "retail")) {
            ImportReport report = importFile(project, fixture("orders-online-retail.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(11, report.rowsRead());
            assertEquals(7, report.accepted(), "seven invoices");
            assertEquals(new OrderNotes(11, 2, 1, 0, 0), report.orders(), "no followers, so nothing to link to");
            assertEquals(new BigDecimal("83.14"), value(project, "SELECT amount FROM customer_order WHERE order_ref = '536365'"),
                    "4 lines, one of them at the end of the file: 6 x 2.55 + 6 x 3.39 + 8 x 2.75 + 6 x 4.25");
            assertEquals(4L, count(project, "SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id "
                    + "WHERE o.order_ref = '536365'"));
            assertEquals(List.of("C536379 cancelled -27.50", "C536383 cancelled -4.65"), strings(project,
                    "SELECT order_ref || ' ' || status || ' ' || amount FROM customer_order WHERE order_ref LIKE 'C%' "
                            + "ORDER BY order_ref"));
            assertEquals(List.of("536381"), strings(project, "SELECT order_ref FROM customer_order WHERE customer_ref IS NULL"));
            assertEquals("2010-12-01 08:26:00", value(project,
                    "SELECT CAST(paid_at AS VARCHAR) FROM customer_order WHERE order_ref = '536365'").toString(),
                    "12/1/2010 is the first of December: month first, as no date in the file says otherwise");
            var dashboard = new DashboardQueries(project.database()).summary();
            assertEquals(0, new BigDecimal("83.14").add(new BigDecimal("22.20")).add(new BigDecimal("54.08"))
                    .add(new BigDecimal("34.80")).add(new BigDecimal("97.75")).compareTo(dashboard.revenue()),
                    "paid invoices only, the guest's included: " + dashboard.revenue());
        }
    }

    @Test
    void aChineseLineExportKeepsTheOrderTotalItGives() throws Exception {
        try (Project project = newProject(folder, "lines")) {
            ImportReport report = importFile(project, fixture("orders-lines-chinese.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(3, report.accepted());
            assertEquals(4, report.orders().lines());
            assertEquals(new BigDecimal("348.00"), value(project, "SELECT amount FROM customer_order WHERE order_ref = 'T1001'"));
            assertEquals("refunded", value(project, "SELECT status FROM customer_order WHERE order_ref = 'T1003'"));
            assertEquals(2L, count(project, "SELECT COUNT(DISTINCT l.product_id) FROM order_line l JOIN customer_order o "
                    + "ON o.id = l.order_id WHERE o.order_ref = 'T1001'"));
        }
    }

    @Test
    void refundsCancellationsStatusChangesAndGuestOrdersAreKeptAndNeverCountedAsPurchases() throws Exception {
        try (Project project = newProject(folder, "refunds")) {
            ImportReport report = importFile(project, fixture("orders-refunds-guests.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(8, report.accepted());
            assertEquals(1, report.updated(), "R008 paid, then refunded further down the file");
            assertEquals(4, report.orders().refundsAndCancellations(), "R003, R004, R007 and R008's refund");
            assertEquals(2, report.orders().guestOrders(), "an empty customer id and 游客");
            assertEquals(List.of("R001 paid", "R002 refunded", "R003 cancelled", "R004 refunded", "R005 paid",
                    "R006 paid", "R007 cancelled", "R008 refunded"), strings(project,
                    "SELECT order_ref || ' ' || status FROM customer_order ORDER BY order_ref"));
            assertEquals("R002", value(project, "SELECT o.order_ref FROM customer_order r JOIN customer_order o "
                    + "ON o.id = r.refund_of WHERE r.order_ref = 'R004'"), "the refund points at the order it undoes");
            var dashboard = new DashboardQueries(project.database()).summary();
            assertEquals(0, new BigDecimal("397.00").compareTo(dashboard.revenue()), "R001 and two guest orders");
            assertEquals(1, dashboard.buyers(), "u1: guests are revenue but not buyers");
            var summary = new com.campaignstudio.ltv.SummaryReader(project.database()).read(
                    com.campaignstudio.ltv.PeriodUnit.WEEK, null, null, null, TaskContext.silent());
            assertEquals(1, summary.size(), "only u1 has a purchase of a known customer");
            assertEquals(5, summary.refundsLeftOut(), "R002 (fully refunded by R004), R003, R004, R007, R008");
            assertEquals(2, summary.guestOrdersLeftOut());
        }
    }

    @Test
    void aRefundAboveItsOrderLinksAndOnlyAFullRefundUndoesThePurchase() throws Exception {
        try (Project project = newProject(folder, "refund-order")) {
            Path file = folder.resolve("refund-first.csv");
            java.nio.file.Files.writeString(file, """
                    订单号,用户ID,商品,金额,支付时间,状态,原订单号
                    F001,u1,写作课,-100.00,2024/6/5 10:00,退款成功,F002
                    F002,u1,写作课,299.00,2024/6/1 10:00,已支付,
                    F003,u2,写作课,-299.00,2024/6/6 10:00,退款成功,F004
                    F004,u2,写作课,299.00,2024/6/2 10:00,已支付,
                    """);
            ImportReport report = importFile(project, file, EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(List.of("F001 refunded F002", "F002 paid -", "F003 refunded F004", "F004 refunded -"),
                    strings(project, "SELECT r.order_ref || ' ' || r.status || ' ' || COALESCE(o.order_ref, '-') "
                            + "FROM customer_order r LEFT JOIN customer_order o ON o.id = r.refund_of ORDER BY r.order_ref"),
                    "a partial refund leaves its order a purchase; a full one makes it refunded");
            assertEquals(new BigDecimal("299.00"), value(project, "SELECT amount FROM customer_order WHERE order_ref = 'F002'"),
                    "the order keeps its amount: the refund is a row of its own");
        }
    }

    @Test
    void importingALineExportAgainKeepsEachOrdersAmountAndLines() throws Exception {
        try (Project project = newProject(folder, "retail-again")) {
            Path file = fixture("orders-online-retail.csv");
            importFile(project, file, EntityKind.ORDERS);
            ImportReport again = importFile(project, file, EntityKind.ORDERS);
            assertEquals(List.of(), again.rejections());
            assertTrue(again.sameFileImportedBefore());
            assertEquals(0, again.accepted());
            assertEquals(new BigDecimal("83.14"), value(project, "SELECT amount FROM customer_order WHERE order_ref = '536365'"),
                    "not the amount of the order's first line");
            assertEquals(11L, count(project, "SELECT COUNT(*) FROM order_line"));
            assertEquals(List.of("C536379 cancelled", "C536383 cancelled"), strings(project,
                    "SELECT order_ref || ' ' || status FROM customer_order WHERE order_ref LIKE 'C%' ORDER BY order_ref"));
        }
    }

    @Test
    void aRenamedPlatformKeepsItsOldNameForTheNextFile() throws Exception {
        try (Project project = newProject(folder, "renamed")) {
            Path file = fixture("orders-channels-shop.csv");
            importFile(project, file, EntityKind.ORDERS);
            com.campaignstudio.project.PlatformTable.rename(project.database(), "custom_1", "Chuangke", "创客");
            long platforms = count(project, "SELECT COUNT(*) FROM platform");
            ImportReport again = importFile(project, file, EntityKind.ORDERS);
            assertEquals(List.of(), again.rejections());
            assertEquals(List.of(), again.newPlatforms(), "创客匠人 is the renamed platform's old name");
            assertEquals(platforms, count(project, "SELECT COUNT(*) FROM platform"));
            assertEquals(List.of("custom_1", "custom_1"), strings(project, "SELECT p.code FROM customer_order o "
                    + "JOIN platform p ON p.id = o.platform_id WHERE o.order_ref IN ('SP013', 'SP014')"));
        }
    }

    @Test
    void ordersLinkToFollowersWhicheverFileCameFirst() throws Exception {
        Path followers = fixture("followers-link.csv");
        Path orders = fixture("orders-link.csv");
        try (Project followersFirst = newProject(folder, "followers-first");
             Project ordersFirst = newProject(folder, "orders-first")) {
            importFile(followersFirst, followers, EntityKind.FOLLOWERS);
            ImportReport linked = importFile(followersFirst, orders, EntityKind.ORDERS);
            assertEquals(5, linked.linkedToFollowers());
            assertEquals(new OrderNotes(0, 0, 0, 1, 1), linked.orders(), "L6: no follower u9; L4: u3 follows on Douyin only");

            importFile(ordersFirst, orders, EntityKind.ORDERS);
            ImportReport later = importFile(ordersFirst, followers, EntityKind.FOLLOWERS);
            assertEquals(5, later.linkedToFollowers(), "the follower list links the orders already there");
            ImportReport again = importFile(ordersFirst, orders, EntityKind.ORDERS);
            assertEquals(5, again.linkedToFollowers(), "re-importing with update keeps the links");

            String links = "SELECT o.order_ref || '>' || COALESCE(f.platform_id || '/' || f.followed_at, '-') "
                    + "FROM customer_order o LEFT JOIN follower f ON f.id = o.follower_id ORDER BY o.order_ref";
            assertEquals(strings(followersFirst, links), strings(ordersFirst, links));
        }
    }

    @Test
    void amountsDatesAndOrderNumbersAsOtherLocalesAndExcelWriteThemAreRead() throws Exception {
        try (Project project = newProject(folder, "formats")) {
            ImportReport report = importFile(project, fixture("orders-formats.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            int year = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            assertEquals(List.of("20240305123456789|1299.00|EUR|2024-03-05 21:07:00",
                            "20240305123456790|1299.50|CNY|" + year + "-03-06 10:15:00",
                            "=“x”|12.50|CNY|" + year + "-03-07 09:00:00",
                            "E2|1299.00|CNY|2024-03-08 12:00:00"),
                    strings(project, "SELECT order_ref || '|' || amount || '|' || currency || '|' || "
                            + "CAST(paid_at AS VARCHAR) FROM customer_order ORDER BY order_ref"));
        }
    }

    private static ImportPlan plan(Path file, EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers), ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
    }

    static Object value(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getObject(1);
            }
        });
    }

    static List<String> strings(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            List<String> values = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    static Path fixture(String name) throws Exception {
        return Path.of(RealExportsTest.class.getResource("/import/real/" + name).toURI());
    }

    static Project newProject(Path folder, String name) throws Exception {
        return Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve(name + ".campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    static ImportReport importFile(Project project, Path file, EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
    }

    static long count(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

}
