package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The posts a project holds as published, for checking a plan against ({@link PlanReview}). Counts the export left
 * empty read as 0, as {@link PostHistory} reads them.
 *
 * <p>A post's counts are as of the export that brought it, so its {@code exportedAt} is when the import that wrote
 * the post finished ({@code post.import_id} → {@code import_batch.finished_at}). A post no import wrote (the demo's,
 * or rows written by hand) has no such time: it takes the latest time the project knows of, its last publication or
 * reach snapshot, as data cannot have been exported before its own newest time stamp.
 */
public final class PublishedPosts {

    private PublishedPosts() {
    }

    /** The posts published from {@code from} (inclusive) to {@code to} (exclusive), in order of publication. */
    public static List<PlanReview.PublishedPost> read(ProjectDatabase database, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        return database.read(connection -> {
            LocalDateTime latest = latestTime(connection);
            List<PlanReview.PublishedPost> posts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pl.code, p.external_id, "
                    + "p.published_at, COALESCE(p.reach, 0), COALESCE(p.likes, 0) + COALESCE(p.comments, 0) "
                    + "+ COALESCE(p.shares, 0), COALESCE(p.clicks, 0), b.finished_at FROM post p "
                    + "JOIN platform pl ON pl.id = p.platform_id LEFT JOIN import_batch b ON b.id = p.import_id "
                    + "WHERE p.published_at >= ? AND p.published_at < ? ORDER BY p.published_at, p.id")) {
                statement.setTimestamp(1, Timestamp.valueOf(from));
                statement.setTimestamp(2, Timestamp.valueOf(to));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LocalDateTime exported = rs.getObject(7, LocalDateTime.class);
                        posts.add(new PlanReview.PublishedPost(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDateTime.class), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                exported != null ? exported : latest));
                    }
                }
            }
            return posts;
        });
    }

    /** The latest publication or reach snapshot in the project. */
    private static LocalDateTime latestTime(java.sql.Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT MAX(published_at) FROM post), "
                     + "(SELECT MAX(taken_at) FROM post_reach_snapshot)")) {
            rs.next();
            LocalDateTime published = rs.getObject(1, LocalDateTime.class);
            LocalDateTime snapshot = rs.getObject(2, LocalDateTime.class);
            if (published == null) {
                return snapshot;
            }
            return snapshot != null && snapshot.isAfter(published) ? snapshot : published;
        }
    }
}
