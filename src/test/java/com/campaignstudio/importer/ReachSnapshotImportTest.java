package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reach snapshots (a post's cumulative reach at several times) imported into {@code post_reach_snapshot}. */
class ReachSnapshotImportTest {

    private static final String POSTS = """
            post id,platform,published at,format
            P1,Douyin,2024-03-05 20:00,video
            P2,Douyin,2024-03-06 21:00,video
            X9,Xiaohongshu,2024-03-05 12:00,image
            """;
    private static final String SNAPSHOTS = """
            post id,platform,snapshot time,cumulative reach
            P1,Douyin,2024-03-05 21:00,1200
            P1,Douyin,2024-03-06 20:00,5400
            P1,Douyin,2024-03-08 20:00,7100
            P2,Douyin,2024-03-06 22:00,800
            """;

    @TempDir
    Path folder;
    private Project project;

    @BeforeEach
    void createProjectWithPosts() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        ImportReport posts = importText("posts.csv", POSTS, StandardCharsets.UTF_8, EntityKind.POSTS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertEquals(3, posts.accepted());
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void aLongTableWithEnglishHeadersIsRecognisedAndImported() throws Exception {
        List<String> headers = List.of("post id", "platform", "snapshot time", "cumulative reach");
        assertEquals(Map.of("post", 0, "platform", 1, "taken_at", 2, "reach", 3),
                MappingSuggester.suggest(EntityKind.REACH_SNAPSHOTS, headers).columns());
        assertEquals(EntityKind.REACH_SNAPSHOTS, MappingSuggester.detectKind(headers).orElseThrow());
        assertEquals(EntityKind.POSTS, MappingSuggester.detectKind(List.of("post id", "platform", "publish time", "reach"))
                .orElseThrow(), "a post list with its publication time and reach is still a post list");

        ImportReport report = importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.UPDATE);

        assertEquals(4, report.accepted());
        assertEquals(0, report.rejected());
        assertEquals(List.of("P1 2024-03-05 21:00:00 1200", "P1 2024-03-06 20:00:00 5400", "P1 2024-03-08 20:00:00 7100",
                "P2 2024-03-06 22:00:00 800"), snapshots());
        assertEquals(4L, value("SELECT COUNT(*) FROM post_reach_snapshot WHERE import_id = " + report.importId()));
        assertEquals(List.of(), report.newPlatforms());
    }

    @Test
    void aLongTableWithChineseHeadersInGbkIsImported() throws Exception {
        String chinese = """
                作品ID,平台,统计时间,累计触达
                P1,抖音,2024/3/5 21:00,1.2万
                P1,抖音,2024年3月6日 20:00,"5,400"
                X9,小红书,2024/3/6 12:00,300
                """;
        List<String> headers = List.of("作品ID", "平台", "统计时间", "累计触达");
        assertEquals(Map.of("post", 0, "platform", 1, "taken_at", 2, "reach", 3),
                MappingSuggester.suggest(EntityKind.REACH_SNAPSHOTS, headers).columns());

        ImportReport report = importText("触达.csv", chinese, Charset.forName("GBK"), EntityKind.REACH_SNAPSHOTS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);

        assertEquals(3, report.accepted(), report.rejections().toString());
        assertEquals(List.of("P1 2024-03-05 21:00:00 12000", "P1 2024-03-06 20:00:00 5400", "X9 2024-03-06 12:00:00 300"),
                snapshots());
    }

    @Test
    void aSnapshotOfAPostTheProjectDoesNotHaveIsRejectedNamingThePost() throws Exception {
        long platforms = (Long) value("SELECT COUNT(*) FROM platform");
        ImportReport report = importSnapshots("reach.csv", SNAPSHOTS
                + "P404,Douyin,2024-03-06 20:00,90\n"
                + "P1,Weibo,2024-03-06 20:00,90\n"
                + "P1,Our Forum,2024-03-06 20:00,90\n", ImportPlan.Duplicates.UPDATE);

        assertEquals(4, report.accepted());
        assertEquals(3, report.rejected());
        assertEquals(List.of("6|post id|P404|no post P404 on Douyin \u2014 import the posts first",
                        "7|post id|P1|no post P1 on Weibo \u2014 import the posts first",
                        "8|post id|P1|no post P1 on Our Forum \u2014 import the posts first"),
                report.rejections().stream().map(ReachSnapshotImportTest::shown).toList());
        ResourceBundle chinese = ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertEquals("Douyin 上没有作品 P404——请先导入作品", report.rejections().getFirst().reason().in(chinese));
        assertEquals(platforms, value("SELECT COUNT(*) FROM platform"),
                "a snapshot adds no platform: its post would have to be there first");
        assertEquals(report.rejections(), new ImportHistory(project.database()).rejections(report.importId()));

        Path csv = folder.resolve("rejected.csv");
        RejectionReport.write(csv, report.file(), report.rejections(), ResourceBundle.getBundle(Reason.BUNDLE, Locale.ROOT));
        assertTrue(Files.readString(csv).contains("reach.csv,6,post id,P404,no post P404 on Douyin \u2014 import the posts first"),
                "the rejected-rows file names the file, row, column and value");
    }

    @Test
    void aSnapshotTakenBeforeThePostWasPublishedIsRejected() throws Exception {
        ImportReport report = importSnapshots("reach.csv", SNAPSHOTS
                + "P2,Douyin,2024-03-06 20:59,10\n"
                + "P2,Douyin,2024-03-06 21:00,0\n", ImportPlan.Duplicates.UPDATE);

        assertEquals(5, report.accepted(), "a snapshot at the moment of publication is kept");
        assertEquals(List.of("6|snapshot time|2024-03-06 20:59|measured at 2024-03-06 20:59, before post P2 was "
                + "published (2024-03-06 21:00)"), report.rejections().stream().map(ReachSnapshotImportTest::shown).toList());
        assertEquals(0L, value("SELECT COUNT(*) FROM post_reach_snapshot WHERE reach = 10"));
    }

    @Test
    void reimportingSkipsOrUpdatesInsteadOfDuplicatingAndUndoRestores() throws Exception {
        importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.UPDATE);

        ImportReport skipped = importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.SKIP);
        assertTrue(skipped.sameFileImportedBefore());
        assertEquals(4, skipped.skipped());
        assertEquals(0, skipped.accepted());

        ImportReport updated = importSnapshots("reach-corrected.csv", SNAPSHOTS.replace(",5400", ",5500")
                + "P2,Douyin,2024-03-07 21:00,2600\n", ImportPlan.Duplicates.UPDATE);
        assertEquals(4, updated.updated());
        assertEquals(1, updated.accepted());
        assertEquals(5L, value("SELECT COUNT(*) FROM post_reach_snapshot"));
        assertEquals(5500L, value("SELECT s.reach FROM post_reach_snapshot s JOIN post p ON p.id = s.post_id "
                + "WHERE p.external_id = 'P1' AND s.taken_at = TIMESTAMP '2024-03-06 20:00:00'"));

        new ImportHistory(project.database()).undo(updated.importId());
        assertEquals(List.of("P1 2024-03-05 21:00:00 1200", "P1 2024-03-06 20:00:00 5400", "P1 2024-03-08 20:00:00 7100",
                "P2 2024-03-06 22:00:00 800"), snapshots(), "the corrected value is undone, the added snapshot removed");
    }

    @Test
    void undoingASnapshotImportRemovesItsSnapshotsAndLeavesThePosts() throws Exception {
        ImportReport report = importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.UPDATE);
        ImportHistory history = new ImportHistory(project.database());

        history.undo(report.importId());

        assertEquals(0L, value("SELECT COUNT(*) FROM post_reach_snapshot"));
        assertEquals(3L, value("SELECT COUNT(*) FROM post"));
        assertTrue(history.entries().getFirst().undone());
        assertEquals("reach-snapshots", history.entries().getFirst().kind());
    }

    @Test
    void undoingThePostImportTakesTheirSnapshotsWithThem() throws Exception {
        importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.UPDATE);
        ImportHistory history = new ImportHistory(project.database());
        long postImport = history.entries().getLast().id();

        history.undo(postImport);

        assertEquals(0L, value("SELECT COUNT(*) FROM post"));
        assertEquals(0L, value("SELECT COUNT(*) FROM post_reach_snapshot"), "no snapshot of a post that is gone");
    }

    @Test
    void aFailedOrCancelledImportLeavesTheProjectAsItWas() throws Exception {
        importSnapshots("reach.csv", SNAPSHOTS, ImportPlan.Duplicates.UPDATE);
        List<String> before = snapshots();

        ImportReport refused = importText("reach-bad.csv", SNAPSHOTS.replace(",5400", ",5500")
                        + "P404,Douyin,2024-03-06 20:00,90\n", StandardCharsets.UTF_8, EntityKind.REACH_SNAPSHOTS,
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.ALL_OR_NOTHING);
        assertFalse(refused.committed());
        assertEquals(before, snapshots());

        StringBuilder many = new StringBuilder("post id,platform,snapshot time,cumulative reach\n");
        for (int minute = 0; minute < 12_000; minute++) {
            many.append("P1,Douyin,").append(java.time.LocalDateTime.of(2024, 3, 5, 20, 0).plusMinutes(minute)
                    .toString().replace('T', ' ')).append(',').append(minute).append('\n');
        }
        Path file = folder.resolve("many.csv");
        Files.writeString(file, many);
        ImportPlan plan = plan(file, EntityKind.REACH_SNAPSHOTS, ImportPlan.Duplicates.UPDATE,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        long imports = (Long) value("SELECT COUNT(*) FROM import_batch");
        assertThrows(CancelledException.class, () -> new Importer(project.database()).run(plan, TestContexts.cancelled()));
        assertEquals(before, snapshots());
        assertEquals(imports, value("SELECT COUNT(*) FROM import_batch"));
    }

    private static String shown(RowRejection rejection) {
        return rejection.row() + "|" + rejection.column() + "|" + rejection.value() + "|" + rejection.reason().english();
    }

    private ImportReport importSnapshots(String name, String csv, ImportPlan.Duplicates duplicates) throws Exception {
        return importText(name, csv, StandardCharsets.UTF_8, EntityKind.REACH_SNAPSHOTS, duplicates,
                ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
    }

    private ImportReport importText(String name, String text, Charset charset, EntityKind kind,
                                    ImportPlan.Duplicates duplicates, ImportPlan.RejectionPolicy policy) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, text.getBytes(charset));
        return new Importer(project.database()).run(plan(file, kind, duplicates, policy), TaskContext.silent());
    }

    private static ImportPlan plan(Path file, EntityKind kind, ImportPlan.Duplicates duplicates,
                                   ImportPlan.RejectionPolicy policy) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers), duplicates, policy);
    }

    /** Every snapshot as "post taken_at reach", in post and time order. */
    private List<String> snapshots() throws SQLException {
        return project.database().read(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT p.external_id, CAST(s.taken_at AS VARCHAR), s.reach "
                         + "FROM post_reach_snapshot s JOIN post p ON p.id = s.post_id ORDER BY p.external_id, s.taken_at")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
                }
            }
            return rows;
        });
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
