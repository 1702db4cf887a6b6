package db.migration;

import com.campaignstudio.project.Identities;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 7 (issue 11, real exports): orders may have lines (product, quantity, unit price), may be
 * refunds or cancellations (linked to the order they undo where the export says which), and may have no
 * customer (guest orders still count as revenue); platforms gain aliases the user chose. Identities move past
 * ids written explicitly (demo projects wrote products with explicit ids, and the next import collided).
 *
 * <p>And imports at H2's own speed: the fact tables lose their foreign keys (the importer guarantees every
 * reference it writes, undo removes dependants itself) and the indexes no query uses; each table keeps its
 * primary key and one named index per natural key, which a large import drops and builds again
 * ({@code project.BulkIndexes}). Every index costs a B-tree update per row: customer_order had nine.
 *
 * <p>A Java migration because the status CHECK of version 1 has a generated name, found at run time. No new
 * CHECK is added: H2 2.4 reports a CHECK added to an existing file as invalid on every insert (see V6).
 */
public class V7__Order_lines_refunds_guest_orders_platform_aliases extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (String constraint : statusChecks(connection)) {
            execute(connection, "ALTER TABLE customer_order DROP CONSTRAINT \"" + constraint + "\"");
        }
        execute(connection, "ALTER TABLE customer_order ALTER COLUMN customer_ref SET NULL");
        execute(connection, "ALTER TABLE customer_order ADD COLUMN refund_of BIGINT");
        execute(connection, """
                CREATE TABLE order_line (
                    order_id   BIGINT         NOT NULL,
                    line_no    INTEGER        NOT NULL,
                    product_id BIGINT,
                    quantity   DECIMAL(14, 3) NOT NULL,
                    unit_price DECIMAL(14, 4),
                    amount     DECIMAL(14, 2) NOT NULL,
                    import_id  BIGINT,
                    PRIMARY KEY (order_id, line_no)
                )""");
        execute(connection, """
                CREATE TABLE platform_alias (
                    alias       VARCHAR(100) PRIMARY KEY,
                    platform_id INTEGER      NOT NULL REFERENCES platform (id) ON DELETE CASCADE
                )""");
        for (String table : FACT_TABLES) {
            for (String constraint : constraints(connection, table, "FOREIGN KEY")) {
                execute(connection, "ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
            }
        }
        for (String constraint : constraints(connection, "CUSTOMER_ORDER", "UNIQUE")) {
            execute(connection, "ALTER TABLE customer_order DROP CONSTRAINT \"" + constraint + "\"");
        }
        execute(connection, "ALTER TABLE follower DROP CONSTRAINT follower_natural_key");
        execute(connection, "ALTER TABLE post DROP CONSTRAINT post_natural_key");
        execute(connection, "DROP INDEX order_customer");
        execute(connection, "DROP INDEX order_paid_at");
        execute(connection, "DROP INDEX engagement_follower");
        execute(connection, "CREATE UNIQUE INDEX order_ref_key ON customer_order (order_ref)");
        execute(connection, "CREATE UNIQUE INDEX follower_key ON follower (platform_id, external_id)");
        execute(connection, "CREATE UNIQUE INDEX post_key ON post (platform_id, external_id)");
        execute(connection, "ALTER TABLE platform ADD COLUMN import_id BIGINT");
        Identities.restartAfterExplicitIds(connection);
    }

    /** Tables an import fills row by row; small reference tables (platform, product, campaign) keep their keys. */
    private static final List<String> FACT_TABLES = List.of("CUSTOMER_ORDER", "ENGAGEMENT", "FOLLOWER", "POST",
            "SPEND", "LIVE_SESSION");

    private static List<String> constraints(Connection connection, String table, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "' AND CONSTRAINT_TYPE = '" + type + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> statusChecks(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT c.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
                     + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_NAME = t.CONSTRAINT_NAME "
                     + "AND c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA WHERE t.TABLE_NAME = 'CUSTOMER_ORDER' "
                     + "AND t.CONSTRAINT_TYPE = 'CHECK' AND c.CHECK_CLAUSE LIKE '%refunded%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
