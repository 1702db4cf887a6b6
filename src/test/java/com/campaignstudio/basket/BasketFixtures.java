package com.campaignstudio.basket;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.segments.Potential;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects with products, orders (one row per order, or with lines), followers and a saved segmentation, written
 * row by row as an import leaves them, for the tests of baskets and of the {@code basket} command.
 */
public final class BasketFixtures {

    /**
     * The worked example of {@code PitchTest}, by customer (u5 is written {@code =u5}, as a hostile export might):
     * <pre>
     *   u1 {A, B, C}   u2 {A, B, C}   u3 {A, B}   u4 {A, D}
     *   =u5 {B, D}     u6 {C}         u7 {A}      u8 {B}
     * </pre>
     * u1 and u2 bought A and B in one order of two lines and C in another order; the others one order per product.
     * Left out by customer: a refunded order of u9 (D, its only order), a guest order with lines A and B, and a
     * paid order of u1 that names no product. Customer u<i> is linked to follower i (u9 to 9).
     */
    public static final Map<String, List<String>> WORKED = worked();

    private static Map<String, List<String>> worked() {
        Map<String, List<String>> baskets = new LinkedHashMap<>();
        baskets.put("u1", List.of("A", "B", "C"));
        baskets.put("u2", List.of("A", "B", "C"));
        baskets.put("u3", List.of("A", "B"));
        baskets.put("u4", List.of("A", "D"));
        baskets.put("=u5", List.of("B", "D"));
        baskets.put("u6", List.of("C"));
        baskets.put("u7", List.of("A"));
        baskets.put("u8", List.of("B"));
        return baskets;
    }

    private BasketFixtures() {
    }

    /** A new project holding {@link #WORKED} with its left-out orders, and a saved segmentation (see below). */
    public static Path workedProject(Path folder, String name) throws Exception {
        Path file = folder.resolve(name);
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("maker")), file,
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                Writer writer = new Writer(connection);
                writer.products("A", "B", "C", "D");
                writer.followers(9);
                LocalDateTime day = LocalDateTime.of(2026, 3, 1, 10, 0);
                writer.order("o1", "u1", 1, day, "paid", "A", "B");
                writer.order("o2", "u1", 1, day.plusDays(3), "paid", "C");
                writer.order("o3", "u2", 2, day, "paid", "A", "B");
                writer.order("o4", "u2", 2, day.plusDays(1), "paid", "C");
                writer.order("o5", "u3", 3, day, "paid", "A");
                writer.order("o6", "u3", 3, day, "paid", "B");
                writer.order("o7", "u4", 4, day, "paid", "A");
                writer.order("o8", "u4", 4, day, "paid", "D");
                writer.order("o9", "=u5", 5, day, "paid", "B");
                writer.order("o10", "=u5", 5, day, "paid", "D");
                writer.order("o11", "u6", 6, day, "paid", "C");
                writer.order("o12", "u7", 7, day, "paid", "A");
                writer.order("o13", "u8", 8, day, "paid", "B");
                writer.order("o14", "u9", 9, day, "refunded", "D");
                writer.order("o15", null, 0, day, "paid", "A", "B");
                writer.order("o16", "u1", 1, day.plusDays(5), "paid");
                return null;
            });
            saveSegmentation(project);
            project.save();
        }
        return file;
    }

    /**
     * "Two segments": segment 1 holds followers 3 and 6 and follower 99, who has no order; segment 2 is empty.
     */
    private static void saveSegmentation(Project project) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 4, 1, 12, 0);
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, "Keen", Potential.HIGH, 3, 1, List.of(1.0), List.of(1.0), 1, 1, 10, 0.5, 0.4,
                        Double.NaN),
                new SegmentProfile(1, "Quiet", Potential.LOW, 0, 0, List.of(0.0), List.of(-1.0), 0, 0, 0, 0.1, 0.1,
                        Double.NaN));
        new SegmentStore(project.database()).save(new Segmentation(0, SegmentationSettings.defaults("Two segments", 2),
                now, now, List.of("views"), new long[]{3, 6, 99}, new int[]{0, 0, 0}, new float[]{0.5f, 0.5f, 0.5f},
                profiles, null, List.of()));
    }

    /** Writes products, followers and orders as the importer stores them. */
    public static final class Writer {
        private final Connection connection;
        private final Map<String, Long> productIds = new LinkedHashMap<>();
        private final PreparedStatement order;
        private final PreparedStatement line;
        private int platformId;

        public Writer(Connection connection) throws SQLException {
            this.connection = connection;
            order = connection.prepareStatement("INSERT INTO customer_order (order_ref, customer_ref, follower_id, "
                    + "product_id, amount, paid_at, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            line = connection.prepareStatement("INSERT INTO order_line (order_id, line_no, product_id, quantity, "
                    + "amount) VALUES (?, ?, ?, ?, ?)");
        }

        public void products(String... names) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO product (name, kind, list_price) VALUES (?, 'course', 99)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String name : names) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        productIds.put(name, keys.getLong(1));
                    }
                }
            }
        }

        /** Followers 1..count (and 99) on WeChat. */
        public void followers(int count) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM platform WHERE code = 'wechat'")) {
                rs.next();
                platformId = rs.getInt(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO follower (id, platform_id, external_id) VALUES (?, ?, ?)")) {
                List<Integer> ids = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    ids.add(i);
                }
                ids.add(99);
                for (int id : ids) {
                    insert.setLong(1, id);
                    insert.setInt(2, platformId);
                    insert.setString(3, "f" + id);
                    insert.executeUpdate();
                }
            }
        }

        /**
         * An order naming {@code products}: none, one (on the order row, as one-row-per-order exports store it) or
         * several (as lines, the order row naming the first, as line exports store it).
         *
         * @param follower 0 for none
         */
        public long order(String ref, String customer, long follower, LocalDateTime paidAt, String status,
                          String... products) throws SQLException {
            order.setString(1, ref);
            order.setString(2, customer);
            order.setObject(3, follower == 0 ? null : follower);
            order.setObject(4, products.length == 0 ? null : productIds.get(products[0]));
            order.setInt(5, 99 * Math.max(1, products.length));
            order.setTimestamp(6, Timestamp.valueOf(paidAt));
            order.setString(7, status);
            order.executeUpdate();
            long id;
            try (ResultSet keys = order.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            if (products.length > 1) {
                for (int k = 0; k < products.length; k++) {
                    line(id, k + 1, products[k], 1);
                }
            }
            return id;
        }

        /** A line of order {@code orderId}. */
        public void line(long orderId, int lineNo, String product, int quantity) throws SQLException {
            line.setLong(1, orderId);
            line.setInt(2, lineNo);
            line.setObject(3, product == null ? null : productIds.get(product));
            line.setInt(4, quantity);
            line.setInt(5, 99 * quantity);
            line.executeUpdate();
        }

        public long productId(String name) {
            return productIds.get(name);
        }
    }
}
