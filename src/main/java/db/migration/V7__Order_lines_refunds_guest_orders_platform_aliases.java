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
        Identities.restartAfterExplicitIds(connection);
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
