package com.campaignstudio.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows of one kind of the project's {@code scenario} table (saved experiments, schedules, budget splits): a name
 * unique within the kind, the inputs and the results as text (JSON). Saving under a name that exists replaces that
 * row. A saved scenario is not data an analysis reads, so saving one leaves the cached activity snapshot valid.
 */
public final class ScenarioTable {

    /** The longest name the table holds. */
    public static final int MAX_NAME = 200;

    /** One saved scenario. */
    public record Row(long id, String name, LocalDateTime savedAt, String inputs, String results) {
    }

    private final ProjectDatabase database;
    private final String kind;

    public ScenarioTable(ProjectDatabase database, String kind) {
        this.database = database;
        this.kind = kind;
    }

    /** Saves under {@code name} (stripped), replacing a row of that name; true when it replaced one. */
    public boolean save(String name, String inputs, String results) throws SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scenario SET inputs = ?, results = ?, created_at = ? WHERE kind = ? AND name = ?")) {
                update.setString(1, inputs);
                update.setString(2, results);
                update.setTimestamp(3, now);
                update.setString(4, kind);
                update.setString(5, name.strip());
                if (update.executeUpdate() > 0) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scenario (kind, name, inputs, results, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, kind);
                insert.setString(2, name.strip());
                insert.setString(3, inputs);
                insert.setString(4, results);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            return false;
        }, false);
    }

    public Optional<Row> load(String name) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, created_at, inputs, results "
                    + "FROM scenario WHERE kind = ? AND name = ?")) {
                select.setString(1, kind);
                select.setString(2, name.strip());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every row of the kind, the most recently saved first. */
    public List<Row> list() throws SQLException {
        return database.read(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, created_at, inputs, results "
                    + "FROM scenario WHERE kind = ? ORDER BY created_at DESC, id DESC")) {
                select.setString(1, kind);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return rows;
        });
    }

    public boolean delete(String name) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scenario WHERE kind = ? AND name = ?")) {
                delete.setString(1, kind);
                delete.setString(2, name.strip());
                return delete.executeUpdate() > 0;
            }
        }, false);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class), rs.getString(4),
                rs.getString(5));
    }
}
