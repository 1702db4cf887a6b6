package com.campaignstudio.snapshot;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a project into an {@link ActivitySnapshot} with one plain scan of each table (followers, engagement, orders,
 * and the small name tables): no join, no ORDER BY and no GROUP BY, which H2 would answer by sorting millions of
 * rows. Times come out of H2 as seconds ({@code DATEDIFF}), not as date-time objects.
 */
public final class SnapshotReader {

    private static final int CHECK_EVERY = 1 << 18;
    private static final String SECONDS = "DATEDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', %s)";

    private SnapshotReader() {
    }

    public static ActivitySnapshot read(ProjectDatabase database, TaskContext context) throws SQLException {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            SnapshotBuilder builder = new SnapshotBuilder(estimate(connection, "ENGAGEMENT"),
                    estimate(connection, "CUSTOMER_ORDER"));
            names(connection, builder);
            context.message(Reason.of("stage.followers"));
            followers(connection, builder, context);
            context.progress(1, 4);
            context.message(Reason.of("stage.engagement"));
            engagement(connection, builder, context);
            context.progress(2, 4);
            context.message(Reason.of("stage.orders"));
            orders(connection, builder, context);
            context.progress(3, 4);
            ActivitySnapshot snapshot = builder.build(context);
            context.progress(4, 4);
            return snapshot;
        });
    }

    private static void names(Connection connection, SnapshotBuilder builder) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code, name_en, name_zh FROM platform")) {
            while (rs.next()) {
                builder.platform(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name FROM campaign")) {
            while (rs.next()) {
                builder.campaign(Math.toIntExact(rs.getLong(1)), rs.getString(2));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name FROM product")) {
            while (rs.next()) {
                builder.product(Math.toIntExact(rs.getLong(1)), rs.getString(2));
            }
        }
    }

    private static void followers(Connection connection, SnapshotBuilder builder, TaskContext context)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("SELECT id, platform_id, "
                    + SECONDS.formatted("followed_at") + " FROM follower")) {
                long seen = 0;
                while (rs.next()) {
                    if (++seen % CHECK_EVERY == 0) {
                        context.checkCancelled();
                    }
                    long id = rs.getLong(1);
                    int platform = rs.getInt(2);
                    long followed = rs.getLong(3);
                    builder.follower(id, platform, rs.wasNull() ? ActivitySnapshot.NO_TIME : followed);
                }
            }
        }
    }

    private static void engagement(Connection connection, SnapshotBuilder builder, TaskContext context)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("SELECT follower_id, " + SECONDS.formatted("occurred_at")
                    + ", kind, post_id, is_total FROM engagement")) {
                long seen = 0;
                while (rs.next()) {
                    if (++seen % CHECK_EVERY == 0) {
                        context.checkCancelled();
                    }
                    if (rs.getBoolean(5)) {
                        builder.total();
                        continue;
                    }
                    builder.event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4));
                }
            }
        }
    }

    private static void orders(Connection connection, SnapshotBuilder builder, TaskContext context)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("SELECT customer_ref, follower_id, " + SECONDS.formatted("paid_at")
                    + ", amount, platform_id, campaign_id, product_id, status FROM customer_order")) {
                long seen = 0;
                while (rs.next()) {
                    if (++seen % CHECK_EVERY == 0) {
                        context.checkCancelled();
                    }
                    builder.order(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getInt(5),
                            rs.getLong(6), rs.getLong(7), "paid".equals(rs.getString(8)));
                }
            }
        }
    }

    private static int estimate(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'")) {
            long rows = rs.next() ? Math.max(0, rs.getLong(1)) : 0;
            return (int) Math.min(rows + rows / 16, Integer.MAX_VALUE - 8);
        }
    }
}
