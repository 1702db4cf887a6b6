package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *       file says which (an "original order" column; for a C invoice, the number after the C when that order has the
 *       same customer), and no analysis counts them as purchases. An order whose refunds add up to its amount
 *       becomes refunded itself.</li>
 * </ul>
 * An order without a customer id (or with "guest", 游客, 匿名 ...) is kept as a guest order: revenue, but no customer.
 * Each order is linked to its customer's follower as it is written.
 */
final class OrderRows implements AutoCloseable {

    /** One line of an order, from one row of a line-by-line export. */
    record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** A refund or cancellation that points at the order it undoes, resolved once every row is in. */
    private record Undoing(String ref, String originalRef, boolean byInvoiceNumber) {
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
    private final List<Undoing> undoing = new ArrayList<>();
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

    /**
     * Turns a converted row into an order row (before its references are looked up): the line fields come out as
     * the returned line (null outside line mode) and a product code stands in for a missing product name. Outside
     * line mode a negative amount makes a paid row a refund (a cancellation for a C invoice); in line mode the
     * sign of the order's total decides, once all its lines are in ({@link #finish}).
     */
    Line shape(Map<String, Object> values) {
        Object code = values.remove("product_code");
        if (values.get("product_id") == null && code instanceof String name) {
            values.put("product_id", new RowConverter.Unresolved(ValueType.PRODUCT, name, "product_code"));
        }
        BigDecimal quantity = (BigDecimal) values.remove("quantity");
        BigDecimal unitPrice = (BigDecimal) values.remove("unit_price");
        BigDecimal lineAmount = (BigDecimal) values.remove("line_amount");
        if (!lineMode) {
            if (values.get("amount") instanceof BigDecimal amount && amount.signum() < 0 && isPaid(values)) {
                values.put("status", isCancellationInvoice(values) ? "cancelled" : "refunded");
            }
            return null;
        }
        BigDecimal count = quantity == null ? BigDecimal.ONE : quantity;
        BigDecimal amount = lineAmount != null ? lineAmount
                : unitPrice != null ? unitPrice.multiply(count).setScale(2, RoundingMode.HALF_UP)
                : (BigDecimal) values.get("amount");
        Line line = new Line(count, unitPrice, amount == null ? BigDecimal.ZERO.setScale(2) : amount);
        if (values.get("amount") == null) {
            values.put("amount", line.amount());
        }
        return line;
    }

    /**
     * The values to write over an order the project had before this import, for the first of its lines in this
     * file: without the amount when that is only the line's (its lines are kept as they were, and so its sum).
     */
    Map<String, Object> forExistingOrder(Map<String, Object> values) {
        if (lineMode && !orderTotalGiven) {
            values.remove("amount");
        }
        return values;
    }

    /**
     * Links the order to its follower, counts it, and remembers the order a refund or cancellation undoes (resolved
     * in {@link #finish}, when the original may have come later in the file).
     */
    void link(Map<String, Object> values) {
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
        boolean byInvoiceNumber = original == null && (isUndoing(values) || lineMode) && isCancellationInvoice(values);
        if (byInvoiceNumber) {
            original = ((String) values.get("order_ref")).substring(1);
        }
        if (original instanceof String originalRef && values.get("order_ref") instanceof String ref) {
            undoing.add(new Undoing(ref, originalRef, byInvoiceNumber));
        }
        if (isUndoing(values)) {
            refunds++;
        }
    }

    /** A later row of an order of this file that refunds or cancels it: only its status changes. */
    Map<String, Object> statusChange(Map<String, Object> values) {
        refunds++;
        return Map.of("status", values.get("status"));
    }

    /** A later line of an order of this file: stores it, and a refund or cancellation status it carries. */
    void addLine(long orderId, long rowNumber, Line line, Map<String, Object> values, TableWriter writer)
            throws SQLException {
        if (!orderTotalGiven) {
            multiLine.add(orderId);
        }
        if (isUndoing(values)) {
            writer.update(orderId, Map.of("status", values.get("status")));
        }
        addLine(orderId, rowNumber, line, values.get("product_id"));
    }

    /** Stores a line of order {@code orderId}. */
    void addLine(long orderId, long rowNumber, Line line, Object productId) throws SQLException {
        lines++;
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
     * Writes the last lines; gives every order with several lines the sum of its lines as its amount; makes an
     * order of this import whose amount is negative a refund (a cancellation for a C invoice); links refunds and
     * cancellations to the orders they undo; and makes an order refunded whose refunds cover its amount.
     */
    void finish(Connection connection, TableWriter writer) throws SQLException {
        if (dryRun) {
            return;
        }
        writer.flush();
        if (pendingLines > 0) {
            insertLine.executeBatch();
            pendingLines = 0;
        }
        try (PreparedStatement sum = connection.prepareStatement("UPDATE customer_order o SET amount = "
                + "(SELECT SUM(l.amount) FROM order_line l WHERE l.order_id = o.id) WHERE o.id = ?")) {
            for (long id : multiLine) {
                sum.setLong(1, id);
                sum.addBatch();
            }
            sum.executeBatch();
        }
        if (lineMode) {
            try (PreparedStatement negative = connection.prepareStatement("UPDATE customer_order SET status = CASE WHEN "
                    + "REGEXP_LIKE(order_ref, '^C[0-9]+$') THEN 'cancelled' ELSE 'refunded' END "
                    + "WHERE import_id = ? AND amount < 0 AND status = 'paid'")) {
                negative.setLong(1, importId);
                refunds += negative.executeUpdate();
            }
        }
        linkUndoing(connection, writer);
    }

    private void linkUndoing(Connection connection, TableWriter writer) throws SQLException {
        Map<Long, BigDecimal> refunded = new HashMap<>();
        try (PreparedStatement link = connection.prepareStatement("UPDATE customer_order SET refund_of = ? WHERE id = ?")) {
            for (Undoing refund : undoing) {
                Long id = writer.existingIdOf(refund.ref());
                Long original = writer.existingIdOf(refund.originalRef());
                BigDecimal amount = id == null ? null : undoneAmount(connection, id);
                if (amount == null || original == null || id.equals(original)
                        || refund.byInvoiceNumber() && !sameCustomer(connection, id, original)) {
                    continue;
                }
                link.setLong(1, original);
                link.setLong(2, id);
                link.addBatch();
                refunded.merge(original, amount, BigDecimal::add);
            }
            link.executeBatch();
        }
        try (PreparedStatement paid = connection.prepareStatement(
                "SELECT amount FROM customer_order WHERE id = ? AND status = 'paid'")) {
            for (Map.Entry<Long, BigDecimal> refund : refunded.entrySet()) {
                paid.setLong(1, refund.getKey());
                try (ResultSet rs = paid.executeQuery()) {
                    if (rs.next() && refund.getValue().compareTo(rs.getBigDecimal(1)) >= 0) {
                        writer.update(refund.getKey(), Map.of("status", "refunded"));
                    }
                }
            }
        }
    }

    /**
     * How much order {@code id} gives back, as stored (a line export's sum of lines included); null when it is not a
     * refund or cancellation after all (a C invoice whose lines add up to a positive amount).
     */
    private static BigDecimal undoneAmount(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ABS(amount) FROM customer_order WHERE id = ? AND status IN ('refunded', 'cancelled')")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    private static boolean sameCustomer(Connection connection, long one, long other) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(DISTINCT COALESCE(customer_ref, '')) FROM customer_order WHERE id IN (?, ?)")) {
            select.setLong(1, one);
            select.setLong(2, other);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
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

    private static boolean isPaid(Map<String, Object> values) {
        return values.get("status") == null || Objects.equals("paid", values.get("status"));
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
