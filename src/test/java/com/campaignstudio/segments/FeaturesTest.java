package com.campaignstudio.segments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follower facts and the feature matrix against values worked out by hand from a handful of rows. */
class FeaturesTest {

    @TempDir
    Path folder;
    Project project;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        project.database().transaction(connection -> {
            try (Statement s = connection.createStatement()) {
                // Platform 1 = weibo, 3 = douyin.
                s.execute("INSERT INTO follower (id, platform_id, external_id, followed_at) VALUES "
                        + "(10, 1, 'a', TIMESTAMP '2026-01-01 00:00:00'), (11, 3, 'b', TIMESTAMP '2026-02-01 00:00:00'), "
                        + "(12, 3, 'c', NULL)");
                s.execute("INSERT INTO follower (id, platform_id, external_id, followed_at, reported_orders, reported_spend) "
                        + "VALUES (13, 1, 'd', TIMESTAMP '2026-01-15 00:00:00', 4, 500.00)");
                s.execute("INSERT INTO engagement (follower_id, occurred_at, kind, event_count) VALUES "
                        + "(10, TIMESTAMP '2026-03-01 12:00:00', 'view', 5), (10, TIMESTAMP '2026-03-05 12:00:00', 'like', 2), "
                        + "(10, TIMESTAMP '2026-03-06 12:00:00', 'comment', 1), (10, TIMESTAMP '2026-03-06 12:00:00', 'watch_minutes', 30), "
                        + "(11, TIMESTAMP '2026-02-10 00:00:00', 'view', 1), (11, TIMESTAMP '2026-02-11 00:00:00', 'register', 1)");
                s.execute("INSERT INTO engagement (follower_id, occurred_at, kind, event_count, is_total) VALUES "
                        + "(10, TIMESTAMP '2026-03-02 00:00:00', 'like', 7, TRUE), (10, TIMESTAMP '2026-03-03 00:00:00', 'view', 3, TRUE)");
                s.execute("INSERT INTO customer_order (order_ref, customer_ref, follower_id, amount, paid_at, status) VALUES "
                        + "('o1', 'a', 10, 99.00, TIMESTAMP '2026-03-09 23:00:00', 'paid'), "
                        + "('o2', 'a', 10, 50.00, TIMESTAMP '2026-02-01 00:00:00', 'refunded'), "
                        + "('o3', 'b', 11, 20.50, TIMESTAMP '2026-02-12 00:00:00', 'paid')");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void factsAreCountedAsOfTheLastActivity() throws Exception {
        FollowerFacts facts = new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent());
        assertArrayEquals(new long[]{10, 11, 12, 13}, facts.ids());
        assertArrayEquals(new String[]{"weibo", "douyin", "douyin", "weibo"}, facts.platforms());
        // The last activity is the order of 2026-03-09 23:00, so the window ends a minute later.
        assertEquals(LocalDateTime.of(2026, 3, 9, 23, 1), facts.asOf());
        double day = 24 * 60;
        assertEquals(1 / day, facts.recencyDays()[0], 1e-9, "the order a minute before counts as activity");
        assertEquals((25 * day + 23 * 60 + 1) / day, facts.recencyDays()[1], 1e-9, "since the order of 2026-02-12");
        assertEquals((67 * day + 23 * 60 + 1) / day, facts.tenureDays()[0], 1e-9, "since 2026-01-01");
        assertTrue(Double.isNaN(facts.tenureDays()[2]), "follow date unknown");
        assertTrue(Double.isNaN(facts.recencyDays()[2]), "never active, follow date unknown");
        // Follower 13 was never active: as stale as the follow.
        assertEquals(facts.tenureDays()[3], facts.recencyDays()[3], 1e-9);

        assertEquals(5, facts.kindCounts().get("view")[0], "5 events beat a reported total of 3");
        assertEquals(7, facts.kindCounts().get("like")[0], "a reported total of 7 beats 2 events");
        assertEquals(30, facts.kindCounts().get("watch_minutes")[0]);
        assertEquals(7 + 1, facts.interactions()[0], "likes (as reported) and the comment; not views or minutes");
        assertEquals(1, facts.interactions()[1], "the registration");
        assertEquals(1, facts.orders()[0], "the refunded order does not count");
        assertEquals(99.0, facts.monetary()[0], 1e-9);
        assertEquals(4, facts.orders()[3], "reported by a totals export");
        assertEquals(500.0, facts.monetary()[3], 1e-9);
    }

    @Test
    void aPopulationNarrowsFollowersAndTheWindow() throws Exception {
        FactsReader reader = new FactsReader(project.database());
        FollowerFacts douyin = reader.read(new Population("douyin", false, null, null), TaskContext.silent());
        assertArrayEquals(new long[]{11, 12}, douyin.ids());
        FollowerFacts buyers = reader.read(new Population(null, true, null, null), TaskContext.silent());
        assertArrayEquals(new long[]{10, 11, 13}, buyers.ids());
        FollowerFacts february = reader.read(new Population(null, false, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28)), TaskContext.silent());
        assertEquals(LocalDateTime.of(2026, 3, 1, 0, 0), february.asOf());
        assertArrayEquals(new long[]{10, 11, 12, 13}, february.ids());
        assertEquals(0, february.kindCounts().get("view")[0], "March views are outside the window");
        assertEquals(0, february.orders()[0]);
        assertEquals(1, february.orders()[1]);
        assertEquals(17.0, february.recencyDays()[1], 1e-9, "last active 2026-02-12 00:00");
    }

    @Test
    void theMatrixTakesLogsStandardisesAndSaysWhatItFilledIn() throws Exception {
        FollowerFacts facts = new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent());
        FeatureMatrix matrix = FeatureMatrix.build(facts, List.of(Feature.VIEWS, Feature.TENURE_DAYS, Feature.PLATFORM),
                new FeatureMatrix.Transform(Set.of(Feature.VIEWS), false));
        assertEquals(List.of("views", "tenure_days", "platform:douyin", "platform:weibo"), matrix.columns());
        assertEquals(Math.log1p(5), matrix.values()[0][0], 1e-12);
        assertEquals(Math.log1p(1), matrix.values()[1][0], 1e-12);
        assertEquals(facts.tenureDays()[3], matrix.values()[2][1], 1e-9,
                "the unknown tenure gets the median of the others (follower 13's)");
        assertEquals("segment.note.imputed", matrix.notes().getFirst().key());
        assertEquals(List.of("tenure_days", "1"), matrix.notes().getFirst().arguments().subList(0, 2));
        assertArrayEquals(new double[]{0, 1}, new double[]{matrix.values()[0][2], matrix.values()[0][3]});

        FeatureMatrix standardised = FeatureMatrix.build(facts, List.of(Feature.VIEWS), FeatureMatrix.Transform.defaults(List.of(Feature.VIEWS)));
        double[] column = java.util.Arrays.stream(standardised.values()).mapToDouble(r -> r[0]).toArray();
        assertEquals(0, java.util.Arrays.stream(column).average().orElseThrow(), 1e-12);
        double variance = java.util.Arrays.stream(column).map(v -> v * v).sum() / (column.length - 1);
        assertEquals(1, variance, 1e-12);
    }

    @Test
    void aFeatureWithoutVarianceOrTooFewFollowersGetsAPlainMessage() throws Exception {
        FollowerFacts facts = new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent());
        SegmentationException flat = assertThrows(SegmentationException.class, () -> FeatureMatrix.build(facts,
                List.of(Feature.SHARES), FeatureMatrix.Transform.defaults(List.of(Feature.SHARES))));
        assertTrue(flat.getMessage().startsWith("\u201cshares\u201d has the same value for every follower"), flat.getMessage());
        SegmentationSettings viewsOnly = new SegmentationSettings("t", Population.everyone(), List.of(Feature.VIEWS),
                FeatureMatrix.Transform.defaults(List.of(Feature.VIEWS)), Clusterer.Settings.kMeans(2),
                EngagementScores.Weights.defaults());
        SegmentationException few = assertThrows(SegmentationException.class, () -> Segmenter.segment(facts,
                viewsOnly, TaskContext.silent()));
        assertTrue(few.getMessage().startsWith("There are 4 followers in this population: too few for 2 segments"),
                few.getMessage());
    }

    @Test
    void clusteringStopsWhenTheUserCancels() {
        double[][] data = new double[1000][2];
        for (int i = 0; i < data.length; i++) {
            data[i] = new double[]{i % 7, i % 11};
        }
        assertThrows(CancelledException.class, () -> Clusterer.run(data, Clusterer.Settings.kMeans(3),
                TestContexts.cancelled()));
    }
}
