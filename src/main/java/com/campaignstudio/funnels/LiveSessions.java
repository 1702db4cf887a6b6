package com.campaignstudio.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Label;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The project's live sessions as imported, oldest first, with the names of their platforms.
 *
 * @param sessions  every session
 * @param platforms platform names by id
 */
public record LiveSessions(List<LiveSession> sessions, Map<Integer, Label> platforms) {

    public LiveSessions {
        sessions = List.copyOf(sessions);
        platforms = Map.copyOf(platforms);
    }

    /** Reads {@code live_session} (a small table) and the platforms. */
    public static LiveSessions read(ProjectDatabase database) throws SQLException {
        Map<Integer, Label> platforms = new HashMap<>();
        List<LiveSession> sessions = database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, code, name_en, name_zh FROM platform")) {
                while (rs.next()) {
                    platforms.put(rs.getInt(1), new Label(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            List<LiveSession> read = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, platform_id, started_at, minutes, viewers, engaged, "
                         + "buyers, revenue FROM live_session ORDER BY started_at, id")) {
                while (rs.next()) {
                    long engaged = rs.getLong(6);
                    OptionalLong engagedValue = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(engaged);
                    read.add(new LiveSession(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDateTime.class),
                            rs.getInt(4), rs.getLong(5), engagedValue, rs.getLong(7), rs.getDouble(8)));
                }
            }
            return read;
        });
        return new LiveSessions(sessions, platforms);
    }
}
