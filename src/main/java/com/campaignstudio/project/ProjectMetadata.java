package com.campaignstudio.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key-value facts about a project (its id, creation time, time zone, pseudonymisation key ...). */
public final class ProjectMetadata {

    public static final String PROJECT_ID = "project_id";
    public static final String CREATED_AT = "created_at";
    public static final String CREATED_BY_VERSION = "created_by_version";
    public static final String LAST_SAVED_BY_VERSION = "last_saved_by_version";
    public static final String PSEUDONYMISATION_KEY = "pseudonymisation_key";
    public static final String TIME_ZONE = "time_zone";
    public static final String CURRENCY = "currency";
    public static final String NAME = "name";
    public static final String PLANTED_TRUTH = "demo_planted_truth";
    /** "false" when the user opted out of pseudonymising ids on import. */
    public static final String PSEUDONYMISE = "pseudonymise";

    private final ProjectDatabase database;

    public ProjectMetadata(ProjectDatabase database) {
        this.database = database;
    }

    public Optional<String> get(String key) throws SQLException {
        return database.read(connection -> get(connection, key));
    }

    public void put(String key, String value) throws SQLException {
        database.transaction(connection -> {
            put(connection, key, value);
            return null;
        });
    }

    static Optional<String> get(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT meta_value FROM project_meta WHERE meta_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static void put(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO project_meta (meta_key, meta_value) KEY (meta_key) VALUES (?, ?)")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }
}
