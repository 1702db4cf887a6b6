package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The published posts a plan is checked against: counts, the period's bounds, and when each post was exported. */
class PublishedPostsTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 0, 0);

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
    void postsOfThePeriodCarryTheirCountsAndTheFinishOfTheImportThatBroughtThem() throws Exception {
        LocalDateTime finished = MONDAY.plusDays(9).plusHours(15);
        project.database().transaction(connection -> {
            long batch = insertImport(connection, finished);
            insertPost(connection, 1, "weibo", MONDAY.plusHours(20), 1200L, 30L, 4L, null, 9L, batch);
            insertPost(connection, 2, "douyin", MONDAY.plusDays(2).plusHours(21), null, null, null, null, null, batch);
            insertPost(connection, 3, "weibo", MONDAY.minusMinutes(1), 500L, 1L, 1L, 1L, 1L, batch);   // before
            insertPost(connection, 4, "weibo", MONDAY.plusDays(7), 500L, 1L, 1L, 1L, 1L, batch);        // at the end
            return null;
        });

        List<PlanReview.PublishedPost> posts = PublishedPosts.read(project.database(), MONDAY, MONDAY.plusDays(7));

        // Post 1: likes 30 + comments 4 + shares left empty = 34 engagements; clicks 9. Post 2: every count empty.
        assertEquals(List.of(
                new PlanReview.PublishedPost("weibo", "P1", MONDAY.plusHours(20), 1200, 34, 9, finished),
                new PlanReview.PublishedPost("douyin", "P2", MONDAY.plusDays(2).plusHours(21), 0, 0, 0, finished)),
                posts);
    }

    @Test
    void postsNoImportBroughtAreExportedAtTheProjectsLatestTime() throws Exception {
        LocalDateTime lastSnapshot = MONDAY.plusDays(12).plusHours(3);
        LocalDateTime lastPost = MONDAY.plusDays(10);
        project.database().transaction(connection -> {
            insertPost(connection, 1, "zhihu", MONDAY.plusHours(9), 800L, 10L, 2L, 3L, 5L, null);
            insertPost(connection, 2, "zhihu", lastPost, 800L, 10L, 2L, 3L, 5L, null);
            try (PreparedStatement snapshot = connection.prepareStatement(
                    "INSERT INTO post_reach_snapshot (post_id, taken_at, reach) VALUES (?, ?, ?)")) {
                snapshot.setLong(1, 1);
                snapshot.setTimestamp(2, Timestamp.valueOf(lastSnapshot));
                snapshot.setLong(3, 700);
                snapshot.executeUpdate();
            }
            return null;
        });

        List<PlanReview.PublishedPost> withSnapshot = PublishedPosts.read(project.database(), MONDAY,
                MONDAY.plusDays(7));
        assertEquals(List.of(new PlanReview.PublishedPost("zhihu", "P1", MONDAY.plusHours(9), 800, 15, 5,
                lastSnapshot)), withSnapshot);

        project.database().transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM post_reach_snapshot");
            }
            return null;
        });
        assertEquals(lastPost, PublishedPosts.read(project.database(), MONDAY, MONDAY.plusDays(7)).getFirst()
                .exportedAt(), "without snapshots, the last publication");
    }

    private static long insertImport(Connection connection, LocalDateTime finished) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch (file_name, content_hash, "
                + "entity, mapping, rows_read, rows_accepted, rows_rejected, started_at, finished_at) VALUES "
                + "('posts.csv', ?, 'posts', '{}', 4, 4, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "0".repeat(64));
            insert.setTimestamp(2, Timestamp.valueOf(finished.minusMinutes(1)));
            insert.setTimestamp(3, Timestamp.valueOf(finished));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertPost(Connection connection, long id, String platform, LocalDateTime published,
                                   Long reach, Long likes, Long comments, Long shares, Long clicks, Long importId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post (id, platform_id, external_id, "
                + "published_at, format, impressions, reach, likes, comments, shares, clicks, import_id) "
                + "SELECT ?, id, ?, ?, 'video', 5000, ?, ?, ?, ?, ?, ? FROM platform WHERE code = ?")) {
            insert.setLong(1, id);
            insert.setString(2, "P" + id);
            insert.setTimestamp(3, Timestamp.valueOf(published));
            Long[] counts = {reach, likes, comments, shares, clicks, importId};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == null) {
                    insert.setNull(4 + i, Types.BIGINT);
                } else {
                    insert.setLong(4 + i, counts[i]);
                }
            }
            insert.setString(10, platform);
            assertEquals(1, insert.executeUpdate());
        }
    }
}
