package com.campaignstudio.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the per-person totals of a follower list (views, likes, comments, shares, clicks) as engagement
 * snapshots: one row per kind, marked {@code is_total}, dated when the follower was last active (or when
 * imported), so that an aggregated export imports as well as an event log.
 */
final class FollowerTotals {

    private final PreparedStatement insert;
    private final long importId;
    private final LocalDateTime importedAt;

    FollowerTotals(Connection connection, long importId, LocalDateTime importedAt) throws SQLException {
        this.importId = importId;
        this.importedAt = importedAt;
        this.insert = connection.prepareStatement("INSERT INTO engagement (follower_id, occurred_at, kind, "
                + "event_count, is_total, import_id) VALUES (?, ?, ?, ?, TRUE, ?)");
    }

    /** Removes the total fields (and the last-active time) from a converted follower row. */
    static Map<String, Object> take(Map<String, Object> values) {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String key : EntityKind.TOTALS.keySet()) {
            if (values.containsKey(key)) {
                totals.put(key, values.remove(key));
            }
        }
        if (values.containsKey("last_active_at")) {
            totals.put("last_active_at", values.remove("last_active_at"));
        }
        return totals;
    }

    void add(long followerId, Map<String, Object> totals) throws SQLException {
        Object lastActive = totals.get("last_active_at");
        LocalDateTime at = lastActive instanceof LocalDateTime time ? time : importedAt;
        for (Map.Entry<String, String> kind : EntityKind.TOTALS.entrySet()) {
            if (totals.get(kind.getKey()) instanceof Long count && count > 0) {
                insert.setLong(1, followerId);
                insert.setTimestamp(2, Timestamp.valueOf(at));
                insert.setString(3, kind.getValue());
                insert.setLong(4, count);
                insert.setLong(5, importId);
                insert.addBatch();
            }
        }
        insert.executeBatch();
    }

    void close() throws SQLException {
        insert.close();
    }
}
