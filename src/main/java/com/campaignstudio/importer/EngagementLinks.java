package com.campaignstudio.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Resolves the follower and post an engagement event names. A follower the project does not know yet is
 * added (an event is evidence enough that the person follows), recorded as part of the import.
 */
final class EngagementLinks {

    private final KeyIndex followers = new KeyIndex();
    private final KeyIndex posts = new KeyIndex();
    private final PreparedStatement addFollower;
    private final long importId;
    private long nextFollowerId;

    EngagementLinks(Connection connection, long importId) throws SQLException {
        this.importId = importId;
        load(connection, "SELECT platform_id, external_id, id FROM follower", followers);
        load(connection, "SELECT platform_id, external_id, id FROM post", posts);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM follower")) {
            rs.next();
            nextFollowerId = rs.getLong(1);
        }
        addFollower = connection.prepareStatement(
                "INSERT INTO follower (id, platform_id, external_id, import_id) VALUES (?, ?, ?, ?)");
    }

    /** Replaces the follower and post references of {@code values} by their row ids. */
    void resolve(Map<String, Object> values) throws SQLException {
        Object platform = values.remove("platform_id");
        String follower = (String) values.remove("follower");
        String key = platform + "|" + follower;
        long followerId = followers.get(key);
        if (followerId == KeyIndex.ABSENT) {
            followerId = nextFollowerId++;
            addFollower.setLong(1, followerId);
            addFollower.setObject(2, platform);
            addFollower.setString(3, follower);
            addFollower.setLong(4, importId);
            addFollower.executeUpdate();
            followers.put(key, followerId);
        }
        values.put("follower_id", followerId);
        if (values.containsKey("post")) {
            Object post = values.remove("post");
            long postId = post == null ? KeyIndex.ABSENT : posts.get(platform + "|" + post);
            values.put("post_id", postId == KeyIndex.ABSENT ? null : postId);
        }
    }

    void close() throws SQLException {
        addFollower.close();
    }

    private static void load(Connection connection, String sql, KeyIndex into) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getInt(1) + "|" + rs.getString(2), rs.getLong(3));
            }
        }
    }
}
