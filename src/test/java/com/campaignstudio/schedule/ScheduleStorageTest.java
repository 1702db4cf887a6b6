package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.schedule.ReachDecay.DecayFit;
import com.campaignstudio.schedule.ReachDecay.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schedule engines read the project's tables: empty counts, imports' times, snapshots. */
class ScheduleStorageTest {

    private static final LocalDateTime MONDAY_NINE = LocalDateTime.of(2025, 3, 3, 9, 0);

    @TempDir
    Path folder;
    Project project;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void emptyCountsReadAsZeroAndAPostWithoutImpressionsIsLeftOut() throws Exception {
        project.database().transaction(connection -> {
            insertPost(connection, 1, "weibo", "video", MONDAY_NINE, 1000L, 700L, 30L, null, 10L, null, null);
            insertPost(connection, 2, "weibo", "image", MONDAY_NINE.plusHours(1), null, 50L, 5L, 1L, 1L, 3L, null);
            insertPost(connection, 3, "douyin", "live", MONDAY_NINE.plusDays(2), 0L, 0L, 0L, 0L, 0L, 0L, null);
            return null;
        });
        PostHistory history = PostHistory.read(project.database());
        assertEquals(3, history.size());
        assertEquals(2, history.leftOut());
        assertEquals("weibo", history.platformCode(0));
        assertEquals("video", history.formatCode(0));
        assertEquals(MONDAY_NINE, history.publishedAt(0));
        assertEquals(40, history.engagements()[0]);
        assertEquals(0, history.clicks()[0]);
        assertEquals(0, history.impressions()[1]);
        SlotRates weibo = SlotRates.compute(history, SlotQuery.of("weibo", ZoneId.of("Asia/Shanghai")));
        assertEquals(1, weibo.postsUsed());
        assertEquals(1, weibo.leftOut());
        assertEquals(40.0 / 1000, weibo.rawRate(0, 9), 1e-12);
    }

    @Test
    void withoutSnapshotsOrImportsTheDecayIsTheDefaultAndTheUsersHalfLifeWins() throws Exception {
        project.database().transaction(connection -> {
            insertPost(connection, 1, "zhihu", "article", MONDAY_NINE, 1000L, 700L, 30L, 1L, 1L, 1L, null);
            return null;
        });
        DecayFit fit = ReachDecay.fit(project.database(), "zhihu", Optional.empty(), 1);
        assertEquals(Source.DEFAULT, fit.source());
        assertEquals(72, fit.halfLifeHours(), 1e-12);
        DecayFit users = ReachDecay.fit(project.database(), "zhihu", Optional.empty(), OptionalDouble.of(30), 1);
        assertEquals(Source.USER, users.source());
        assertEquals(30, users.halfLifeHours(), 1e-12);
    }

    /**
     * 40 posts published 1 to 79 hours before the import that brought them, reach = 0.6 x impressions x
     * (1 - e^(-lambda age)) with a 10 h half-life, no noise: the ages tier finds lambda within 1%. Each post also has
     * one reach snapshot, which cannot place lambda, so the snapshots tier gives way.
     */
    @Test
    void postsImportedYoungGiveTheDecayFromTheirAges() throws Exception {
        LocalDateTime imported = LocalDateTime.of(2025, 3, 10, 12, 0);
        double lambda = Math.log(2) / 10;
        project.database().transaction(connection -> {
            long batch = insertImport(connection, imported);
            for (int i = 0; i < 40; i++) {
                double age = 1 + 2 * i;
                long impressions = 5_000 + 100L * i;
                long reach = Math.round(0.6 * impressions * (1 - Math.exp(-lambda * age)));
                insertPost(connection, i + 1, "wechat", "article", imported.minusHours((long) age), impressions, reach,
                        1L, 1L, 1L, 1L, batch);
                try (PreparedStatement snapshot = connection.prepareStatement(
                        "INSERT INTO post_reach_snapshot (post_id, taken_at, reach) VALUES (?, ?, ?)")) {
                    snapshot.setLong(1, i + 1);
                    snapshot.setTimestamp(2, Timestamp.valueOf(imported));
                    snapshot.setLong(3, reach);
                    snapshot.executeUpdate();
                }
            }
            return null;
        });
        DecayFit fit = ReachDecay.fit(project.database(), "wechat", Optional.of("article"), 3);
        assertEquals(Source.AGES, fit.source());
        assertEquals(lambda, fit.lambda(), 0.01 * lambda);
        assertEquals(40, fit.posts());
        assertEquals(Source.DEFAULT, ReachDecay.fit(project.database(), "wechat", Optional.of("video"), 3).source());
    }

    /** Snapshots win over ages: 12 posts with snapshots at 1-48 h, half-life 6 h, no noise: lambda within 1%. */
    @Test
    void snapshotsGiveTheDecayWhenThereAreAny() throws Exception {
        double lambda = Math.log(2) / 6;
        project.database().transaction(connection -> {
            try (PreparedStatement snapshot = connection.prepareStatement(
                    "INSERT INTO post_reach_snapshot (post_id, taken_at, reach) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 12; i++) {
                    LocalDateTime published = MONDAY_NINE.plusDays(i);
                    long eventual = 2_000 + 500L * i;
                    insertPost(connection, i + 1, "douyin", "video", published, 3 * eventual, eventual, 1L, 1L, 1L, 1L,
                            null);
                    for (int hours : new int[]{1, 3, 6, 12, 24, 48}) {
                        snapshot.setLong(1, i + 1);
                        snapshot.setTimestamp(2, Timestamp.valueOf(published.plusHours(hours)));
                        snapshot.setLong(3, Math.round(eventual * (1 - Math.exp(-lambda * hours))));
                        snapshot.addBatch();
                    }
                }
                snapshot.executeBatch();
            }
            return null;
        });
        DecayFit fit = ReachDecay.fit(project.database(), "douyin", Optional.empty(), 3);
        assertEquals(Source.SNAPSHOTS, fit.source());
        assertEquals(lambda, fit.lambda(), 0.01 * lambda);
        assertEquals(12, fit.posts());
        assertEquals(72, fit.points());
    }

    private static long insertImport(Connection connection, LocalDateTime started) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch (file_name, content_hash, "
                + "entity, mapping, rows_read, rows_accepted, rows_rejected, started_at) VALUES ('posts.csv', ?, "
                + "'posts', '{}', 40, 40, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "0".repeat(64));
            insert.setTimestamp(2, Timestamp.valueOf(started));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertPost(Connection connection, long id, String platform, String format,
                                   LocalDateTime published, Long impressions, Long reach, Long likes, Long comments,
                                   Long shares, Long clicks, Long importId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post (id, platform_id, external_id, "
                + "published_at, format, impressions, reach, likes, comments, shares, clicks, import_id) "
                + "SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM platform WHERE code = ?")) {
            insert.setLong(1, id);
            insert.setString(2, "P" + id);
            insert.setTimestamp(3, Timestamp.valueOf(published));
            insert.setString(4, format);
            Long[] counts = {impressions, reach, likes, comments, shares, clicks, importId};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == null) {
                    insert.setNull(5 + i, Types.BIGINT);
                } else {
                    insert.setLong(5 + i, counts[i]);
                }
            }
            insert.setString(12, platform);
            assertEquals(1, insert.executeUpdate());
        }
    }
}
