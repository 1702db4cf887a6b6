package com.campaignstudio.basket;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads which products each paid order holds, and whose order it is, into {@link Purchases}: three plain scans
 * (products, orders, order lines) into primitive arrays.
 *
 * <p>An order's products are those of its lines when it has lines (exports with one row per line), else the
 * product the order names. A line with a quantity of zero or less is not a purchase of its product. Refunds and
 * cancellations (any status but paid, as every analysis reads it) are counted and left out; a fully refunded order
 * has that status itself, the importer sees to it.
 */
public final class PurchaseReader {

    private final ProjectDatabase database;

    public PurchaseReader(ProjectDatabase database) {
        this.database = database;
    }

    /** How many paid orders the project holds: without any, there is nothing to make baskets of. */
    public long paidOrders() throws SQLException {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM customer_order WHERE status = 'paid'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Purchases read(TaskContext context) throws SQLException {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            Products products = Products.read(connection);
            Orders orders = Orders.read(connection, products, context);
            context.checkCancelled();
            orders.readLines(connection, products, context);
            return orders.purchases(products.names);
        });
    }

    /** The product table, ids ascending, with a name for ids that orders name but the table lacks. */
    private static final class Products {
        long[] ids;
        final List<String> names = new ArrayList<>();
        private final Map<Long, Integer> missing = new HashMap<>();

        static Products read(Connection connection) throws SQLException {
            Products products = new Products();
            long[] ids = new long[64];
            int count = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, name FROM product ORDER BY id")) {
                while (rs.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = rs.getLong(1);
                    products.names.add(rs.getString(2));
                }
            }
            products.ids = Arrays.copyOf(ids, count);
            return products;
        }

        /** The index of product {@code id}; a product the table does not hold is named by its id. */
        int indexOf(long id) {
            int found = Arrays.binarySearch(ids, id);
            if (found >= 0) {
                return found;
            }
            return missing.computeIfAbsent(id, key -> {
                names.add("#" + key);
                return names.size() - 1;
            });
        }
    }

    /** Paid orders in table order: id, customer (-1 for a guest), the product the order row names (-1 for none). */
    private static final class Orders {
        long[] id = new long[1024];
        int[] customer = new int[1024];
        int[] product = new int[1024];
        boolean[] hasLines;
        int size;
        long refunds;
        long linesNotBought;
        final List<String> refs = new ArrayList<>();
        private final Map<String, Integer> customers = new HashMap<>();
        /** Per customer: the follower of their earliest paid order naming one (ties: the first in the table). */
        long[] follower = new long[1024];
        int[] followerDay = new int[1024];
        /** Order lines naming a product, as (order position, product index), in line table order. */
        int[] lineOrder = new int[1024];
        int[] lineProduct = new int[1024];
        int lines;

        static Orders read(Connection connection, Products products, TaskContext context) throws SQLException {
            Orders orders = new Orders();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT id, customer_ref, product_id, status, follower_id, "
                        + "CAST(paid_at AS DATE) FROM customer_order")) {
                    long rows = 0;
                    while (rs.next()) {
                        if (++rows % 200_000 == 0) {
                            context.checkCancelled();
                        }
                        if (!"paid".equals(rs.getString(4))) {
                            orders.refunds++;
                            continue;
                        }
                        String ref = rs.getString(2);
                        long productId = rs.getLong(3);
                        int productIndex = rs.wasNull() ? -1 : products.indexOf(productId);
                        int customer = ref == null ? -1 : orders.customerOf(ref);
                        long followerId = rs.getLong(5);
                        if (customer >= 0 && !rs.wasNull() && followerId != 0) {
                            orders.noteFollower(customer, followerId, (int) rs.getObject(6, LocalDate.class).toEpochDay());
                        }
                        orders.add(rs.getLong(1), customer, productIndex);
                    }
                }
            }
            return orders;
        }

        private int customerOf(String ref) {
            Integer known = customers.get(ref);
            if (known != null) {
                return known;
            }
            int index = refs.size();
            customers.put(ref, index);
            refs.add(ref);
            if (index == follower.length) {
                follower = Arrays.copyOf(follower, index * 2);
                followerDay = Arrays.copyOf(followerDay, index * 2);
            }
            followerDay[index] = Integer.MAX_VALUE;
            return index;
        }

        private void noteFollower(int customer, long followerId, int day) {
            if (day < followerDay[customer]) {
                followerDay[customer] = day;
                follower[customer] = followerId;
            }
        }

        private void add(long orderId, int customerIndex, int productIndex) {
            if (size == id.length) {
                id = Arrays.copyOf(id, size * 2);
                customer = Arrays.copyOf(customer, size * 2);
                product = Arrays.copyOf(product, size * 2);
            }
            id[size] = orderId;
            customer[size] = customerIndex;
            product[size] = productIndex;
            size++;
        }

        void readLines(Connection connection, Products products, TaskContext context) throws SQLException {
            hasLines = new boolean[size];
            int[] position = positionsById();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT order_id, product_id, quantity FROM order_line")) {
                    long rows = 0;
                    while (rs.next()) {
                        if (++rows % 200_000 == 0) {
                            context.checkCancelled();
                        }
                        int found = Arrays.binarySearch(id, 0, size, rs.getLong(1));
                        if (found < 0) {
                            continue; // a line of a refund or cancellation, counted with its order
                        }
                        int order = position == null ? found : position[found];
                        hasLines[order] = true;
                        long productId = rs.getLong(2);
                        if (rs.wasNull()) {
                            continue;
                        }
                        if (rs.getDouble(3) <= 0) {
                            linesNotBought++;
                            continue;
                        }
                        addLine(order, products.indexOf(productId));
                    }
                }
            }
        }

        /**
         * Sorts the ids for binary search. A plain scan returns them ascending (the primary key's order); should it
         * not, the ids are sorted and the returned array maps a sorted position back to the order's position.
         */
        private int[] positionsById() {
            boolean ascending = true;
            for (int i = 1; i < size && ascending; i++) {
                ascending = id[i - 1] < id[i];
            }
            if (ascending) {
                return null;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            long[] ids = id;
            Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
            long[] sorted = new long[size];
            int[] position = new int[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = ids[order[i]];
                position[i] = order[i];
            }
            id = sorted;
            return position;
        }

        private void addLine(int order, int productIndex) {
            if (lines == lineOrder.length) {
                lineOrder = Arrays.copyOf(lineOrder, lines * 2);
                lineProduct = Arrays.copyOf(lineProduct, lines * 2);
            }
            lineOrder[lines] = order;
            lineProduct[lines] = productIndex;
            lines++;
        }

        /** Each paid order's products (its lines', or the one it names), grouped by order with a counting sort. */
        Purchases purchases(List<String> productNames) {
            int[] start = new int[size + 1];
            for (int k = 0; k < lines; k++) {
                start[lineOrder[k] + 1]++;
            }
            for (int i = 0; i < size; i++) {
                if (!hasLines[i] && product[i] >= 0) {
                    start[i + 1]++;
                }
            }
            for (int i = 0; i < size; i++) {
                start[i + 1] += start[i];
            }
            int[] items = new int[start[size]];
            int[] next = Arrays.copyOf(start, size);
            for (int k = 0; k < lines; k++) {
                items[next[lineOrder[k]]++] = lineProduct[k];
            }
            for (int i = 0; i < size; i++) {
                if (!hasLines[i] && product[i] >= 0) {
                    items[next[i]++] = product[i];
                }
            }
            int kept = Baskets.sortAndDeduplicate(start, items, items.length);
            return new Purchases(productNames, refs.toArray(String[]::new), Arrays.copyOf(follower, refs.size()),
                    Arrays.copyOf(customer, size), start, Arrays.copyOf(items, kept), refunds, linesNotBought);
        }
    }
}
