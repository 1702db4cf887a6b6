package com.campaignstudio.ltv;

import com.campaignstudio.project.PlatformTable;
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
import java.util.Set;

/**
 * Builds the {@link CustomerSummary} from paid orders taken customer by customer, in time order.
 */
public final class SummaryReader {

    private final ProjectDatabase database;

    public SummaryReader(ProjectDatabase database) {
        this.database = database;
    }

    /**
     * @param calibrationEnd last day of calibration, or null for the last day with an order
     * @param platform       only customers whose first purchase was on this platform, or null
     * @param followers      only customers linked to these followers (a segment), or null
     */
    public CustomerSummary read(PeriodUnit unit, LocalDate calibrationEnd, String platform, Set<Long> followers,
                                TaskContext context) throws SQLException {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            Map<Integer, String> codes = PlatformTable.codesById(connection);
            Orders orders = Orders.read(connection, context);
            Map<Long, Integer> followerPlatforms = orders.someWithoutPlatform()
                    ? followerPlatformsOfOrdersWithout(connection) : Map.of();
            return summarize(orders, unit, calibrationEnd, platform, followers, codes, followerPlatforms, context);
        });
    }

    /** The summary of orders already read: what {@link #read} does once the database has been read. */
    static CustomerSummary summarize(Orders orders, PeriodUnit unit, LocalDate calibrationEnd, String platform,
                                     Set<Long> followers, Map<Integer, String> codes,
                                     Map<Long, Integer> followerPlatforms, TaskContext context) {
        LocalDate dataEnd = orders.size == 0 ? null : LocalDate.ofEpochDay(orders.lastDay);
        LocalDate end = calibrationEnd == null || dataEnd == null || calibrationEnd.isAfter(dataEnd)
                ? (dataEnd == null ? LocalDate.now() : dataEnd) : calibrationEnd;
        Builder builder = new Builder(unit, end.toEpochDay(), orders);
        int[] start = orders.groupByCustomerThenDay();
        for (int customer = 0; customer < orders.refs.size(); customer++) {
            if (customer % 100_000 == 0) {
                context.checkCancelled();
            }
            int firstRow = orders.rowAt[start[customer]];
            if (orders.day[firstRow] > builder.endDay) {
                continue;
            }
            long follower = orders.followerOf(start[customer], start[customer + 1]);
            Integer platformId = orders.platform[firstRow] != 0 ? Integer.valueOf(orders.platform[firstRow])
                    : followerPlatforms.get(orders.follower[firstRow]);
            String code = platformId == null ? "unknown" : codes.get(platformId);
            if ((platform == null || platform.equals(code)) && (followers == null || followers.contains(follower))) {
                builder.add(orders.refs.get(customer), follower, code, start[customer], start[customer + 1]);
            }
        }
        return builder.build(end, dataEnd == null ? end : dataEnd);
    }

    /** The platform of the follower of each order that names no platform itself (usually none). */
    private static Map<Long, Integer> followerPlatformsOfOrdersWithout(Connection connection) throws SQLException {
        Map<Long, Integer> platforms = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DISTINCT f.id, f.platform_id FROM customer_order o "
                     + "JOIN follower f ON f.id = o.follower_id WHERE o.platform_id IS NULL")) {
            while (rs.next()) {
                platforms.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return platforms;
    }

    /**
     * Paid orders read in table order (a plain scan: walking the (customer, time) index would fetch every
     * row through it, five times slower on a million customers) and grouped by customer with a counting
     * sort, then by day within each customer.
     */
    static final class Orders {
        final List<String> refs = new ArrayList<>();
        int[] customer;
        int[] day;
        double[] amount;
        int[] platform;
        long[] follower;
        int size;
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        long refundsLeftOut;
        long guestOrdersLeftOut;
        /** Row numbers grouped by customer, once {@link #groupByCustomerThenDay} has run. */
        int[] rowAt;

        private final Map<String, Integer> ids;

        Orders(int expectedRows) {
            ids = HashMap.newHashMap(Math.min(expectedRows / 2, 1 << 24));
            int capacity = Math.max(1024, expectedRows);
            customer = new int[capacity];
            day = new int[capacity];
            amount = new double[capacity];
            platform = new int[capacity];
            follower = new long[capacity];
        }

        static Orders read(Connection connection, TaskContext context) throws SQLException {
            // Sized from H2's row count estimate: growing a million-row set of arrays and a map of customers
            // step by step costs more than the scan's own work on them.
            long estimate = rowCountEstimate(connection);
            Orders orders = new Orders((int) Math.min(estimate + estimate / 8, Integer.MAX_VALUE - 8));

            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT customer_ref, CAST(paid_at AS DATE), amount, "
                        + "platform_id, follower_id, status FROM customer_order")) {
                    while (rs.next()) {
                        if (orders.size % 500_000 == 0) {
                            context.checkCancelled();
                        }
                        String ref = rs.getString(1);
                        if (!"paid".equals(rs.getString(6))) {
                            orders.refundsLeftOut++;
                            continue;
                        }
                        if (ref == null) {
                            orders.guestOrdersLeftOut++;
                            continue;
                        }
                        orders.add(ref, (int) rs.getObject(2, LocalDate.class).toEpochDay(), rs.getDouble(3),
                                rs.getInt(4), rs.getLong(5));
                    }
                }
            }
            return orders;
        }

        private static long rowCountEstimate(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES "
                         + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'CUSTOMER_ORDER'")) {
                return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
            }
        }

        /** One paid order of customer {@code ref} (0 for no platform, 0 for no follower). */
        void add(String ref, int epochDay, double value, int platformId, long followerId) {
            Integer id = ids.get(ref);
            if (id == null) {
                id = refs.size();
                ids.put(ref, id);
                refs.add(ref);
            }
            add(id, epochDay, value, platformId, followerId);
        }

        private void add(int customerId, int epochDay, double value, int platformId, long followerId) {
            if (size == customer.length) {
                int grown = size * 2;
                customer = Arrays.copyOf(customer, grown);
                day = Arrays.copyOf(day, grown);
                amount = Arrays.copyOf(amount, grown);
                platform = Arrays.copyOf(platform, grown);
                follower = Arrays.copyOf(follower, grown);
            }
            customer[size] = customerId;
            day[size] = epochDay;
            amount[size] = value;
            platform[size] = platformId;
            follower[size] = followerId;
            firstDay = Math.min(firstDay, epochDay);
            lastDay = Math.max(lastDay, epochDay);
            size++;
        }

        /** Whether an order names no platform but a follower, whose platform then stands in. */
        boolean someWithoutPlatform() {
            for (int i = 0; i < size; i++) {
                if (platform[i] == 0 && follower[i] != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The first follower named by the rows {@code rowAt[from..to)}, or 0. */
        long followerOf(int from, int to) {
            for (int k = from; k < to; k++) {
                if (follower[rowAt[k]] != 0) {
                    return follower[rowAt[k]];
                }
            }
            return 0;
        }

        /**
         * Fills {@link #rowAt} with row numbers grouped by customer (counting sort), each customer's rows by day
         * (insertion sort: customers have few orders), and returns where each customer's rows start.
         */
        int[] groupByCustomerThenDay() {
            int customers = refs.size();
            int[] start = new int[customers + 1];
            for (int i = 0; i < size; i++) {
                start[customer[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                start[c + 1] += start[c];
            }
            int[] next = Arrays.copyOf(start, customers);
            rowAt = new int[size];
            for (int i = 0; i < size; i++) {
                rowAt[next[customer[i]]++] = i;
            }
            for (int c = 0; c < customers; c++) {
                if (start[c + 1] - start[c] > FEW_ORDERS) {
                    sortByDay(start[c], start[c + 1]);
                    continue;
                }
                for (int k = start[c] + 1; k < start[c + 1]; k++) {
                    int row = rowAt[k];
                    int j = k - 1;
                    while (j >= start[c] && day[rowAt[j]] > day[row]) {
                        rowAt[j + 1] = rowAt[j];
                        j--;
                    }
                    rowAt[j + 1] = row;
                }
            }
            return start;
        }

        /** Above this many orders a customer's rows are sorted properly, not by insertion. */
        private static final int FEW_ORDERS = 32;

        /**
         * Sorts {@code rowAt[from..to)} by day, keeping table order within a day: one customer reference can
         * carry a great many orders (a shop's "guest" or "anonymous" buyer), where insertion would be quadratic.
         */
        private void sortByDay(int from, int to) {
            long[] keys = new long[to - from];
            for (int k = from; k < to; k++) {
                keys[k - from] = (long) day[rowAt[k]] << 32 | rowAt[k];
            }
            Arrays.sort(keys);
            for (int k = from; k < to; k++) {
                rowAt[k] = (int) keys[k - from];
            }
        }
    }

    /** Turns each kept customer's day-ordered orders into occasions and the (x, t_x, T, m) summary. */
    private static final class Builder {
        private final PeriodUnit unit;
        final long endDay;
        private final Orders orders;
        private final String[] customers;
        private final long[] followers;
        private final String[] platforms;
        private final int[] first;
        private final int[] x;
        private final double[] tx;
        private final double[] T;
        private final double[] m;
        private final int[] holdout;
        /** Repeat occasions per day from the orders' first day, calibration and hold-out. */
        private final long[] repeatsByDay;
        private int kept;
        private long nonPositive;

        Builder(PeriodUnit unit, long endDay, Orders orders) {
            this.unit = unit;
            this.endDay = endDay;
            this.orders = orders;
            int n = orders.refs.size();
            customers = new String[n];
            followers = new long[n];
            platforms = new String[n];
            first = new int[n];
            x = new int[n];
            tx = new double[n];
            T = new double[n];
            m = new double[n];
            holdout = new int[n];
            repeatsByDay = new long[orders.size == 0 ? 0 : orders.lastDay - orders.firstDay + 1];
        }

        /** One customer, whose orders are {@code orders.rowAt[from..to)}. */
        void add(String customer, long follower, String platform, int from, int to) {
            int firstDay = orders.day[orders.rowAt[from]];
            int lastDay = firstDay;
            int repeats = 0;
            int holdoutRepeats = 0;
            double repeatTotal = 0;
            int k = from;
            while (k < to && orders.day[orders.rowAt[k]] == firstDay) {
                k++;
            }
            while (k < to) {
                int occasionDay = orders.day[orders.rowAt[k]];
                double occasionAmount = 0;
                while (k < to && orders.day[orders.rowAt[k]] == occasionDay) {
                    occasionAmount += orders.amount[orders.rowAt[k]];
                    k++;
                }
                repeatsByDay[occasionDay - orders.firstDay]++;
                if (occasionDay <= endDay) {
                    repeats++;
                    repeatTotal += occasionAmount;
                    lastDay = occasionDay;
                } else {
                    holdoutRepeats++;
                }
            }
            double mean = repeats == 0 ? 0 : repeatTotal / repeats;
            if (repeats > 0 && mean <= 0) {
                nonPositive++;
            }
            customers[kept] = customer;
            followers[kept] = follower;
            platforms[kept] = platform;
            first[kept] = firstDay;
            x[kept] = repeats;
            tx[kept] = (lastDay - firstDay) / unit.days();
            T[kept] = (endDay - firstDay) / unit.days();
            m[kept] = mean;
            holdout[kept] = holdoutRepeats;
            kept++;
        }

        CustomerSummary build(LocalDate end, LocalDate dataEnd) {
            int from = 0;
            while (from < repeatsByDay.length && repeatsByDay[from] == 0) {
                from++;
            }
            int to = repeatsByDay.length;
            while (to > from && repeatsByDay[to - 1] == 0) {
                to--;
            }
            return new CustomerSummary(Arrays.copyOf(customers, kept), Arrays.copyOf(followers, kept),
                    Arrays.copyOf(platforms, kept), Arrays.copyOf(first, kept), Arrays.copyOf(x, kept),
                    Arrays.copyOf(tx, kept), Arrays.copyOf(T, kept), Arrays.copyOf(m, kept),
                    Arrays.copyOf(holdout, kept), end, dataEnd, unit, nonPositive,
                    from == to ? 0 : orders.firstDay + from, Arrays.copyOfRange(repeatsByDay, from, to),
                    orders.refundsLeftOut, orders.guestOrdersLeftOut);
        }
    }
}
