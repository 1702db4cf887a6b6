package com.campaignstudio.portrait;

import com.campaignstudio.project.ParallelScans;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.ActivitySnapshot.PlatformName;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Reads a project's followers, timed interactions and paid orders into an {@link AudienceTable} with one plain scan
 * of each table (no join, sort or grouping, which H2 would answer by sorting millions of rows), side by side on their
 * own connections, the engagement table cut into primary-key ranges as {@code snapshot.SnapshotReader} does.
 *
 * <p>Values are normalised as read ({@link Gender}, {@link AgeBand}, {@link Regions}), each distinct exported form
 * once. Interactions are the engagement rows with a time: per-person totals ({@code is_total}) have none, and
 * {@code watch_minutes} counts minutes, not interactions, so neither enters the active hours. An order is a purchase
 * when paid; an order without a follower belongs to the follower any paid order of the same customer reference names.
 */
public final class AudienceReader {

    private static final int MAX_THREADS = 4;
    private static final long SPLIT_ABOVE = 400_000;
    private static final int CHECK_EVERY = 1 << 16;
    private static final long NO_DAY = Long.MIN_VALUE;
    private static final long DAY_SECONDS = 86_400;

    private AudienceReader() {
    }

    public static AudienceTable read(ProjectDatabase database, TaskContext context) throws SQLException {
        int threads = Math.min(MAX_THREADS, Math.max(1, Runtime.getRuntime().availableProcessors()));
        long[] extent = database.read(ParallelScans::engagementExtent);
        int parts = extent[2] < SPLIT_ABOVE ? 1 : threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "audience-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            context.message(Reason.of("portrait.stage.reading"));
            Future<Map<Integer, PlatformName>> platforms = pool.submit(() -> database.read(AudienceReader::platforms));
            Future<Followers> followers = pool.submit(() -> database.read(c -> Followers.read(c, context)));
            Future<Orders> orders = pool.submit(() -> database.read(c -> Orders.read(c, context)));
            List<Future<Interactions>> interactions = new ArrayList<>();
            long span = extent[1] - extent[0] + 1;
            for (int part = 0; part < parts; part++) {
                long from = extent[0] + span * part / parts;
                long to = extent[0] + span * (part + 1) / parts;
                interactions.add(pool.submit(() -> database.read(c -> Interactions.read(c, from, to, context))));
            }
            int total = interactions.size() + 3;
            int done = 0;
            Map<Integer, PlatformName> platformNames = ParallelScans.await(platforms);
            Followers followerRows = ParallelScans.await(followers);
            context.progress(++done, total);
            List<Interactions> interactionParts = new ArrayList<>();
            for (Future<Interactions> part : interactions) {
                interactionParts.add(ParallelScans.await(part));
                context.progress(++done, total);
            }
            Orders orderRows = ParallelScans.await(orders);
            context.progress(++done, total);
            AudienceTable table = assemble(followerRows, interactionParts, orderRows, platformNames, context);
            context.progress(total, total);
            return table;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AudienceTable assemble(Followers followers, List<Interactions> parts, Orders orders,
                                          Map<Integer, PlatformName> platformNames, TaskContext context) {
        followers.sortById();
        int n = followers.size;
        long[] ids = Arrays.copyOf(followers.id, n);
        FollowerIndex index = new FollowerIndex(ids);
        long lastDay = followers.lastDay();

        int rows = parts.stream().mapToInt(part -> part.size).sum();
        int[] interactionFollower = new int[rows];
        byte[] interactionSlot = new byte[rows];
        long[] interactionCount = new long[rows];
        int kept = 0;
        for (Interactions part : parts) {
            context.checkCancelled();
            for (int i = 0; i < part.size; i++) {
                int follower = index.of(part.follower[i]);
                if (follower < 0) {
                    continue;
                }
                long second = part.second[i];
                long day = Math.floorDiv(second, DAY_SECONDS);
                lastDay = Math.max(lastDay, day);
                interactionFollower[kept] = follower;
                interactionSlot[kept] = (byte) (Math.floorMod(day + 3, 7) * 24 + Math.floorMod(second, DAY_SECONDS) / 3600);
                interactionCount[kept] = part.count[i];
                kept++;
            }
        }
        lastDay = Math.max(lastDay, orders.lastDay);

        Map<String, PlatformName> platformsByCode = new LinkedHashMap<>();
        platformNames.values().forEach(name -> platformsByCode.put(name.code(), name));
        Map<Trait, TraitColumn> columns = new EnumMap<>(Trait.class);
        columns.put(Trait.GENDER, followers.gender.column());
        columns.put(Trait.AGE, followers.age.column());
        columns.put(Trait.REGION, followers.region.column());
        columns.put(Trait.PLATFORM, platformColumn(followers, platformNames));
        columns.put(Trait.TENURE, tenureColumn(followers, lastDay));
        Purchases purchases = orders.byFollower(index, n);
        columns.put(Trait.PRICE_BAND, purchases.priceBands());
        return new AudienceTable(ids, columns, purchases.buyer, purchases.productStart, purchases.productCodes,
                orders.productNames(), Arrays.copyOf(interactionFollower, kept), Arrays.copyOf(interactionSlot, kept),
                Arrays.copyOf(interactionCount, kept), platformsByCode,
                lastDay == NO_DAY ? null : LocalDate.ofEpochDay(lastDay), purchases.unlinkedCustomers);
    }

    private static TraitColumn platformColumn(Followers followers, Map<Integer, PlatformName> names) {
        List<String> keys = new ArrayList<>();
        Map<Integer, Integer> codeOfId = new HashMap<>();
        int[] codes = new int[followers.size];
        for (int f = 0; f < followers.size; f++) {
            int id = followers.platform[f];
            codes[f] = codeOfId.computeIfAbsent(id, key -> {
                PlatformName name = names.get(key);
                keys.add(name == null ? "#" + key : name.code());
                return keys.size() - 1;
            });
        }
        return new TraitColumn(keys, codes);
    }

    private static TraitColumn tenureColumn(Followers followers, long lastDay) {
        List<String> keys = Arrays.stream(TenureBand.values()).map(TenureBand::key).toList();
        int[] codes = new int[followers.size];
        for (int f = 0; f < followers.size; f++) {
            long day = followers.followedDay[f];
            codes[f] = (day == NO_DAY ? TenureBand.UNKNOWN : TenureBand.ofDays(lastDay - day)).ordinal();
        }
        return new TraitColumn(keys, codes);
    }

    private static Map<Integer, PlatformName> platforms(Connection connection) throws SQLException {
        Map<Integer, PlatformName> names = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code, name_en, name_zh FROM platform")) {
            while (rs.next()) {
                names.put(rs.getInt(1), new PlatformName(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return names;
    }

    /** Follower ids to indexes: a direct table when ids are dense (as identity columns make them), else a search. */
    private static final class FollowerIndex {
        private final long[] ids;
        private final long first;
        private final int[] direct;

        FollowerIndex(long[] ids) {
            this.ids = ids;
            this.first = ids.length == 0 ? 0 : ids[0];
            long span = ids.length == 0 ? 0 : ids[ids.length - 1] - first + 1;
            if (ids.length > 0 && span <= 4L * ids.length + 1024) {
                direct = new int[(int) span];
                Arrays.fill(direct, -1);
                for (int i = 0; i < ids.length; i++) {
                    direct[(int) (ids[i] - first)] = i;
                }
            } else {
                direct = null;
            }
        }

        int of(long id) {
            if (direct != null) {
                long offset = id - first;
                return offset < 0 || offset >= direct.length ? -1 : direct[(int) offset];
            }
            int found = Arrays.binarySearch(ids, id);
            return found < 0 ? -1 : found;
        }
    }

    /** The distinct values of one exported column, normalised once each, and every follower's normalised value. */
    private static final class Values {
        private final Function<String, String> normalise;
        private final Map<String, Integer> codeOfRaw = new HashMap<>();
        private final Map<String, Integer> codeOfKey = new LinkedHashMap<>();
        int[] codes = new int[1024];

        Values(Function<String, String> normalise, List<String> fixedKeys) {
            this.normalise = normalise;
            fixedKeys.forEach(key -> codeOfKey.put(key, codeOfKey.size()));
        }

        void add(int row, String raw) {
            if (row == codes.length) {
                codes = Arrays.copyOf(codes, row * 2);
            }
            codes[row] = codeOfRaw.computeIfAbsent(raw == null ? "" : raw,
                    value -> codeOfKey.computeIfAbsent(normalise.apply(value), key -> codeOfKey.size()));
        }

        void reorder(int[] order) {
            int[] sorted = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = codes[order[i]];
            }
            codes = sorted;
        }

        TraitColumn column() {
            return new TraitColumn(List.copyOf(codeOfKey.keySet()), codes);
        }
    }

    private static final class Followers {
        long[] id = new long[1024];
        int[] platform = new int[1024];
        long[] followedDay = new long[1024];
        final Values gender = new Values(raw -> Gender.of(raw).key(),
                Arrays.stream(Gender.values()).map(Gender::key).toList());
        final Values age = new Values(raw -> AgeBand.of(raw).key(),
                Arrays.stream(AgeBand.values()).map(AgeBand::key).toList());
        final Values region = new Values(Regions::of, List.of(Regions.UNKNOWN));
        int size;

        static Followers read(Connection connection, TaskContext context) throws SQLException {
            ParallelScans.lazy(connection);
            Followers rows = new Followers();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT id, platform_id, "
                        + "DATEDIFF(DAY, DATE '1970-01-01', followed_at), region, gender, age_band FROM follower")) {
                    while (rs.next()) {
                        if ((rows.size & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        long day = rs.getLong(3);
                        boolean noDay = rs.wasNull();
                        rows.add(rs.getLong(1), rs.getInt(2), noDay ? NO_DAY : day, rs.getString(4),
                                rs.getString(5), rs.getString(6));
                    }
                }
            }
            return rows;
        }

        private void add(long followerId, int platformId, long day, String regionRaw, String genderRaw,
                         String ageRaw) {
            if (size == id.length) {
                id = Arrays.copyOf(id, size * 2);
                platform = Arrays.copyOf(platform, size * 2);
                followedDay = Arrays.copyOf(followedDay, size * 2);
            }
            id[size] = followerId;
            platform[size] = platformId;
            followedDay[size] = day;
            region.add(size, regionRaw);
            gender.add(size, genderRaw);
            age.add(size, ageRaw);
            size++;
        }

        long lastDay() {
            long last = NO_DAY;
            for (int f = 0; f < size; f++) {
                last = Math.max(last, followedDay[f]);
            }
            return last;
        }

        /** Puts the rows in ascending id order (a plain scan usually returns them so already). */
        void sortById() {
            boolean sorted = true;
            for (int f = 1; f < size && sorted; f++) {
                sorted = id[f - 1] < id[f];
            }
            if (sorted) {
                id = Arrays.copyOf(id, size);
                platform = Arrays.copyOf(platform, size);
                followedDay = Arrays.copyOf(followedDay, size);
                gender.codes = Arrays.copyOf(gender.codes, size);
                age.codes = Arrays.copyOf(age.codes, size);
                region.codes = Arrays.copyOf(region.codes, size);
                return;
            }
            long[] ids = id;
            int[] order = IntStream.range(0, size).boxed()
                    .sorted((a, b) -> Long.compare(ids[a], ids[b])).mapToInt(Integer::intValue).toArray();
            long[] sortedIds = new long[size];
            int[] sortedPlatform = new int[size];
            long[] sortedDay = new long[size];
            for (int i = 0; i < size; i++) {
                sortedIds[i] = id[order[i]];
                sortedPlatform[i] = platform[order[i]];
                sortedDay[i] = followedDay[order[i]];
            }
            id = sortedIds;
            platform = sortedPlatform;
            followedDay = sortedDay;
            gender.reorder(order);
            age.reorder(order);
            region.reorder(order);
        }
    }

    /** Timed engagement rows with ids in one range. */
    private static final class Interactions {
        long[] follower = new long[1024];
        long[] second = new long[1024];
        long[] count = new long[1024];
        int size;

        static Interactions read(Connection connection, long from, long to, TaskContext context) throws SQLException {
            ParallelScans.lazy(connection);
            Interactions rows = new Interactions();
            try (PreparedStatement select = connection.prepareStatement("SELECT follower_id, "
                    + "DATEDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', occurred_at), event_count FROM engagement "
                    + "WHERE id >= ? AND id < ? AND is_total = FALSE AND kind <> 'watch_minutes'")) {
                select.setLong(1, from);
                select.setLong(2, to);
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if ((rows.size & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        rows.add(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    }
                }
            }
            return rows;
        }

        private void add(long followerId, long at, long events) {
            if (size == second.length) {
                int grown = size + (size >> 1);
                follower = Arrays.copyOf(follower, grown);
                second = Arrays.copyOf(second, grown);
                count = Arrays.copyOf(count, grown);
            }
            follower[size] = followerId;
            second[size] = at;
            count[size] = events;
            size++;
        }
    }

    /** Each follower's purchases: whether they bought, their spending level and the products they bought. */
    private record Purchases(boolean[] buyer, TraitColumn priceBands, int[] productStart, int[] productCodes,
                             long unlinkedCustomers) {
    }

    /** Paid orders with the products of their lines (or the product the order names when it has no lines). */
    private static final class Orders {
        final Map<String, Integer> customers = new HashMap<>();
        final List<Long> customerFollower = new ArrayList<>();
        long[] id = new long[1024];
        int[] customer = new int[1024];
        long[] follower = new long[1024];
        double[] amount = new double[1024];
        long[] product = new long[1024];
        int size;
        long lastDay = NO_DAY;
        final Map<Long, List<Long>> lineProducts = new HashMap<>();
        final Map<Long, String> productNames = new HashMap<>();
        /** Products bought by a follower, coded in the order first met. */
        private final Map<Long, Integer> productCodes = new LinkedHashMap<>();

        static Orders read(Connection connection, TaskContext context) throws SQLException {
            ParallelScans.lazy(connection);
            Orders orders = new Orders();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, name FROM product")) {
                while (rs.next()) {
                    orders.productNames.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT id, customer_ref, follower_id, amount, product_id, "
                        + "DATEDIFF(DAY, DATE '1970-01-01', paid_at), status FROM customer_order")) {
                    while (rs.next()) {
                        if ((orders.size & (CHECK_EVERY - 1)) == 0) {
                            context.checkCancelled();
                        }
                        if (!"paid".equals(rs.getString(7))) {
                            continue;
                        }
                        orders.add(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5),
                                rs.getLong(6));
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery(
                        "SELECT order_id, product_id FROM order_line WHERE quantity > 0 AND product_id IS NOT NULL")) {
                    while (rs.next()) {
                        orders.lineProducts.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return orders;
        }

        private void add(long orderId, String customerRef, long followerId, double value, long productId, long day) {
            if (size == id.length) {
                int grown = size * 2;
                id = Arrays.copyOf(id, grown);
                customer = Arrays.copyOf(customer, grown);
                follower = Arrays.copyOf(follower, grown);
                amount = Arrays.copyOf(amount, grown);
                product = Arrays.copyOf(product, grown);
            }
            int customerCode = -1;
            if (customerRef != null) {
                customerCode = customers.computeIfAbsent(customerRef, key -> {
                    customerFollower.add(0L);
                    return customerFollower.size() - 1;
                });
                if (followerId != 0 && customerFollower.get(customerCode) == 0L) {
                    customerFollower.set(customerCode, followerId);
                }
            }
            id[size] = orderId;
            customer[size] = customerCode;
            follower[size] = followerId;
            amount[size] = value;
            product[size] = productId;
            lastDay = Math.max(lastDay, day);
            size++;
        }

        List<String> productNames() {
            return productCodes.keySet().stream().map(productId -> productNames.getOrDefault(productId, "#" + productId))
                    .toList();
        }

        Purchases byFollower(FollowerIndex index, int followers) {
            boolean[] buyer = new boolean[followers];
            double[] spent = new double[followers];
            int[] paidOrders = new int[followers];
            int[] owner = new int[size];
            boolean[] linkedCustomer = new boolean[customerFollower.size()];
            for (int o = 0; o < size; o++) {
                long followerId = follower[o] != 0 ? follower[o]
                        : customer[o] < 0 ? 0 : customerFollower.get(customer[o]);
                owner[o] = followerId == 0 ? -1 : index.of(followerId);
                if (owner[o] >= 0) {
                    buyer[owner[o]] = true;
                    spent[owner[o]] += amount[o];
                    paidOrders[owner[o]]++;
                    if (customer[o] >= 0) {
                        linkedCustomer[customer[o]] = true;
                    }
                }
            }
            long unlinked = 0;
            for (boolean linked : linkedCustomer) {
                unlinked += linked ? 0 : 1;
            }
            int[] bandCodes = new int[followers];
            for (int f = 0; f < followers; f++) {
                bandCodes[f] = paidOrders[f] == 0 ? TraitColumn.NONE : PriceBand.of(spent[f] / paidOrders[f]).ordinal();
            }
            TraitColumn bands = new TraitColumn(Arrays.stream(PriceBand.values()).map(PriceBand::key).toList(),
                    bandCodes);
            return products(followers, owner, buyer, bands, unlinked);
        }

        /** Each buyer's distinct products, grouped by follower. */
        private Purchases products(int followers, int[] owner, boolean[] buyer, TraitColumn bands, long unlinked) {
            List<long[]> bought = new ArrayList<>();
            for (int o = 0; o < size; o++) {
                if (owner[o] < 0) {
                    continue;
                }
                List<Long> lines = lineProducts.get(id[o]);
                if (lines != null) {
                    for (long productId : lines) {
                        bought.add(new long[]{owner[o], code(productId)});
                    }
                } else if (product[o] != 0) {
                    bought.add(new long[]{owner[o], code(product[o])});
                }
            }
            bought.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int[] start = new int[followers + 1];
            int[] codes = new int[bought.size()];
            int kept = 0;
            for (int i = 0; i < bought.size(); i++) {
                long[] pair = bought.get(i);
                if (i > 0 && bought.get(i - 1)[0] == pair[0] && bought.get(i - 1)[1] == pair[1]) {
                    continue;
                }
                codes[kept++] = (int) pair[1];
                start[(int) pair[0] + 1]++;
            }
            for (int f = 0; f < followers; f++) {
                start[f + 1] += start[f];
            }
            return new Purchases(buyer, bands, start, Arrays.copyOf(codes, kept), unlinked);
        }

        private int code(long productId) {
            return productCodes.computeIfAbsent(productId, key -> productCodes.size());
        }
    }
}
