package com.campaignstudio.importer;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes converted rows into one table within the import's transaction: new rows in batches with ids it
 * assigns itself, rows that replace existing ones one by one, keeping their previous values so that the
 * import can be undone.
 */
final class TableWriter implements AutoCloseable {

    private static final int BATCH = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final String table;
    private final List<String> columns;
    private final long importId;
    private final PreparedStatement insert;
    private final KeyIndex existing;
    private final boolean dryRun;
    private final List<String> naturalKey;
    private final Map<String, Object> defaults;
    private final long firstNewId;
    private long nextId;
    private int pending;

    /** With {@code dryRun}, rows are checked and counted as if written, but nothing reaches the table. */
    TableWriter(Connection connection, EntityKind kind, List<String> columns, long importId, boolean dryRun)
            throws SQLException {
        this.connection = connection;
        this.dryRun = dryRun;
        this.table = kind.table();
        this.columns = List.copyOf(columns);
        this.importId = importId;
        this.naturalKey = kind.naturalKey();
        this.firstNewId = single(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
        this.nextId = firstNewId;
        this.existing = naturalKey.isEmpty() ? new KeyIndex() : existingKeys();
        this.defaults = requiredDefaults(connection, table);
        this.insert = connection.prepareStatement("INSERT INTO " + table + " (id, import_id, "
                + String.join(", ", columns) + ") VALUES (?, ?" + ", ?".repeat(columns.size()) + ")");
    }

    /**
     * The id of the row with the same natural key; or null, and then the key is taken for the row that the caller
     * inserts next (one look-up instead of two, for a million rows).
     */
    Long existingId(Map<String, Object> values) {
        if (naturalKey.isEmpty()) {
            return null;
        }
        long id = existing.getOrPut(keyOf(values), nextId);
        return id == KeyIndex.ABSENT ? null : id;
    }

    /** The id of the row whose one-column natural key is {@code value}, or null. */
    Long existingIdOf(Object value) {
        long id = existing.get(canonical(value));
        return id == KeyIndex.ABSENT ? null : id;
    }

    /** The natural key of a row as one string: the canonical text of each key column, separated by U+0001. */
    String keyOf(Map<String, Object> values) {
        if (naturalKey.size() == 1) {
            return canonical(values.get(naturalKey.getFirst()));
        }
        StringBuilder key = new StringBuilder();
        for (String column : naturalKey) {
            key.append(canonical(values.get(column))).append('\u0001');
        }
        return key.toString();
    }

    /** The first id this writer assigns; rows with this id or higher were added by this import. */
    long firstNewId() {
        return firstNewId;
    }

    long insert(Map<String, Object> values) throws SQLException {
        long id = nextId++;
        insert.setLong(1, id);
        insert.setLong(2, importId);
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(columns.get(i));
            insert.setObject(i + 3, value != null ? value : defaults.get(columns.get(i)));
        }
        if (!dryRun) {
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }
        return id;
    }

    /** Replaces the mapped columns of row {@code id}, keeping its previous values for undo. */
    void update(long id, Map<String, Object> values) throws SQLException {
        if (dryRun) {
            return;
        }
        flush();
        backup(id);
        // A blank cell leaves a required column as it was rather than resetting it to its default.
        List<String> changed = columns.stream()
                .filter(c -> values.containsKey(c) && !(values.get(c) == null && defaults.containsKey(c))).toList();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET "
                + String.join(", ", changed.stream().map(c -> c + " = ?").toList()) + " WHERE id = ?")) {
            for (int i = 0; i < changed.size(); i++) {
                update.setObject(i + 1, values.get(changed.get(i)));
            }
            update.setLong(changed.size() + 1, id);
            update.executeUpdate();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }

    private void backup(long id) throws SQLException {
        Map<String, Object> previous = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    previous.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), value == null ? null : value.toString());
                }
            }
        }
        try (PreparedStatement save = connection.prepareStatement(
                "INSERT INTO import_row_backup (import_id, table_name, row_id, previous) VALUES (?, ?, ?, ?)")) {
            save.setLong(1, importId);
            save.setString(2, table);
            save.setLong(3, id);
            save.setString(4, JSON.writeValueAsString(previous));
            save.executeUpdate();
        }
    }

    /**
     * The default values of NOT NULL columns: a blank optional cell must get the default (one event, format
     * "other"), which an explicit NULL in the INSERT would not.
     */
    private static Map<String, Object> requiredDefaults(Connection connection, String table) throws SQLException {
        Map<String, Object> defaults = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COLUMN_NAME, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table.toUpperCase(Locale.ROOT)
                     + "' AND IS_NULLABLE = 'NO' AND COLUMN_DEFAULT IS NOT NULL")) {
            while (rs.next()) {
                defaults.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        for (Map.Entry<String, Object> entry : defaults.entrySet()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT " + entry.getValue())) {
                rs.next();
                entry.setValue(rs.getObject(1));
            }
        }
        return defaults;
    }

    private KeyIndex existingKeys() throws SQLException {
        KeyIndex keys = new KeyIndex();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, " + String.join(", ", naturalKey) + " FROM " + table)) {
            while (rs.next()) {
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < naturalKey.size(); i++) {
                    values.put(naturalKey.get(i), rs.getObject(i + 2));
                }
                keys.put(keyOf(values), rs.getLong(1));
            }
        }
        return keys;
    }

    /** One text per value, so that keys read from the database equal keys from a file. */
    static String canonical(Object value) {
        return switch (value) {
            case null -> "\u0000";
            case Integer n -> Long.toString(n);
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Date d -> d.toLocalDate().toString();
            case Timestamp t -> t.toLocalDateTime().toString();
            default -> value.toString();
        };
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
