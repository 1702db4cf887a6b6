package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the post a reach snapshot names. Unlike an engagement event, a snapshot of a post the project does not
 * have is rejected (a reach curve needs the post's publication time), as is one taken before the post was
 * published; no platform is added for a snapshot.
 */
final class ReachSnapshotLinks {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private record Post(long id, LocalDateTime publishedAt) {
    }

    private final Map<String, Post> posts = new HashMap<>();
    private final References references;
    private final String postHeader;
    private final String takenAtHeader;

    /** The headers name the file's columns in rejections. */
    ReachSnapshotLinks(Connection connection, References references, String postHeader, String takenAtHeader)
            throws SQLException {
        this.references = references;
        this.postHeader = postHeader;
        this.takenAtHeader = takenAtHeader;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT platform_id, external_id, id, published_at FROM post")) {
            while (rs.next()) {
                posts.put(rs.getInt(1) + "|" + rs.getString(2),
                        new Post(rs.getLong(3), rs.getTimestamp(4).toLocalDateTime()));
            }
        }
    }

    /** Replaces the platform and post of {@code values} by the post's row id. */
    void resolve(Map<String, Object> values) throws RejectedRowException {
        RowConverter.Unresolved platform = (RowConverter.Unresolved) values.remove("platform_id");
        String external = (String) values.remove("post");
        Post post = references.existingPlatform(platform.name())
                .map(id -> posts.get(id + "|" + external)).orElse(null);
        if (post == null) {
            throw new RejectedRowException(postHeader, external,
                    Reason.of("reject.unknownPost", external, platform.name()));
        }
        LocalDateTime takenAt = (LocalDateTime) values.get("taken_at");
        if (takenAt.isBefore(post.publishedAt())) {
            throw new RejectedRowException(takenAtHeader, takenAt.format(SHOWN),
                    Reason.of("reject.beforePublished", takenAt.format(SHOWN), external, post.publishedAt().format(SHOWN)));
        }
        values.put("post_id", post.id());
    }
}
