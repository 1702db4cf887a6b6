package com.campaignstudio.segments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.validation.metric.AUC;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Purchase propensity on planted truth: 3,000 followers liked 0..9 times and viewed 0..9 times in January; the
 * chance of a paid order in the 30 days from the cutoff is 0.05 + 0.08 x likes, whatever the views. The model
 * must find the likes, ignore the views, score near the planted chances and rank as well as the truth allows.
 */
class PropensityModelTest {

    static final int FOLLOWERS = 3_000;
    static final int HORIZON = 30;
    /** The segmentation's end; the cutoff is 29 days before: 2026-01-31. */
    static final LocalDateTime AS_OF = LocalDateTime.of(2026, 3, 1, 0, 0);
    static final LocalDate CUTOFF = LocalDate.of(2026, 1, 31);

    @TempDir
    static Path folder;
    static Project project;
    static int[] likes = new int[FOLLOWERS];
    static int[] views = new int[FOLLOWERS];
    static int[] bought = new int[FOLLOWERS];

    @BeforeAll
    static void plant() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        Random random = new Random(2026);
        for (int i = 0; i < FOLLOWERS; i++) {
            likes[i] = random.nextInt(10);
            views[i] = random.nextInt(10);
            bought[i] = random.nextDouble() < chance(likes[i]) ? 1 : 0;
        }
        insert(project.database(), likes, views, bought);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    static double chance(int likeCount) {
        return 0.05 + 0.08 * likeCount;
    }

    @Test
    void theModelFindsThePlantedFeatureScoresNearThePlantedChancesAndRanksAsWellAsTheTruth() throws Exception {
        // Members: every other follower, and one the project does not know.
        long[] members = new long[FOLLOWERS / 2 + 1];
        for (int m = 0; m < FOLLOWERS / 2; m++) {
            members[m] = 2L * m + 1;
        }
        members[FOLLOWERS / 2] = 1_000_000;
        List<String> messages = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        Propensity propensity = new PropensityModel(project.database()).train(segmentation(members, null), HORIZON,
                recording(messages, progress, reason -> false));
        Propensity.Summary summary = propensity.summary();

        assertEquals(HORIZON, summary.horizonDays());
        assertEquals(CUTOFF, summary.cutoff());
        assertEquals(FOLLOWERS, summary.trainingRows() + summary.holdOutRows(), "everyone is sampled");
        assertEquals(0.3 * FOLLOWERS, summary.holdOutRows(), 100, "a 30% hold-out (4 sd: 100)");
        assertEquals(Arrays.stream(bought).sum() / (double) FOLLOWERS, summary.positiveShare(), 1e-12,
                "only paid orders from the cutoff to 30 days later label a buyer");

        // Likes carry all the signal; platform is not a feature of the model.
        assertEquals(Set.of("likes", "views"),
                summary.importance().stream().map(Propensity.Importance::feature).collect(Collectors.toSet()));
        assertEquals("likes", summary.importance().getFirst().feature(), summary.importance().toString());
        assertTrue(summary.importance().getFirst().share() > 0.6, summary.importance().toString());
        assertEquals(1.0, summary.importance().stream().mapToDouble(Propensity.Importance::share).sum(), 1e-9);

        // Nothing can rank better than the planted chances themselves; both models come close.
        double truth = AUC.of(bought, Arrays.stream(likes).mapToDouble(PropensityModelTest::chance).toArray());
        assertEquals(truth, summary.forestAuc(), 0.06, "forest against the truth's " + truth);
        assertEquals(truth, summary.logisticAuc(), 0.06, "logistic against the truth's " + truth);
        assertEquals(summary.forestAuc() >= summary.logisticAuc() ? "forest" : "logistic", summary.model());
        assertEquals(11, summary.gains().size());
        assertEquals(1.0, summary.gains().getLast().captured(), 1e-12);
        assertTrue(summary.gains().get(3).captured() > 0.45, "the top 30% hold far more than 30% of the buyers: "
                + summary.gains());

        // Scores, one per member in member order: near the planted chance for each number of likes, and no
        // different for many views than for few.
        float[] scores = propensity.scores();
        assertEquals(members.length, scores.length);
        assertTrue(Float.isNaN(scores[members.length - 1]), "a member the project does not know has no score");
        double[] sum = new double[10];
        int[] count = new int[10];
        double[] byViews = new double[2];
        for (int m = 0; m < FOLLOWERS / 2; m++) {
            int follower = (int) members[m] - 1;
            sum[likes[follower]] += scores[m];
            count[likes[follower]]++;
            byViews[views[follower] < 5 ? 0 : 1] += scores[m] / (FOLLOWERS / 4.0);
        }
        for (int l = 0; l < 10; l++) {
            assertEquals(chance(l), sum[l] / count[l], 0.1, "mean score of members with " + l + " likes");
        }
        assertEquals(byViews[0], byViews[1], 0.05, "views do not matter");

        List<String> stages = List.of("stage.features", "stage.randomForest", "stage.scores");
        assertEquals(stages, messages.stream().filter(stages::contains).toList(), "each stage said once, in order");
        assertTrue(progress.stream().anyMatch(p -> p[0] == 40 && p[1] == 100));
        assertTrue(progress.stream().anyMatch(p -> p[0] == 70 && p[1] == 100));
        assertEquals(List.of(100L, 100L), Arrays.stream(progress.getLast()).boxed().toList(), "finished");
    }

    /** A cancel during the reading stops before the forest; one during the forest stops before scoring. */
    @Test
    void aCancelStopsAtTheNextStage() {
        List<String> messages = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        PropensityModel model = new PropensityModel(project.database());
        long[] members = {1, 2, 3};
        // Reading the past facts ends at 3/4 of the first 30%.
        assertThrows(CancelledException.class, () -> model.train(segmentation(members, null), HORIZON,
                recording(messages, progress, reason -> progress.stream().anyMatch(p -> p[0] == 225))));
        assertFalse(messages.contains("stage.randomForest"), messages.toString());

        messages.clear();
        progress.clear();
        assertThrows(CancelledException.class, () -> model.train(segmentation(members, null), HORIZON,
                recording(messages, progress, reason -> messages.contains("stage.randomForest"))));
        assertFalse(progress.stream().anyMatch(p -> p[0] == 70 && p[1] == 100), "stopped right after the forest");
        assertFalse(messages.contains("stage.scores"));
    }

    @Test
    void aHorizonReachingBackToTheStartOfThePopulationIsRefused() {
        SegmentationException tooLong = assertThrows(SegmentationException.class,
                () -> new PropensityModel(project.database()).train(segmentation(new long[]{1}, CUTOFF), HORIZON,
                        TaskContext.silent()));
        assertEquals(Reason.of("segment.error.horizonTooLong", HORIZON), tooLong.reason());
    }

    /** The model needs at least 20 buyers and 20 non-buyers among the followers sampled. */
    @Test
    void twentyBuyersAndTwentyNonBuyersAreTheLeast(@TempDir Path small) throws Exception {
        int n = 60;
        int[] smallLikes = new int[n];
        int[] smallViews = new int[n];
        for (int i = 0; i < n; i++) {
            smallLikes[i] = i % 10;
            smallViews[i] = (7 * i) % 10;
        }
        for (int buyers : new int[]{19, 20, 40, 41}) {
            int[] smallBought = new int[n];
            // Buyers among the most liking, with a few exceptions so that no model separates them perfectly.
            Integer[] order = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((a, b) -> Integer.compare(smallLikes[b] * 100 + b, smallLikes[a] * 100 + a))
                    .toArray(Integer[]::new);
            for (int b = 0; b < buyers; b++) {
                smallBought[order[b]] = 1;
            }
            int swapped = order[buyers - 1];
            smallBought[swapped] = 0;
            smallBought[order[n - 1]] = 1;
            try (Project project = Project.create(ProjectLocations.under(small.resolve("home" + buyers)),
                    small.resolve(buyers + ".campaign"), ZoneId.of("Asia/Shanghai"))) {
                insert(project.database(), smallLikes, smallViews, smallBought);
                PropensityModel model = new PropensityModel(project.database());
                long[] members = java.util.stream.LongStream.rangeClosed(1, n).toArray();
                if (buyers == 20 || buyers == 40) {
                    Propensity propensity = model.train(segmentation(members, null), HORIZON, TaskContext.silent());
                    assertEquals(buyers / (double) n, propensity.summary().positiveShare(), 1e-12);
                    assertEquals(n, propensity.scores().length);
                } else {
                    SegmentationException refused = assertThrows(SegmentationException.class,
                            () -> model.train(segmentation(members, null), HORIZON, TaskContext.silent()));
                    assertEquals(Reason.of("segment.error.propensityLabels", buyers, n, HORIZON), refused.reason());
                }
            }
        }
    }

    private static Segmentation segmentation(long[] members, LocalDate from) {
        List<Feature> features = List.of(Feature.LIKES, Feature.PLATFORM, Feature.VIEWS);
        SegmentationSettings settings = new SegmentationSettings("Propensity", new Population(null, false, from, null),
                features, FeatureMatrix.Transform.defaults(features), new Clusterer.Settings(Algorithm.KMEANS, 2, 1, 10, 11),
                EngagementScores.Weights.defaults());
        return new Segmentation(1, settings, AS_OF, AS_OF, List.of(), members, new int[members.length],
                new float[members.length], List.of(), null, List.of());
    }

    /**
     * Followers 1..n of one platform, following since December, with their January likes and views. A buyer
     * pays in the 30 days from the cutoff (some exactly at its start); others pay just before the cutoff, just
     * at the end of the 30 days, or had an order refunded: none of which labels a buyer.
     */
    private static void insert(ProjectDatabase database, int[] likeCounts, int[] viewCounts, int[] buyer)
            throws Exception {
        database.transaction(connection -> {
            try (PreparedStatement follower = connection.prepareStatement("INSERT INTO follower (id, platform_id, "
                    + "external_id, followed_at) VALUES (?, ?, ?, TIMESTAMP '2025-12-01 00:00:00')");
                 PreparedStatement engagement = connection.prepareStatement("INSERT INTO engagement (follower_id, "
                         + "occurred_at, kind, event_count) VALUES (?, ?, ?, ?)");
                 PreparedStatement order = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                         + "customer_ref, follower_id, amount, paid_at, status) VALUES (?, ?, ?, 10.00, ?, ?)")) {
                for (int i = 0; i < likeCounts.length; i++) {
                    long id = i + 1;
                    follower.setLong(1, id);
                    follower.setInt(2, 1 + 2 * (i % 2));
                    follower.setString(3, "f" + id);
                    follower.addBatch();
                    engagement(engagement, id, "like", likeCounts[i], LocalDateTime.of(2026, 1, 10, 12, 0));
                    engagement(engagement, id, "view", viewCounts[i], LocalDateTime.of(2026, 1, 12, 12, 0));
                    if (buyer[i] == 1) {
                        order(order, "in" + id, id, i % 5 == 0 ? CUTOFF.atStartOfDay() : LocalDateTime.of(2026, 2, 15, 12, 0), "paid");
                        continue;
                    }
                    if (i % 7 == 0) {
                        order(order, "before" + id, id, LocalDateTime.of(2026, 1, 30, 23, 59), "paid");
                    }
                    if (i % 11 == 0) {
                        order(order, "after" + id, id, CUTOFF.plusDays(HORIZON).atStartOfDay(), "paid");
                    }
                    if (i % 13 == 0) {
                        order(order, "refunded" + id, id, LocalDateTime.of(2026, 2, 10, 9, 0), "refunded");
                    }
                }
                follower.executeBatch();
                engagement.executeBatch();
                order.executeBatch();
            }
            return null;
        });
    }

    private static void engagement(PreparedStatement insert, long id, String kind, int count, LocalDateTime at)
            throws java.sql.SQLException {
        if (count == 0) {
            return;
        }
        insert.setLong(1, id);
        insert.setTimestamp(2, Timestamp.valueOf(at));
        insert.setString(3, kind);
        insert.setInt(4, count);
        insert.addBatch();
    }

    private static void order(PreparedStatement insert, String ref, long id, LocalDateTime at, String status)
            throws java.sql.SQLException {
        insert.setString(1, ref);
        insert.setString(2, "c" + id);
        insert.setLong(3, id);
        insert.setTimestamp(4, Timestamp.valueOf(at));
        insert.setString(5, status);
        insert.addBatch();
    }

    /** Records messages and progress; cancelled once {@code cancelWhen} holds. */
    private static TaskContext recording(List<String> messages, List<long[]> progress, Predicate<Void> cancelWhen) {
        return new TaskContext() {
            @Override
            public synchronized void progress(long done, long total) {
                progress.add(new long[]{done, total});
            }

            @Override
            public synchronized void message(Reason message) {
                messages.add(message.key());
            }

            @Override
            public synchronized boolean isCancelled() {
                return cancelWhen.test(null);
            }
        };
    }
}
