package com.campaignstudio.snapshot;

import com.campaignstudio.project.ParallelScans;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a project into an {@link ActivitySnapshot} with one plain scan of each table (followers, engagement, orders,
 * and the small name tables): no join, no ORDER BY and no GROUP BY, which H2 would answer by sorting millions of
 * rows. Times come out of H2 as seconds ({@code DATEDIFF}), not as date-time objects.
 *
 * <p>H2 decodes rows at about a million a second on one core, so the scans run side by side on their own
 * connections: followers, orders, and the engagement table cut into ranges of its primary key, one per core (at
 * most four). Only reading happens on those threads; the snapshot is assembled on the caller's.
 */
public final class SnapshotReader {

    private static final int CHECK_EVERY = 1 << 16;
    private static final int MAX_THREADS = 4;
    /** A system property that sets the number of reading threads (benchmarks compare one with several). */
    public static final String THREADS = "campaignstudio.snapshotThreads";
    /** Below this many engagement rows one scan is as quick as several. */
    private static final long SPLIT_ABOVE = 400_000;
    private static final String SECONDS = "DATEDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', %s)";

    private SnapshotReader() {
    }

    public static ActivitySnapshot read(ProjectDatabase database, TaskContext context) throws SQLException {
        return read(database, context, Math.max(1, Integer.getInteger(THREADS,
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()))), SPLIT_ABOVE);
    }

    /** As {@link #read(ProjectDatabase, TaskContext)} on {@code threads} threads, splitting above that many rows. */
    static ActivitySnapshot read(ProjectDatabase database, TaskContext context, int threads, long splitAbove)
            throws SQLException {
        long[] extent = database.read(ParallelScans::engagementExtent);
        int parts = extent[2] < splitAbove ? 1 : threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "snapshot-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            context.message(Reason.of("stage.engagement"));
            Future<SnapshotBuilder> names = pool.submit(() -> database.read(SnapshotReader::names));
            Future<Followers> followers = pool.submit(() -> database.read(c -> Followers.read(c, context)));
            List<Future<Events>> events = new ArrayList<>();
            long span = extent[1] - extent[0] + 1;
            for (int part = 0; part < parts; part++) {
                long from = extent[0] + span * part / parts;
                long to = extent[0] + span * (part + 1) / parts;
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, extent[2] / parts + extent[2] / 16 + 1024);
                events.add(pool.submit(() -> database.read(c -> Events.read(c, from, to, capacity, context))));
            }
            Future<Orders> orders = pool.submit(() -> database.read(c -> Orders.read(c, context)));
            int done = 0;
            int total = events.size() + 3;
            SnapshotBuilder builder = ParallelScans.await(names);
            ParallelScans.await(followers).into(builder);
            context.progress(++done, total);
            for (int part = 0; part < events.size(); part++) {
                ParallelScans.await(events.get(part)).into(builder);
                // The builder has its own copy: let this part's arrays go before the next is copied.
                events.set(part, null);
                context.progress(++done, total);
            }
            ParallelScans.await(orders).into(builder);
            context.progress(++done, total);
            ActivitySnapshot snapshot = builder.build(context);
            context.progress(total, total);
            return snapshot;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SnapshotBuilder names(Connection connection) throws SQLException {
        SnapshotBuilder builder = new SnapshotBuilder(estimate(connection, "ENGAGEMENT"),
                estimate(connection, "CUSTOMER_ORDER"));
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
        return builder;
    }

    private static int estimate(Connection connection, String table) throws SQLException {
        long rows = ParallelScans.rowEstimate(connection, table);
        return (int) Math.min(rows + rows / 16, Integer.MAX_VALUE - 8);
    }

    /** The follower table's rows. */
    private static final class Followers {
        long[] id = new long[1024];
        int[] platform = new int[1024];
        long[] followed = new long[1024];
        int size;

        static Followers read(Connection connection, TaskContext context) throws SQLException {
            ParallelScans.lazy(connection);
            Followers rows = new Followers();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT id, platform_id, "
                        + SECONDS.formatted("followed_at") + " FROM follower")) {
                    while (rs.next()) {
                        if ((rows.size & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        long id = rs.getLong(1);
                        int platform = rs.getInt(2);
                        long followed = rs.getLong(3);
                        rows.add(id, platform, rs.wasNull() ? ActivitySnapshot.NO_TIME : followed);
                    }
                }
            }
            return rows;
        }

        private void add(long followerId, int platformId, long followedSecond) {
            if (size == id.length) {
                id = Arrays.copyOf(id, size * 2);
                platform = Arrays.copyOf(platform, size * 2);
                followed = Arrays.copyOf(followed, size * 2);
            }
            id[size] = followerId;
            platform[size] = platformId;
            followed[size] = followedSecond;
            size++;
        }

        void into(SnapshotBuilder builder) {
            for (int i = 0; i < size; i++) {
                builder.follower(id[i], platform[i], followed[i]);
            }
        }
    }

    /** Engagement rows with ids in one range, kinds coded in the order they were met. */
    private static final class Events {
        long[] follower;
        long[] time;
        short[] kind;
        long[] post;
        int size;
        long totals;
        final List<String> kinds = new ArrayList<>();
        private final Map<String, Short> codes = new HashMap<>();

        Events(int capacity) {
            follower = new long[capacity];
            time = new long[capacity];
            kind = new short[capacity];
            post = new long[capacity];
        }

        static Events read(Connection connection, long from, long to, int capacity, TaskContext context)
                throws SQLException {
            ParallelScans.lazy(connection);
            Events rows = new Events(capacity);
            try (PreparedStatement select = connection.prepareStatement("SELECT follower_id, "
                    + SECONDS.formatted("occurred_at") + ", kind, post_id, is_total FROM engagement "
                    + "WHERE id >= ? AND id < ?")) {
                select.setLong(1, from);
                select.setLong(2, to);
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    long seen = 0;
                    while (rs.next()) {
                        if ((++seen & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        if (rs.getBoolean(5)) {
                            rows.totals++;
                            continue;
                        }
                        rows.add(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4));
                    }
                }
            }
            return rows;
        }

        private void add(long followerId, long second, String kindName, long postId) {
            if (size == time.length) {
                int grown = Math.max(1024, size + (size >> 1));
                follower = Arrays.copyOf(follower, grown);
                time = Arrays.copyOf(time, grown);
                kind = Arrays.copyOf(kind, grown);
                post = Arrays.copyOf(post, grown);
            }
            Short code = codes.get(kindName);
            if (code == null) {
                code = (short) kinds.size();
                codes.put(kindName, code);
                kinds.add(kindName);
            }
            follower[size] = followerId;
            time[size] = second;
            kind[size] = code;
            post[size] = postId;
            size++;
        }

        void into(SnapshotBuilder builder) {
            builder.events(follower, time, kind, kinds, post, size);
            for (long t = 0; t < totals; t++) {
                builder.total();
            }
        }
    }

    /** The order table's rows. */
    private static final class Orders {
        final List<String> customer = new ArrayList<>();
        long[] follower = new long[1024];
        long[] time = new long[1024];
        double[] amount = new double[1024];
        int[] platform = new int[1024];
        long[] campaign = new long[1024];
        long[] product = new long[1024];
        boolean[] paid = new boolean[1024];
        int size;

        static Orders read(Connection connection, TaskContext context) throws SQLException {
            ParallelScans.lazy(connection);
            Orders rows = new Orders();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT customer_ref, follower_id, "
                        + SECONDS.formatted("paid_at") + ", amount, platform_id, campaign_id, product_id, status "
                        + "FROM customer_order")) {
                    while (rs.next()) {
                        if ((rows.size & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        rows.add(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getInt(5),
                                rs.getLong(6), rs.getLong(7), "paid".equals(rs.getString(8)));
                    }
                }
            }
            return rows;
        }

        private void add(String customerRef, long followerId, long second, double value, int platformId,
                         long campaignId, long productId, boolean isPaid) {
            if (size == time.length) {
                int grown = size * 2;
                follower = Arrays.copyOf(follower, grown);
                time = Arrays.copyOf(time, grown);
                amount = Arrays.copyOf(amount, grown);
                platform = Arrays.copyOf(platform, grown);
                campaign = Arrays.copyOf(campaign, grown);
                product = Arrays.copyOf(product, grown);
                paid = Arrays.copyOf(paid, grown);
            }
            customer.add(customerRef);
            follower[size] = followerId;
            time[size] = second;
            amount[size] = value;
            platform[size] = platformId;
            campaign[size] = campaignId;
            product[size] = productId;
            paid[size] = isPaid;
            size++;
        }

        void into(SnapshotBuilder builder) {
            for (int i = 0; i < size; i++) {
                builder.order(customer.get(i), follower[i], time[i], amount[i], platform[i], campaign[i], product[i],
                        paid[i]);
            }
        }
    }
}
