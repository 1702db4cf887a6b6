package com.campaignstudio.segments;

import com.campaignstudio.ids.IdRows;
import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link FollowerFacts} for a population in three streaming passes (followers, engagement, orders)
 * and aggregates in arrays: one scan of each table instead of a GROUP BY per feature, which H2 would sort
 * on disk for a million followers.
 *
 * <p>Counts from per-follower totals exports (engagement rows marked {@code is_total}) are cumulative, so a
 * follower's count for a kind is the larger of the events summed and the largest total reported.
 */
public final class FactsReader {

    private static final double MINUTES_PER_DAY = 24 * 60;

    private final ProjectDatabase database;

    public FactsReader(ProjectDatabase database) {
        this.database = database;
    }

    public FollowerFacts read(Population population, TaskContext context) throws SQLException {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            context.message(Reason.of("stage.followers"));
            Followers followers = followers(connection, population);
            context.progress(1, 4);
            context.checkCancelled();
            Activity activity = new Activity(followers.ids.length);
            context.message(Reason.of("stage.engagement"));
            readEngagement(connection, population, followers, activity, context);
            context.progress(2, 4);
            context.message(Reason.of("stage.orders"));
            readOrders(connection, population, followers, activity, context);
            context.progress(3, 4);
            return assemble(population, followers, activity);
        });
    }

    private record Followers(long[] ids, String[] platforms, long[] followedMinute, long[] reportedOrders,
                             double[] reportedSpend, IdRows index) {
    }

    /** Aggregates while streaming; minute timestamps are minutes since the epoch, Long.MIN_VALUE for none. */
    private static final class Activity {
        final long[] lastMinute;
        final long[] interactions;
        final long[] orders;
        final double[] monetary;
        final Map<String, long[]> counts = new LinkedHashMap<>();
        final Map<Integer, Map<String, Long>> totals = new HashMap<>();
        long latestMinute = Long.MIN_VALUE;

        Activity(int n) {
            lastMinute = new long[n];
            Arrays.fill(lastMinute, Long.MIN_VALUE);
            interactions = new long[n];
            orders = new long[n];
            monetary = new double[n];
            for (String kind : FollowerFacts.KINDS) {
                counts.put(kind, new long[n]);
            }
        }

        void touch(int row, long minute) {
            lastMinute[row] = Math.max(lastMinute[row], minute);
            latestMinute = Math.max(latestMinute, minute);
        }
    }

    private static Followers followers(Connection connection, Population population) throws SQLException {
        // Platform codes from their own small table: joining it to a million followers makes H2 sort the
        // result (12 s instead of 2 s on the large demo).
        Map<Integer, String> codes = PlatformTable.codesById(connection);
        StringBuilder sql = new StringBuilder("SELECT f.id, f.platform_id, f.followed_at, f.reported_orders, "
                + "f.reported_spend FROM follower f WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (population.platform() != null) {
            sql.append(" AND f.platform_id = (SELECT id FROM platform WHERE code = ?)");
            parameters.add(population.platform());
        }
        if (population.to() != null) {
            sql.append(" AND (f.followed_at IS NULL OR f.followed_at < ?)");
            parameters.add(Timestamp.valueOf(population.to().plusDays(1).atStartOfDay()));
        }
        sql.append(" ORDER BY f.id");
        LongList ids = new LongList();
        List<String> platforms = new ArrayList<>();
        LongList followed = new LongList();
        LongList reportedOrders = new LongList();
        List<Double> reportedSpend = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            bind(select, parameters);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    platforms.add(codes.get(rs.getInt(2)));
                    LocalDateTime followedAt = rs.getObject(3, LocalDateTime.class);
                    followed.add(followedAt == null ? Long.MIN_VALUE : minute(followedAt));
                    reportedOrders.add(rs.getLong(4));
                    BigDecimal spend = rs.getBigDecimal(5);
                    reportedSpend.add(spend == null ? 0.0 : spend.doubleValue());
                }
            }
        }
        long[] idArray = ids.toArray();
        return new Followers(idArray, platforms.toArray(String[]::new), followed.toArray(), reportedOrders.toArray(),
                reportedSpend.stream().mapToDouble(Double::doubleValue).toArray(), IdRows.of(idArray));
    }

    private static void readEngagement(Connection connection, Population population, Followers followers,
                                       Activity activity, TaskContext context) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT follower_id, kind, event_count, occurred_at, is_total FROM engagement"
                + window(population, "occurred_at", parameters);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                long seen = 0;
                while (rs.next()) {
                    if (++seen % 500_000 == 0) {
                        context.checkCancelled();
                    }
                    int row = followers.index.row(rs.getLong(1));
                    if (row < 0) {
                        continue;
                    }
                    String kind = rs.getString(2);
                    long count = rs.getLong(3);
                    long minute = minute(rs.getObject(4, LocalDateTime.class));
                    activity.touch(row, minute);
                    if (rs.getBoolean(5)) {
                        activity.totals.computeIfAbsent(row, r -> new HashMap<>()).merge(kind, count, Math::max);
                        continue;
                    }
                    long[] counts = activity.counts.get(kind);
                    if (counts != null) {
                        counts[row] += count;
                    }
                    if (!kind.equals("view") && !kind.equals("watch_minutes")) {
                        activity.interactions[row] += count;
                    }
                }
            }
        }
        for (Map.Entry<Integer, Map<String, Long>> entry : activity.totals.entrySet()) {
            int row = entry.getKey();
            for (Map.Entry<String, Long> total : entry.getValue().entrySet()) {
                long[] counts = activity.counts.get(total.getKey());
                long before = counts == null ? 0 : counts[row];
                if (counts != null && total.getValue() > before) {
                    counts[row] = total.getValue();
                }
                if (!total.getKey().equals("view") && !total.getKey().equals("watch_minutes")
                        && total.getValue() > before) {
                    activity.interactions[row] += total.getValue() - before;
                }
            }
        }
    }

    private static void readOrders(Connection connection, Population population, Followers followers,
                                   Activity activity, TaskContext context) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = window(population, "paid_at", parameters);
        String sql = "SELECT follower_id, amount, paid_at FROM customer_order"
                + (where.isEmpty() ? " WHERE" : where + " AND") + " follower_id IS NOT NULL AND status = 'paid'";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                long seen = 0;
                while (rs.next()) {
                    if (++seen % 500_000 == 0) {
                        context.checkCancelled();
                    }
                    int row = followers.index.row(rs.getLong(1));
                    if (row < 0) {
                        continue;
                    }
                    activity.orders[row]++;
                    activity.monetary[row] += rs.getBigDecimal(2).doubleValue();
                    activity.touch(row, minute(rs.getObject(3, LocalDateTime.class)));
                }
            }
        }
        for (int row = 0; row < followers.ids.length; row++) {
            activity.orders[row] = Math.max(activity.orders[row], followers.reportedOrders[row]);
            activity.monetary[row] = Math.max(activity.monetary[row], followers.reportedSpend[row]);
        }
    }

    private static FollowerFacts assemble(Population population, Followers followers, Activity activity) {
        long asOfMinute = population.to() != null ? minute(population.to().plusDays(1).atStartOfDay())
                : activity.latestMinute == Long.MIN_VALUE ? minute(LocalDateTime.now()) : activity.latestMinute + 1;
        long fromMinute = population.from() == null ? Long.MIN_VALUE : minute(population.from().atStartOfDay());
        int n = followers.ids.length;
        double[] tenure = new double[n];
        double[] recency = new double[n];
        for (int i = 0; i < n; i++) {
            long followed = followers.followedMinute[i];
            tenure[i] = followed == Long.MIN_VALUE ? Double.NaN : Math.max(0, asOfMinute - followed) / MINUTES_PER_DAY;
            long last = activity.lastMinute[i];
            if (last == Long.MIN_VALUE) {
                // Never active in the window: as stale as the window (or the follow) is old.
                long since = Math.max(followed, fromMinute);
                recency[i] = since == Long.MIN_VALUE ? Double.NaN : Math.max(0, asOfMinute - since) / MINUTES_PER_DAY;
            } else {
                recency[i] = Math.max(0, asOfMinute - last) / MINUTES_PER_DAY;
            }
        }
        FollowerFacts facts = new FollowerFacts(followers.ids, followers.platforms,
                LocalDateTime.ofEpochSecond(asOfMinute * 60, 0, ZoneOffset.UTC), tenure, recency,
                activity.interactions, activity.orders, activity.monetary, activity.counts);
        return population.buyersOnly() ? buyers(facts) : facts;
    }

    private static FollowerFacts buyers(FollowerFacts facts) {
        int[] keep = java.util.stream.IntStream.range(0, facts.size()).filter(facts::isBuyer).toArray();
        Map<String, long[]> counts = new LinkedHashMap<>();
        facts.kindCounts().forEach((kind, values) -> counts.put(kind, pick(values, keep)));
        return new FollowerFacts(pick(facts.ids(), keep),
                Arrays.stream(keep).mapToObj(i -> facts.platforms()[i]).toArray(String[]::new), facts.asOf(),
                pick(facts.tenureDays(), keep), pick(facts.recencyDays(), keep), pick(facts.interactions(), keep),
                pick(facts.orders(), keep), pick(facts.monetary(), keep), counts);
    }

    private static long[] pick(long[] values, int[] rows) {
        return Arrays.stream(rows).mapToLong(i -> values[i]).toArray();
    }

    private static double[] pick(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> values[i]).toArray();
    }

    private static String window(Population population, String column, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (population.from() != null) {
            conditions.add(column + " >= ?");
            parameters.add(Timestamp.valueOf(population.from().atStartOfDay()));
        }
        if (population.to() != null) {
            conditions.add(column + " < ?");
            parameters.add(Timestamp.valueOf(population.to().plusDays(1).atStartOfDay()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static long minute(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) / 60;
    }
}
