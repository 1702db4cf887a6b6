package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What is particular to orders, in the three shapes exports have (domain.md section 2):
 * <ul>
 *   <li>one row per order;</li>
 *   <li>one row per order line: the order number repeats, with product, quantity and unit price (or a line amount);
 *       the order's amount is the sum of its lines unless the file also gives the order's total;</li>
 *   <li>status changes: a refund, a cancellation, a negative amount, a cancellation invoice ({@code C536379} with
 *       negative quantities). These are stored as refunds or cancellations, linked to the order they undo where the
 *       file says which (an "original order" column, or the number after the C), and no analysis counts them as
 *       purchases.</li>
 * </ul>
 * An order without a customer id (or with "guest", 游客, 匿名 ...) is kept as a guest order: revenue, but no customer.
 * Each order is linked to its customer's follower as it is written.
 */
final class OrderRows implements AutoCloseable {

    /** One line of an order, from one row of a line-by-line export. */
    record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    private static final Pattern CANCELLATION_INVOICE = Pattern.compile("C\\d+");
    private static final int BATCH = 2_000;

    private final boolean lineMode;
    private final boolean orderTotalGiven;
    private final FollowerLinks followers;
    private final PreparedStatement insertLine;
    private final long importId;
    private final boolean dryRun;
    private final Set<Long> multiLine = new HashSet<>();
    private final java.util.Map<Long, BigDecimal> refundedAmounts = new java.util.HashMap<>();
    private int pendingLines;
    private long lines;
    private long refunds;
    private long guests;
    private long noFollower;
    private long otherPlatform;
    private long linked;

    OrderRows(Connection connection, ColumnMapping mapping, long importId, boolean dryRun) throws SQLException {
        this.lineMode = EntityKind.LINE_FIELDS.stream().anyMatch(mapping::maps);
        this.orderTotalGiven = mapping.maps("amount");
        this.importId = importId;
        this.dryRun = dryRun;
        this.followers = hasFollowers(connection) ? new FollowerLinks(connection) : null;
        this.insertLine = connection.prepareStatement("INSERT INTO order_line (order_id, line_no, product_id, quantity, "
                + "unit_price, amount, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    boolean lineMode() {
        return lineMode;
    }

    /**
     * Turns a converted row into an order row (before its references are looked up): the line fields come out as
     * the returned line (null outside line mode), a product code stands in for a missing product name, and a
     * negative amount makes a paid row a refund (a cancellation for a C invoice).
     */
    Line shape(Map<String, Object> values) {
        Object code = values.remove("product_code");
        if (values.get("product_id") == null && code instanceof String name) {
            values.put("product_id", new RowConverter.Unresolved(ValueType.PRODUCT, name, "product_code"));
        }
        BigDecimal quantity = (BigDecimal) values.remove("quantity");
        BigDecimal unitPrice = (BigDecimal) values.remove("unit_price");
        BigDecimal lineAmount = (BigDecimal) values.remove("line_amount");
        Line line = null;
        if (lineMode) {
            BigDecimal count = quantity == null ? BigDecimal.ONE : quantity;
            BigDecimal amount = lineAmount != null ? lineAmount
                    : unitPrice != null ? unitPrice.multiply(count).setScale(2, java.math.RoundingMode.HALF_UP)
                    : (BigDecimal) values.get("amount");
            line = new Line(count, unitPrice, amount == null ? BigDecimal.ZERO.setScale(2) : amount);
            if (values.get("amount") == null) {
                values.put("amount", line.amount());
            }
        }
        if (values.get("amount") instanceof BigDecimal amount && amount.signum() < 0
                && (values.get("status") == null || "paid".equals(values.get("status")))) {
            values.put("status", isCancellationInvoice(values) ? "cancelled" : "refunded");
        }
        return line;
    }

    /** Links the order to its follower and, for a refund or cancellation, to the order it undoes. */
    void link(Map<String, Object> values, TableWriter writer) {
        if (followers != null) {
            switch (followers.link(values)) {
                case LINKED -> linked++;
                case NO_FOLLOWER -> noFollower++;
                case OTHER_PLATFORM -> otherPlatform++;
                case GUEST -> { }
            }
        }
        if (values.get("customer_ref") == null) {
            guests++;
        }
        Object original = values.remove("refund_of");
        if (original == null && isUndoing(values) && isCancellationInvoice(values)) {
            original = ((String) values.get("order_ref")).substring(1);
        }
        Long originalId = original == null ? null : writer.existingIdOf(original);
        if (originalId != null) {
            values.put("refund_of", originalId);
            if (values.get("amount") instanceof BigDecimal amount) {
                refundedAmounts.merge(originalId, amount.abs(), BigDecimal::add);
            }
        }
        if (isUndoing(values)) {
            refunds++;
        }
    }

    /** Stores a line of order {@code orderId}; {@code additional} when the order already had lines in this file. */
    void addLine(long orderId, long rowNumber, Line line, Object productId, boolean additional) throws SQLException {
        lines++;
        if (additional && !orderTotalGiven) {
            multiLine.add(orderId);
        }
        if (dryRun) {
            return;
        }
        insertLine.setLong(1, orderId);
        insertLine.setLong(2, rowNumber);
        insertLine.setObject(3, productId);
        insertLine.setBigDecimal(4, line.quantity());
        insertLine.setBigDecimal(5, line.unitPrice());
        insertLine.setBigDecimal(6, line.amount());
        insertLine.setLong(7, importId);
        insertLine.addBatch();
        if (++pendingLines == BATCH) {
            insertLine.executeBatch();
            pendingLines = 0;
        }
    }

    /**
     * Writes the last lines, and gives every order with several lines the sum of its lines as its amount (a
     * negative sum makes it a refund, or a cancellation for a C invoice). An order whose refunds in this file add
     * up to its whole amount becomes refunded itself, so that it no longer counts as a purchase.
     */
    void finish(Connection connection, TableWriter writer) throws SQLException {
        if (dryRun) {
            return;
        }
        markFullyRefunded(connection, writer);
        if (pendingLines > 0) {
            insertLine.executeBatch();
            pendingLines = 0;
        }
        try (PreparedStatement sum = connection.prepareStatement("UPDATE customer_order o SET amount = "
                + "(SELECT SUM(l.amount) FROM order_line l WHERE l.order_id = o.id) WHERE o.id = ?");
             PreparedStatement undoing = connection.prepareStatement("UPDATE customer_order SET status = CASE WHEN "
                     + "REGEXP_LIKE(order_ref, '^C[0-9]+$') THEN 'cancelled' ELSE 'refunded' END "
                     + "WHERE id = ? AND amount < 0 AND status = 'paid'")) {
            for (long id : multiLine) {
                sum.setLong(1, id);
                sum.addBatch();
                undoing.setLong(1, id);
                undoing.addBatch();
            }
            sum.executeBatch();
            undoing.executeBatch();
        }
    }

    private void markFullyRefunded(Connection connection, TableWriter writer) throws SQLException {
        if (refundedAmounts.isEmpty()) {
            return;
        }
        writer.flush();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT amount FROM customer_order WHERE id = ? AND status = 'paid'")) {
            for (var refund : refundedAmounts.entrySet()) {
                select.setLong(1, refund.getKey());
                try (var rs = select.executeQuery()) {
                    if (rs.next() && refund.getValue().compareTo(rs.getBigDecimal(1)) >= 0) {
                        writer.update(refund.getKey(), java.util.Map.of("status", "refunded"));
                    }
                }
            }
        }
    }

    OrderNotes notes() {
        return new OrderNotes(lines, refunds, guests, noFollower, otherPlatform);
    }

    long linked() {
        return linked;
    }

    @Override
    public void close() throws SQLException {
        insertLine.close();
    }

    /** A refund or a cancellation: a row that undoes a purchase. */
    static boolean isUndoing(Map<String, Object> values) {
        Object status = values.get("status");
        return "refunded".equals(status) || "cancelled".equals(status);
    }

    private static boolean isCancellationInvoice(Map<String, Object> values) {
        return values.get("order_ref") instanceof String ref && CANCELLATION_INVOICE.matcher(ref).matches();
    }

    private static boolean hasFollowers(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM follower)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
