package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A second file that repeats rows already in the project, for every kind with a natural key: "skip" keeps the
 * stored values and adds only the new rows, "update" overwrites the repeated rows and adds the new ones, and
 * neither ever doubles a row. The second file is a different file (a later export with one new row and one
 * changed value), so the same-file warning plays no part.
 */
class NaturalKeyDedupeTest {

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
    void followersAreOnePersonPerPlatformAndIdAndTheSameIdOnAnotherPlatformIsAnotherPerson() throws Exception {
        String first = "用户ID,平台,地区\nf1,抖音,广东\nf2,抖音,北京\nf1,快手,上海\n";
        String later = "用户ID,平台,地区\nf1,抖音,浙江\nf3,抖音,四川\n";
        assertSkipThenUpdate(EntityKind.FOLLOWERS, first, later, "SELECT COUNT(*) FROM follower",
                "SELECT f.region FROM follower f JOIN platform p ON p.id = f.platform_id "
                        + "WHERE f.external_id = (SELECT external_id FROM follower WHERE region = '上海') AND p.code = 'douyin'",
                3, "广东", "浙江");
    }

    @Test
    void postsAreOnePerPlatformAndPostId() throws Exception {
        String first = "作品ID,平台,发布时间,播放量\nP1,抖音,2024-03-01 20:00,100\nP2,抖音,2024-03-02 20:00,200\n"
                + "P1,小红书,2024-03-01 21:00,300\n";
        String later = "作品ID,平台,发布时间,播放量\nP1,抖音,2024-03-01 20:00,150\nP3,抖音,2024-03-03 20:00,50\n";
        assertSkipThenUpdate(EntityKind.POSTS, first, later, "SELECT COUNT(*) FROM post",
                "SELECT impressions FROM post p JOIN platform pl ON pl.id = p.platform_id "
                        + "WHERE p.external_id = 'P1' AND pl.code = 'douyin'", 3, 100L, 150L);
    }

    @Test
    void spendIsOnePerDayPlatformAndCampaign() throws Exception {
        // The day is the key's date column: a stored DATE must meet the file's date as the same key.
        String first = "日期,平台,计划名称,花费\n2024-03-01,抖音,春季,100.00\n2024-03-02,抖音,春季,120.00\n"
                + "2024-03-01,抖音,夏季,80.00\n";
        String later = "日期,平台,计划名称,花费\n2024/3/1,抖音,春季,110.00\n2024-03-03,抖音,春季,90.00\n";
        assertSkipThenUpdate(EntityKind.SPEND, first, later, "SELECT COUNT(*) FROM spend",
                "SELECT s.amount FROM spend s JOIN campaign c ON c.id = s.campaign_id "
                        + "WHERE s.spent_on = DATE '2024-03-01' AND c.name = '春季'", 3,
                new BigDecimal("100.00"), new BigDecimal("110.00"));
    }

    @Test
    void liveSessionsAreOnePerPlatformAndStart() throws Exception {
        String first = "平台,开播时间,直播时长,观看人数,购买人数,成交金额\n抖音,2024-03-01 20:00,90,1000,10,990\n"
                + "快手,2024-03-01 20:00,60,500,4,396\n";
        String later = "平台,开播时间,直播时长,观看人数,购买人数,成交金额\n抖音,2024-03-01 20:00:00,90,1200,12,1188\n"
                + "抖音,2024-03-08 20:00,80,900,9,891\n";
        assertSkipThenUpdate(EntityKind.LIVE_SESSIONS, first, later, "SELECT COUNT(*) FROM live_session",
                "SELECT l.viewers FROM live_session l JOIN platform p ON p.id = l.platform_id WHERE p.code = 'douyin' "
                        + "AND l.started_at = TIMESTAMP '2024-03-01 20:00:00'", 2, 1000L, 1200L);
    }

    /** Most shops' product lists have no kind column: their products are "other", as order files make them. */
    @Test
    void productsAreOnePerName() throws Exception {
        String first = "商品名称,价格\n写作课,199\n读书会,99\n";
        String later = "商品名称,价格\n写作课,299\n剪辑课,399\n";
        assertSkipThenUpdate(EntityKind.PRODUCTS, first, later, "SELECT COUNT(*) FROM product",
                "SELECT list_price FROM product WHERE name = '写作课'", 2,
                new BigDecimal("199.00"), new BigDecimal("299.00"));
        assertEquals(3L, number("SELECT COUNT(*) FROM product WHERE kind = 'other'"));
    }

    /**
     * Imports {@code first} ({@code rowsOfFirst} rows), then {@code later} (one repeated row with a changed value,
     * one new row) with "skip", then again with "update"; checks the count and the repeated row's value each time.
     */
    private void assertSkipThenUpdate(EntityKind kind, String first, String later, String countSql, String valueSql,
                                      long rowsOfFirst, Object storedValue, Object updatedValue) throws Exception {
        ImportReport initial = importText(kind, "first.csv", first, ImportPlan.Duplicates.SKIP);
        assertEquals(rowsOfFirst, initial.accepted(), initial.rejections().toString());
        assertEquals(rowsOfFirst, number(countSql));

        ImportReport skipped = importText(kind, "later.csv", later, ImportPlan.Duplicates.SKIP);
        assertEquals(List.of(1L, 1L, 0L), List.of(skipped.accepted(), skipped.skipped(), skipped.updated()),
                "skip: " + skipped.rejections());
        assertEquals(rowsOfFirst + 1, number(countSql), "skip adds only the new row");
        assertEquals(storedValue, value(valueSql), "skip keeps the stored value");

        ImportReport updated = importText(kind, "later-again.csv", later, ImportPlan.Duplicates.UPDATE);
        assertEquals(List.of(0L, 0L, 2L), List.of(updated.accepted(), updated.skipped(), updated.updated()),
                "update: " + updated.rejections());
        assertEquals(rowsOfFirst + 1, number(countSql), "update adds nothing new the second time");
        assertEquals(updatedValue, value(valueSql), "update writes the file's value");
    }

    private ImportReport importText(EntityKind kind, String name, String text, ImportPlan.Duplicates duplicates)
            throws Exception {
        Path file = Files.writeString(folder.resolve(name), text);
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                duplicates, ImportPlan.RejectionPolicy.ALL_OR_NOTHING), TaskContext.silent());
    }

    private long number(String sql) throws Exception {
        return ((Number) value(sql)).longValue();
    }

    private Object value(String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getObject(1);
            }
        });
    }
}
