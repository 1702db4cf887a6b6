package com.campaignstudio.ltv;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
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
            Map<Integer, String> codes = platformCodes(connection);
            Orders orders = Orders.read(connection, context);
            LocalDate dataEnd = orders.lastDay();
            LocalDate end = calibrationEnd == null || dataEnd == null || calibrationEnd.isAfter(dataEnd)
                    ? (dataEnd == null ? LocalDate.now() : dataEnd) : calibrationEnd;
            Builder builder = new Builder(unit, end.toEpochDay());
            Map<Long, Integer> followerPlatforms = orders.someWithoutPlatform()
                    ? followerPlatformsOfOrdersWithout(connection) : Map.of();
            int[] order = orders.byCustomerThenDay();
            for (int k = 0; k < order.length; k++) {
                if (k % 200_000 == 0) {
                    context.checkCancelled();
                }
                int row = order[k];
                long follower = orders.follower[row];
                Integer platformOfOrder = orders.platform[row] != 0 ? Integer.valueOf(orders.platform[row])
                        : followerPlatforms.get(follower);
                builder.add(orders.refs.get(orders.customer[row]), orders.day[row], orders.amount[row],
                        platformOfOrder == null ? "unknown" : codes.get(platformOfOrder), follower);
            }
            builder.finishCustomer();
            return builder.build(end, dataEnd == null ? end : dataEnd, platform, followers);
        });
    }

    private static Map<Integer, String> platformCodes(Connection connection) throws SQLException {
        Map<Integer, String> codes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code FROM platform")) {
            while (rs.next()) {
                codes.put(rs.getInt(1), rs.getString(2));
            }
        }
        return codes;
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
    private static final class Orders {
        final List<String> refs = new ArrayList<>();
        int[] customer = new int[1024];
        int[] day = new int[1024];
        double[] amount = new double[1024];
        int[] platform = new int[1024];
        long[] follower = new long[1024];
        int size;

        static Orders read(Connection connection, TaskContext context) throws SQLException {
            Orders orders = new Orders();
            Map<String, Integer> ids = new HashMap<>();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT customer_ref, CAST(paid_at AS DATE), amount, "
                        + "platform_id, follower_id FROM customer_order WHERE status = 'paid'")) {
                    while (rs.next()) {
                        if (orders.size % 500_000 == 0) {
                            context.checkCancelled();
                        }
                        String ref = rs.getString(1);
                        Integer id = ids.get(ref);
                        if (id == null) {
                            id = orders.refs.size();
                            ids.put(ref, id);
                            orders.refs.add(ref);
                        }
                        orders.add(id, (int) rs.getObject(2, LocalDate.class).toEpochDay(),
                                rs.getDouble(3), rs.getInt(4), rs.getLong(5));
                    }
                }
            }
            return orders;
        }

        private void add(int customerId, int epochDay, double value, int platformId, long followerId) {
            if (size == customer.length) {
                int grown = size * 2;
                customer = java.util.Arrays.copyOf(customer, grown);
                day = java.util.Arrays.copyOf(day, grown);
                amount = java.util.Arrays.copyOf(amount, grown);
                platform = java.util.Arrays.copyOf(platform, grown);
                follower = java.util.Arrays.copyOf(follower, grown);
            }
            customer[size] = customerId;
            day[size] = epochDay;
            amount[size] = value;
            platform[size] = platformId;
            follower[size] = followerId;
            size++;
        }

        LocalDate lastDay() {
            int last = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                last = Math.max(last, day[i]);
            }
            return size == 0 ? null : LocalDate.ofEpochDay(last);
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

        /** Row numbers grouped by customer (counting sort), each customer's rows by day (insertion sort). */
        int[] byCustomerThenDay() {
            int customers = refs.size();
            int[] start = new int[customers + 1];
            for (int i = 0; i < size; i++) {
                start[customer[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                start[c + 1] += start[c];
            }
            int[] next = java.util.Arrays.copyOf(start, customers);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[next[customer[i]]++] = i;
            }
            for (int c = 0; c < customers; c++) {
                for (int k = start[c] + 1; k < start[c + 1]; k++) {
                    int row = order[k];
                    int j = k - 1;
                    while (j >= start[c] && day[order[j]] > day[row]) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = row;
                }
            }
            return order;
        }
    }

    /** A growable list of primitive ints. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** Accumulates one customer's occasions at a time. */
    private static final class Builder {
        private final PeriodUnit unit;
        private final long endDay;
        private final List<String> customers = new ArrayList<>();
        private final List<Long> followers = new ArrayList<>();
        private final List<String> platforms = new ArrayList<>();
        private final List<int[]> days = new ArrayList<>();
        private final List<double[]> summary = new ArrayList<>();
        private final List<Integer> holdout = new ArrayList<>();
        private final List<int[]> repeatDays = new ArrayList<>();
        private final IntList currentRepeatDays = new IntList();
        private long nonPositive;

        private String current;
        private long follower;
        private String platform;
        private int firstDay;
        private int lastDay;
        private int occasionDay;
        private double occasionAmount;
        private int repeats;
        private double repeatTotal;
        private int holdoutRepeats;

        Builder(PeriodUnit unit, long endDay) {
            this.unit = unit;
            this.endDay = endDay;
        }

        void add(String customer, int day, double amount, String platformCode, long followerId) {
            if (!customer.equals(current)) {
                finishCustomer();
                current = customer;
                follower = followerId;
                platform = platformCode;
                firstDay = day;
                lastDay = day;
                occasionDay = day;
                occasionAmount = 0;
                repeats = 0;
                repeatTotal = 0;
                holdoutRepeats = 0;
                currentRepeatDays.clear();
            }
            if (follower == 0 && followerId != 0) {
                follower = followerId;
            }
            if (day != occasionDay) {
                closeOccasion();
                occasionDay = day;
                occasionAmount = 0;
            }
            occasionAmount += amount;
        }

        private void closeOccasion() {
            if (occasionDay == firstDay) {
                return;
            }
            currentRepeatDays.add(occasionDay);
            if (occasionDay <= endDay) {
                repeats++;
                repeatTotal += occasionAmount;
                lastDay = occasionDay;
            } else {
                holdoutRepeats++;
            }
        }

        void finishCustomer() {
            if (current == null) {
                return;
            }
            closeOccasion();
            if (firstDay <= endDay) {
                customers.add(current);
                followers.add(follower);
                platforms.add(platform == null ? "unknown" : platform);
                days.add(new int[]{firstDay});
                double mean = repeats == 0 ? 0 : repeatTotal / repeats;
                if (repeats > 0 && mean <= 0) {
                    nonPositive++;
                }
                summary.add(new double[]{repeats, (lastDay - firstDay) / unit.days(), (endDay - firstDay) / unit.days(), mean});
                holdout.add(holdoutRepeats);
                repeatDays.add(currentRepeatDays.toArray());
            }
            current = null;
        }

        CustomerSummary build(LocalDate end, LocalDate dataEnd, String onlyPlatform, Set<Long> onlyFollowers) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                if ((onlyPlatform == null || onlyPlatform.equals(platforms.get(i)))
                        && (onlyFollowers == null || onlyFollowers.contains(followers.get(i)))) {
                    keep.add(i);
                }
            }
            int n = keep.size();
            String[] refs = new String[n];
            long[] followerIds = new long[n];
            String[] codes = new String[n];
            int[] first = new int[n];
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] T = new double[n];
            double[] m = new double[n];
            int[] after = new int[n];
            long nonPositiveKept = 0;
            int firstRepeat = Integer.MAX_VALUE;
            int lastRepeat = Integer.MIN_VALUE;
            for (int i : keep) {
                for (int day : repeatDays.get(i)) {
                    firstRepeat = Math.min(firstRepeat, day);
                    lastRepeat = Math.max(lastRepeat, day);
                }
            }
            long[] byDay = new long[firstRepeat == Integer.MAX_VALUE ? 0 : lastRepeat - firstRepeat + 1];
            for (int i : keep) {
                for (int day : repeatDays.get(i)) {
                    byDay[day - firstRepeat]++;
                }
            }
            for (int k = 0; k < n; k++) {
                int i = keep.get(k);
                refs[k] = customers.get(i);
                followerIds[k] = followers.get(i);
                codes[k] = platforms.get(i);
                first[k] = days.get(i)[0];
                double[] s = summary.get(i);
                x[k] = (int) s[0];
                tx[k] = s[1];
                T[k] = s[2];
                m[k] = s[3];
                after[k] = holdout.get(i);
                if (x[k] > 0 && m[k] <= 0) {
                    nonPositiveKept++;
                }
            }
            return new CustomerSummary(refs, followerIds, codes, first, x, tx, T, m, after, end, dataEnd, unit,
                    onlyPlatform == null && onlyFollowers == null ? nonPositive : nonPositiveKept,
                    firstRepeat == Integer.MAX_VALUE ? 0 : firstRepeat, byDay);
        }
    }
}
