package com.campaignstudio.bench;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.schedule.PostHistory;
import com.campaignstudio.schedule.SlotQuery;
import com.campaignstudio.schedule.SlotRates;

import java.nio.file.Files;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Best-time heat map on 100,000 posts spread over the 8 built-in platforms and two years (written first, not timed):
 * reading the posts ({@link PostHistory#read}) and the weekday x hour rates of one platform, then of all 8 (one read,
 * 8 heat maps, the second with the hours read in another zone); each the first run and the median of 5 repeats.
 */
final class HeatMapCase {

    static final int POSTS = 100_000;
    private static final int REPEATS = 5;
    private static final String[] FORMATS = {"video", "article", "image", "live"};
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private HeatMapCase() {
    }

    static BenchResult run(Path scratch, String name) throws Exception {
        Path file = scratch.resolve(name + ".campaign");
        Files.deleteIfExists(file);
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home-schedule"));
        Map<String, String> extra = new LinkedHashMap<>();
        try (Project project = Project.create(locations, file, ZONE)) {
            long generationStarted = System.nanoTime();
            List<String> platforms = project.database().transaction(connection -> writePosts(connection, 20_261_126L));
            extra.put("generation_s", format(seconds(generationStarted)));
            HeapPeak.reset();
            long started = System.nanoTime();
            PostHistory history = PostHistory.read(project.database());
            double readSeconds = seconds(started);
            SlotRates first = SlotRates.compute(history, SlotQuery.of(platforms.getFirst(), ZONE));
            double firstSeconds = seconds(started);
            long allStarted = System.nanoTime();
            allPlatforms(PostHistory.read(project.database()), platforms, ZONE);
            double allSeconds = seconds(allStarted);
            double[] oneRepeat = new double[REPEATS];
            double[] allRepeat = new double[REPEATS];
            double[] allOtherZone = new double[REPEATS];
            for (int run = 0; run < REPEATS; run++) {
                long again = System.nanoTime();
                SlotRates.compute(PostHistory.read(project.database()), SlotQuery.of(platforms.getFirst(), ZONE));
                oneRepeat[run] = seconds(again);
                again = System.nanoTime();
                allPlatforms(PostHistory.read(project.database()), platforms, ZONE);
                allRepeat[run] = seconds(again);
                again = System.nanoTime();
                allPlatforms(PostHistory.read(project.database()), platforms, ZoneId.of("America/New_York"));
                allOtherZone[run] = seconds(again);
            }
            extra.put("read_s", format(readSeconds));
            extra.put("one_platform_first_s", format(firstSeconds));
            extra.put("all_platforms_first_s", format(allSeconds));
            extra.put("one_platform_repeat_s", format(median(oneRepeat)));
            extra.put("all_platforms_repeat_s", format(median(allRepeat)));
            extra.put("all_platforms_other_zone_s", format(median(allOtherZone)));
            extra.put("posts_one_platform", Integer.toString(first.postsUsed()));
            extra.put("left_out", Integer.toString(history.leftOut()));
            return new BenchResult(name, history.size(), firstSeconds, HeapPeak.megabytes(), extra);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void allPlatforms(PostHistory history, List<String> platforms, ZoneId platformZone) {
        for (String platform : platforms) {
            SlotRates.compute(history, new SlotQuery(platform, Optional.empty(),
                    SlotQuery.DEFAULT_PRIOR_POSTS, ZONE, platformZone));
        }
    }

    /** Posts at random times over two years, 1% without impressions; returns the platforms' codes. */
    private static List<String> writePosts(Connection connection, long seed) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code FROM platform WHERE built_in ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
                codes.add(rs.getString(2));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime start = LocalDateTime.of(2024, 10, 1, 0, 0);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post (id, platform_id, external_id, "
                + "published_at, format, impressions, reach, likes, comments, shares, clicks) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int post = 1; post <= POSTS; post++) {
                int platform = random.nextInt(ids.size());
                long impressions = random.nextInt(100) == 0 ? 0 : 1_000 + random.nextInt(50_000);
                long engagements = Math.round(impressions * 0.05 * random.nextDouble());
                insert.setLong(1, post);
                insert.setInt(2, ids.get(platform));
                insert.setString(3, "B" + post);
                insert.setTimestamp(4, Timestamp.valueOf(start.plusMinutes(random.nextInt(730 * 24 * 60))));
                insert.setString(5, FORMATS[random.nextInt(FORMATS.length)]);
                insert.setLong(6, impressions);
                insert.setLong(7, impressions * 7 / 10);
                insert.setLong(8, engagements * 7 / 10);
                insert.setLong(9, engagements / 10);
                insert.setLong(10, engagements - engagements * 7 / 10 - engagements / 10);
                insert.setLong(11, impressions / 50);
                insert.addBatch();
                if (post % 2_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return codes;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
