package com.campaignstudio.data;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The project's tables a user can browse, in the order of domain.md section 2, with their row counts. */
public final class TableCatalog {

    /** Tables with a numeric {@code id} key, so that the data view can page through them by key. */
    public static final List<String> BROWSABLE = List.of("platform", "follower", "engagement", "post",
            "post_reach_snapshot", "product", "customer_order", "spend", "live_session", "campaign", "scenario",
            "import_batch");

    private final ProjectDatabase database;

    public TableCatalog(ProjectDatabase database) {
        this.database = database;
    }

    /** A table and how many rows it holds. */
    public record TableCount(String table, long rows) {
    }

    public List<TableCount> counts() throws SQLException {
        return database.read(connection -> {
            List<TableCount> counts = new ArrayList<>();
            for (String table : BROWSABLE) {
                counts.add(new TableCount(table, count(connection, table)));
            }
            return counts;
        });
    }

    static long count(Connection connection, String table) throws SQLException {
        requireBrowsable(table);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void requireBrowsable(String table) {
        if (!BROWSABLE.contains(table)) {
            throw new IllegalArgumentException("not a browsable table: " + table);
        }
    }
}
