package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.project.ProjectDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The project's imports, their rejected rows, and undoing an import. */
public final class ImportHistory {

    /** Tables an import writes, children before parents so that deleting respects foreign keys. */
    private static final List<String> TABLES = List.of("engagement", "post_reach_snapshot", "customer_order", "post",
            "live_session", "spend", "follower");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProjectDatabase database;

    public ImportHistory(ProjectDatabase database) {
        this.database = database;
    }

    /** One recorded import. */
    public record Entry(long id, String file, String kind, long read, long accepted, long updated, long skipped,
                        long rejected, LocalDateTime finishedAt, boolean undone) {
    }

    public List<Entry> entries() throws SQLException {
        return database.read(connection -> {
            List<Entry> entries = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, file_name, entity, rows_read, rows_accepted, "
                         + "rows_updated, rows_skipped, rows_rejected, finished_at, undone_at FROM import_batch "
                         + "ORDER BY id DESC")) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(9);
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            finished == null ? null : finished.toLocalDateTime(), rs.getTimestamp(10) != null));
                }
            }
            return entries;
        });
    }

    public List<RowRejection> rejections(long importId) throws SQLException {
        return database.read(connection -> {
            List<RowRejection> rejections = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT row_number, column_name, raw_value, "
                    + "reason, reason_key, reason_arguments FROM import_rejection WHERE import_id = ? ORDER BY row_number")) {
                select.setLong(1, importId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rejections.add(new RowRejection(rs.getLong(1), rs.getString(2), rs.getString(3),
                                reason(rs.getString(4), rs.getString(5), rs.getString(6))));
                    }
                }
            }
            return rejections;
        });
    }

    private static Reason reason(String english, String key, String arguments) {
        return key == null ? Reason.literal(english)
                : new Reason(key, List.of(JSON.readValue(arguments, String[].class)));
    }

    /**
     * Undoes an import in one transaction: the rows it added are deleted (with what hangs off them) and the
     * rows it replaced get their previous values back. Products it created go too unless other orders use
     * them. The history keeps the import, marked undone.
     */
    public void undo(long importId) throws SQLException {
        database.transaction(connection -> {
            removeDependants(connection, importId);
            for (String table : TABLES) {
                forImport(connection, "DELETE FROM " + table + " WHERE import_id = ?", importId);
            }
            forImport(connection, "DELETE FROM product WHERE import_id = ? AND id NOT IN "
                    + "(SELECT product_id FROM customer_order WHERE product_id IS NOT NULL)", importId);
            restoreReplacedRows(connection, importId);
            forImport(connection, "DELETE FROM import_row_backup WHERE import_id = ?", importId);
            forImport(connection, "DELETE FROM platform p WHERE p.import_id = ? AND NOT EXISTS (SELECT 1 FROM follower "
                    + "WHERE platform_id = p.id) AND NOT EXISTS (SELECT 1 FROM customer_order WHERE platform_id = p.id) "
                    + "AND NOT EXISTS (SELECT 1 FROM post WHERE platform_id = p.id) AND NOT EXISTS (SELECT 1 FROM spend "
                    + "WHERE platform_id = p.id) AND NOT EXISTS (SELECT 1 FROM live_session WHERE platform_id = p.id)",
                    importId);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE import_batch SET undone_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                mark.setLong(1, importId);
                mark.executeUpdate();
            }
            return null;
        });
    }

    /**
     * What the foreign keys of schema 1 to 6 did on delete, done by hand since the fact tables lost them (schema 7,
     * for import speed): events of the followers being removed go with them, orders forget them, events forget
     * removed posts, lines go with their orders.
     */
    private static void removeDependants(Connection connection, long importId) throws SQLException {
        forImport(connection, "DELETE FROM engagement WHERE follower_id IN (SELECT id FROM follower WHERE import_id = ?)",
                importId);
        forImport(connection, "UPDATE customer_order SET follower_id = NULL "
                + "WHERE follower_id IN (SELECT id FROM follower WHERE import_id = ?)", importId);
        forImport(connection, "UPDATE engagement SET post_id = NULL WHERE post_id IN (SELECT id FROM post WHERE import_id = ?)",
                importId);
        forImport(connection, "DELETE FROM order_line WHERE order_id IN (SELECT id FROM customer_order WHERE import_id = ?)",
                importId);
    }

    private static void restoreReplacedRows(Connection connection, long importId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT table_name, row_id, previous "
                + "FROM import_row_backup WHERE import_id = ? ORDER BY row_id DESC")) {
            select.setLong(1, importId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!TABLES.contains(table) && !table.equals("product")) {
                        throw new SQLException("unexpected table in the undo record: " + table);
                    }
                    Map<String, String> previous = JSON.readValue(rs.getString(3), new TypeReference<>() {
                    });
                    previous.remove("id");
                    List<String> columns = List.copyOf(previous.keySet());
                    try (PreparedStatement restore = connection.prepareStatement("UPDATE " + table + " SET "
                            + String.join(", ", columns.stream().map(c -> c + " = ?").toList()) + " WHERE id = ?")) {
                        for (int i = 0; i < columns.size(); i++) {
                            restore.setString(i + 1, previous.get(columns.get(i)));
                        }
                        restore.setLong(columns.size() + 1, rs.getLong(2));
                        restore.executeUpdate();
                    }
                }
            }
        }
    }

    private static void forImport(Connection connection, String sql, long importId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, importId);
            delete.executeUpdate();
        }
    }
}
