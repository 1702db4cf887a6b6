package com.campaignstudio.portrait;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Ten followers with their values written as exports write them, a few orders and interactions: small enough that
 * every figure of their portrait is worked out by hand in {@link PortraitTest}.
 *
 * <pre>
 * id platform gender   age      region      followed    buys (paid)
 *  1 douyin   女       18-24    广东省      2026-01-01  A 99 (o1), B 199 (o2, by customer ref only): mean 149
 *  2 douyin   F        25-30岁  Guangdong   2026-05-01  A 699
 *  3 douyin   female   25–34    广东        2026-06-20
 *  4 weibo    男       31-40    北京市      2025-01-01  C 49
 *  5 weibo    M        41-50    Beijing     -
 *  6 weibo    male     50+      上海        2026-06-25
 *  7 douyin   女性     25-30    上海市      2026-03-01  B 1999 (and A 2999, refunded)
 *  8 weibo    -        -        -           2024-06-01
 *  9 douyin   未知     不详     浙江省      2026-06-01
 * 10 weibo    女       24-30    广东        2025-12-01
 * </pre>
 * A customer linked to no follower pays 300 for C. The last day of data is 2026-06-30 (order o3). Interactions:
 * follower 1 Monday 2026-06-01 20:15 (3), follower 2 the same Monday 20:40 (2), follower 4 Tuesday 09:00 (1),
 * follower 7 Sunday 2026-06-07 21:00 (5); follower 1 also has a per-person total (100) and follower 2 50 watch
 * minutes, neither an interaction with a time.
 */
public final class PortraitFixture {

    private PortraitFixture() {
    }

    public static Project create(Path folder) throws Exception {
        Project project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        project.database().transaction(connection -> {
            follower(connection, 1, "douyin", "女", "18-24", "广东省", "2026-01-01");
            follower(connection, 2, "douyin", "F", "25-30岁", "Guangdong", "2026-05-01");
            follower(connection, 3, "douyin", "female", "25–34", "广东", "2026-06-20");
            follower(connection, 4, "weibo", "男", "31-40", "北京市", "2025-01-01");
            follower(connection, 5, "weibo", "M", "41-50", "Beijing", null);
            follower(connection, 6, "weibo", "male", "50+", "上海", "2026-06-25");
            follower(connection, 7, "douyin", "女性", "25-30", "上海市", "2026-03-01");
            follower(connection, 8, "weibo", null, null, null, "2024-06-01");
            follower(connection, 9, "douyin", "未知", "不详", "浙江省", "2026-06-01");
            follower(connection, 10, "weibo", "女", "24-30", "广东", "2025-12-01");
            execute(connection, "INSERT INTO product (id, name, kind) VALUES (1, 'A', 'course'), (2, 'B', 'ebook'), "
                    + "(3, 'C', 'column')");
            order(connection, "o1", "c1", 1L, 1, 99, "2026-02-01", "paid");
            order(connection, "o2", "c1", null, 2, 199, "2026-03-01", "paid");
            order(connection, "o3", "c2", 2L, 1, 699, "2026-06-30", "paid");
            order(connection, "o4", "c3", 4L, 3, 49, "2026-04-01", "paid");
            order(connection, "o5", "c7", 7L, 1, 2999, "2026-04-15", "refunded");
            order(connection, "o6", "c7", 7L, 2, 1999, "2026-05-01", "paid");
            order(connection, "o7", "c9", null, 3, 300, "2026-05-02", "paid");
            interaction(connection, 1, "2026-06-01T20:15", "view", 3, false);
            interaction(connection, 2, "2026-06-01T20:40", "like", 2, false);
            interaction(connection, 4, "2026-06-02T09:00", "view", 1, false);
            interaction(connection, 7, "2026-06-07T21:00", "view", 5, false);
            interaction(connection, 1, "2026-06-03T10:00", "view", 100, true);
            interaction(connection, 2, "2026-06-01T20:00", "watch_minutes", 50, false);
            return null;
        });
        return project;
    }

    private static void follower(Connection connection, long id, String platform, String gender, String age,
                                 String region, String followed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO follower (id, platform_id, external_id, "
                + "followed_at, region, gender, age_band) VALUES (?, (SELECT id FROM platform WHERE code = ?), ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, platform);
            insert.setString(3, "f" + id);
            insert.setTimestamp(4, followed == null ? null : Timestamp.valueOf(followed + " 12:00:00"));
            insert.setString(5, region);
            insert.setString(6, gender);
            insert.setString(7, age);
            insert.executeUpdate();
        }
    }

    private static void order(Connection connection, String ref, String customer, Long follower, long product,
                              double amount, String day, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_order (order_ref, customer_ref, "
                + "follower_id, product_id, amount, paid_at, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, ref);
            insert.setString(2, customer);
            insert.setObject(3, follower);
            insert.setLong(4, product);
            insert.setDouble(5, amount);
            insert.setTimestamp(6, Timestamp.valueOf(day + " 10:00:00"));
            insert.setString(7, status);
            insert.executeUpdate();
        }
    }

    private static void interaction(Connection connection, long follower, String at, String kind, long count,
                                    boolean total) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO engagement (follower_id, occurred_at, "
                + "kind, event_count, is_total) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, follower);
            insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.parse(at)));
            insert.setString(3, kind);
            insert.setLong(4, count);
            insert.setBoolean(5, total);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
