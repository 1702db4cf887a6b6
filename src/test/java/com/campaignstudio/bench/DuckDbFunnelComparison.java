package com.campaignstudio.bench;

import com.campaignstudio.demo.ActivityHistories;
import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelGroup;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The funnel-5m benchmark's 4-step social-to-sale funnel by platform, beside DuckDB running the same funnel in SQL
 * over the same rows exported from the project to CSV and Parquet, so that our figure reads as a ratio. DuckDB is a
 * columnar engine built for such scans; it is on the classpath only in the {@code duckdb} Maven profile (test scope)
 * and reached through plain JDBC, so nothing else compiles against it. Run by {@code ./studio bench-duckdb}.
 *
 * <p>The SQL takes each view as a possible entry and follows it with the earliest click at or after it, the earliest
 * registration at or after that and the earliest paid order at or after that ({@code ASOF JOIN}), each within the
 * window of the entry; a person reaches the deepest step any entry reaches. Taking the earliest next event is optimal
 * for a strict funnel, so the counts must equal ours step by step and platform by platform; the run fails if they
 * differ.
 */
public final class DuckDbFunnelComparison {

    private static final int REPEATS = 5;
    private static final long WINDOW_SECONDS = Duration.ofDays(7).toSeconds();

    private DuckDbFunnelComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("campaign-studio-duckdb");
        try {
            run(scratch);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Path scratch) throws Exception {
        Path file = scratch.resolve("funnel-5m.campaign");
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home"));
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                ActivityHistories.write(connection, FunnelCase.FOLLOWERS, FunnelCase.EVENTS, FunnelCase.ORDERS,
                        20_261_123L, TaskContext.silent());
                return null;
            });
            project.save();
        }
        FunnelQuery query = FunnelQuery.of(new FunnelDefinition(FunnelDefinition.SOCIAL_TO_SALE,
                Duration.ofSeconds(WINDOW_SECONDS), StepOrder.STRICT)).by(Breakdown.PLATFORM);
        Map<String, long[]> ours;
        double snapshotSeconds;
        double oursFirst;
        double[] oursRepeat = new double[REPEATS];
        Map<String, Integer> platformIds = new TreeMap<>();
        try (Project project = Project.open(locations, file)) {
            Snapshots snapshots = new Snapshots();
            long started = System.nanoTime();
            ActivitySnapshot snapshot = snapshots.of(project.database(), TaskContext.silent());
            snapshotSeconds = seconds(started);
            started = System.nanoTime();
            FunnelResult result = Funnels.run(snapshot, query, TaskContext.silent());
            oursFirst = seconds(started);
            for (int run = 0; run < REPEATS; run++) {
                started = System.nanoTime();
                Funnels.run(snapshots.of(project.database(), TaskContext.silent()), query, TaskContext.silent());
                oursRepeat[run] = seconds(started);
            }
            ours = counts(result);
            export(project, scratch);
            snapshot.platforms().forEach((id, name) -> platformIds.put(name.code(), id));
        }

        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            long started = System.nanoTime();
            load(statement, scratch, "read_csv('%s', header = true)", ".csv");
            double csvLoad = seconds(started);
            started = System.nanoTime();
            Map<String, long[]> duckCsv = funnel(statement, "ev", "buys", "follower_platform", platformIds);
            double duckFirst = seconds(started);
            double[] duckRepeat = new double[REPEATS];
            for (int run = 0; run < REPEATS; run++) {
                started = System.nanoTime();
                funnel(statement, "ev", "buys", "follower_platform", platformIds);
                duckRepeat[run] = seconds(started);
            }
            for (String table : new String[] {"ev", "buys", "follower_platform"}) {
                statement.execute("COPY " + table + " TO '" + scratch.resolve(table + ".parquet") + "' (FORMAT parquet)");
            }
            started = System.nanoTime();
            Map<String, long[]> duckParquet = funnel(statement, parquet(scratch, "ev"), parquet(scratch, "buys"),
                    parquet(scratch, "follower_platform"), platformIds);
            double parquetFirst = seconds(started);
            String threads = value(statement, "SELECT current_setting('threads')");

            System.out.printf(Locale.ROOT, "bench case=funnel-5m-duckdb ours_snapshot_s=%.3f ours_funnel_first_s=%.3f "
                            + "ours_funnel_repeat_s=%.3f duckdb_csv_load_s=%.3f duckdb_funnel_first_s=%.3f "
                            + "duckdb_funnel_repeat_s=%.3f duckdb_parquet_funnel_s=%.3f duckdb_threads=%s "
                            + "repeat_ratio=%.2f first_ratio=%.2f%n",
                    snapshotSeconds, oursFirst, median(oursRepeat), csvLoad, duckFirst, median(duckRepeat),
                    parquetFirst, threads, median(oursRepeat) / median(duckRepeat),
                    (snapshotSeconds + oursFirst) / (csvLoad + duckFirst));
            compare("csv", ours, duckCsv);
            compare("parquet", ours, duckParquet);
        }
    }

    /** The rows a funnel reads, as the activity snapshot reads them: events, paid orders, followers' platforms. */
    private static void export(Project project, Path scratch) throws SQLException {
        // Inside CSVWRITE's quoted query, so the timestamp's quotes are doubled.
        String seconds = "DATEDIFF(SECOND, TIMESTAMP ''1970-01-01 00:00:00'', %s)";
        project.database().read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CALL CSVWRITE('" + scratch.resolve("ev.csv") + "', 'SELECT follower_id AS person, "
                        + seconds.formatted("occurred_at") + " AS t, kind FROM engagement "
                        + "WHERE NOT is_total AND follower_id IS NOT NULL')");
                statement.execute("CALL CSVWRITE('" + scratch.resolve("orders.csv") + "', 'SELECT customer_ref, "
                        + "follower_id, " + seconds.formatted("paid_at") + " AS t, status FROM customer_order')");
                statement.execute("CALL CSVWRITE('" + scratch.resolve("follower_platform.csv")
                        + "', 'SELECT id AS person, platform_id FROM follower')");
            }
            return null;
        });
    }

    private static void load(Statement statement, Path scratch, String reader, String extension) throws SQLException {
        statement.execute("CREATE TABLE ev AS SELECT * FROM " + reader.formatted(scratch.resolve("ev" + extension)));
        statement.execute("CREATE TABLE follower_platform AS SELECT * FROM "
                + reader.formatted(scratch.resolve("follower_platform" + extension)));
        // All paid orders of a customer reference reach the follower any of its paid orders is linked to.
        statement.execute("CREATE TABLE buys AS WITH orders AS (SELECT * FROM "
                + reader.formatted(scratch.resolve("orders" + extension)) + " WHERE status = 'paid'), "
                + "link AS (SELECT customer_ref, min(follower_id) AS person FROM orders "
                + "WHERE follower_id IS NOT NULL GROUP BY customer_ref) "
                + "SELECT coalesce(o.follower_id, link.person) AS person, o.t FROM orders o "
                + "LEFT JOIN link USING (customer_ref) WHERE coalesce(o.follower_id, link.person) IS NOT NULL");
    }

    private static String parquet(Path scratch, String table) {
        return "read_parquet('" + scratch.resolve(table + ".parquet") + "')";
    }

    /** People reaching each step, by platform id, as DuckDB counts them. */
    private static Map<String, long[]> funnel(Statement statement, String events, String buys, String platforms,
                                              Map<String, Integer> platformIds) throws SQLException {
        String sql = """
                WITH v AS (SELECT person, t AS t1 FROM %1$s WHERE kind = 'view'),
                     c AS (SELECT person, t FROM %1$s WHERE kind = 'click'),
                     r AS (SELECT person, t FROM %1$s WHERE kind = 'register'),
                     s2 AS (SELECT v.person, v.t1, c.t AS t2 FROM v ASOF LEFT JOIN c
                            ON v.person = c.person AND c.t >= v.t1),
                     s3 AS (SELECT s2.*, r.t AS t3 FROM s2 ASOF LEFT JOIN r ON s2.person = r.person AND r.t >= s2.t2),
                     s4 AS (SELECT s3.*, b.t AS t4 FROM s3 ASOF LEFT JOIN %2$s b
                            ON s3.person = b.person AND b.t >= s3.t3),
                     depth AS (SELECT person, max(CASE
                                 WHEN t2 IS NULL OR t2 > t1 + %4$d THEN 1
                                 WHEN t3 IS NULL OR t3 > t1 + %4$d THEN 2
                                 WHEN t4 IS NULL OR t4 > t1 + %4$d THEN 3
                                 ELSE 4 END) AS reached
                               FROM s4 GROUP BY person)
                SELECT f.platform_id, count(*), count(*) FILTER (reached >= 2), count(*) FILTER (reached >= 3),
                       count(*) FILTER (reached >= 4)
                FROM depth JOIN %3$s f USING (person) GROUP BY f.platform_id
                """.formatted(events, buys, platforms, WINDOW_SECONDS);
        Map<Integer, String> codes = new TreeMap<>();
        platformIds.forEach((code, id) -> codes.put(id, code));
        Map<String, long[]> counts = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(codes.getOrDefault(rs.getInt(1), "?" + rs.getInt(1)),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        return counts;
    }

    private static Map<String, long[]> counts(FunnelResult result) {
        Map<String, long[]> counts = new TreeMap<>();
        for (FunnelGroup group : result.groups()) {
            long[] people = group.figures().steps().stream().mapToLong(step -> step.people()).toArray();
            counts.put(group.label().key(), people);
        }
        return counts;
    }

    private static void compare(String source, Map<String, long[]> ours, Map<String, long[]> duck) {
        StringBuilder differences = new StringBuilder();
        for (String platform : ours.keySet()) {
            long[] mine = ours.get(platform);
            long[] theirs = duck.get(platform);
            if (theirs == null || !java.util.Arrays.equals(mine, theirs)) {
                differences.append(String.format(Locale.ROOT, "%n  %s: ours %s, DuckDB %s", platform,
                        java.util.Arrays.toString(mine), theirs == null ? "none" : java.util.Arrays.toString(theirs)));
            }
        }
        if (!duck.keySet().equals(ours.keySet())) {
            differences.append("\n  platforms: ours ").append(ours.keySet()).append(", DuckDB ").append(duck.keySet());
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the funnels differ (" + source + "):" + differences);
        }
        System.out.println("bench funnel-5m-duckdb " + source + ": same people at every step on every platform");
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
