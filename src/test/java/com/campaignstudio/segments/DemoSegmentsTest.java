package com.campaignstudio.segments;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.validation.metric.AdjustedRandIndex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segmentation of the default demo project (50,000 followers in four planted segments): the planted groups
 * come back, silhouette suggests four, the most valuable segment is the planted superfans, and a saved
 * segmentation, its propensity scores and an audience export round-trip.
 */
class DemoSegmentsTest {

    @TempDir
    static Path folder;
    static Project project;
    static FollowerFacts facts;
    static int[] planted;

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED, TaskContext.silent());
        facts = new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent());
        Map<Long, Integer> segmentOf = project.database().read(connection -> {
            Map<Long, Integer> map = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT follower_id, segment FROM demo_planted_segment")) {
                while (rs.next()) {
                    map.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return map;
        });
        planted = Arrays.stream(facts.ids()).mapToInt(segmentOf::get).toArray();
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void kMeansRecoversThePlantedSegments() throws Exception {
        Segmentation segmentation = Segmenter.segment(facts, SegmentationSettings.defaults("t", 4), TaskContext.silent());
        double ari = AdjustedRandIndex.of(planted, segmentation.segment());
        assertTrue(ari >= 0.8, "adjusted Rand index " + ari);
        // Planted segment 0 (superfans: twice the purchase rate) must be the high-potential segment 0.
        long superfansInTop = java.util.stream.IntStream.range(0, planted.length)
                .filter(i -> planted[i] == 0 && segmentation.segment()[i] == 0).count();
        long superfans = Arrays.stream(planted).filter(s -> s == 0).count();
        assertTrue(superfansInTop > 0.8 * superfans, superfansInTop + " of " + superfans);
        assertEquals(Potential.HIGH, segmentation.profiles().getFirst().potential());
        assertEquals(Potential.LOW, segmentation.profiles().getLast().potential());
        double shares = segmentation.profiles().stream().mapToDouble(SegmentProfile::share).sum();
        assertEquals(1.0, shares, 1e-9);
        assertEquals(1.0, segmentation.profiles().stream().mapToDouble(SegmentProfile::revenueShare).sum(), 1e-9);
    }

    @Test
    void theGaussianMixtureFindsMostOfThePlantedStructureToo() throws Exception {
        SegmentationSettings defaults = SegmentationSettings.defaults("t", 4);
        SegmentationSettings mixture = new SegmentationSettings("t", defaults.population(), defaults.features(),
                defaults.transform(), new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 4, 1, 100, 1),
                defaults.weights());
        double ari = AdjustedRandIndex.of(planted, Segmenter.segment(facts, mixture, TaskContext.silent()).segment());
        assertTrue(ari >= 0.6, "adjusted Rand index " + ari);
    }

    @Test
    void silhouetteSuggestsThePlantedNumberOfSegments() throws Exception {
        FeatureMatrix matrix = FeatureMatrix.build(facts, Feature.DEFAULTS, FeatureMatrix.Transform.defaults(Feature.DEFAULTS));
        KSuggestion.Result result = KSuggestion.suggest(matrix.values(), 2, 10, 1, TaskContext.silent());
        assertEquals(4, result.bestK(), result.scores().toString());
        assertEquals(9, result.scores().size());
    }

    @Test
    void aSavedSegmentationComesBackWithItsSettingsMembersAndNames() throws Exception {
        SegmentStore store = new SegmentStore(project.database());
        Segmentation segmentation = store.save(Segmenter.segment(facts, SegmentationSettings.defaults("Round trip", 4),
                TaskContext.silent()));
        store.rename(segmentation.id(), 0, "超级粉丝");
        Segmentation loaded = store.load(segmentation.id());
        assertEquals(segmentation.settings(), loaded.settings());
        assertArrayEquals(segmentation.followerIds(), loaded.followerIds());
        assertArrayEquals(segmentation.segment(), loaded.segment());
        assertArrayEquals(segmentation.engagement(), loaded.engagement());
        assertEquals("超级粉丝", loaded.profiles().getFirst().name());
        assertEquals(segmentation.profiles().get(1), loaded.profiles().get(1));
        assertArrayEquals(segmentation.scatter().x(), loaded.scatter().x());
        assertTrue(store.list().stream().anyMatch(s -> s.name().equals("Round trip") && s.k() == 4));

        Path csv = folder.resolve("audience.csv");
        long written = AudienceExport.write(project.database(), loaded, null, Set.of(0),
                List.of(AudienceExport.Column.FOLLOWER_ID, AudienceExport.Column.SEGMENT), csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFfollower_id,segment", lines.getFirst());
        assertEquals(loaded.profiles().getFirst().size(), written);
        assertEquals(written + 1, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.matches("demo-\\d{7},超级粉丝")), lines.get(1));

        store.delete(segmentation.id());
        assertTrue(store.find("Round trip").isEmpty());
    }

    @Test
    void contentRankingOnTheDemoShowsWhichPostsEachSegmentEngagedWith() throws Exception {
        Segmentation segmentation = Segmenter.segment(facts, SegmentationSettings.defaults("Content", 4),
                TaskContext.silent());
        for (int segment = 0; segment < 4; segment++) {
            List<ContentScores.PostScore> top = ContentScores.rank(project.database(), segmentation, segment,
                    ContentScores.Weights.defaults(), 10);
            assertEquals(10, top.size());
            int s = segment;
            assertTrue(top.stream().allMatch(post -> post.engagers() > 0 && post.segmentEngagement() > 0),
                    "segment " + s + ": every top post was engaged with by members: " + top);
        }
    }

    @Test
    void propensityRanksNextMonthsBuyersWellAboveChance() throws Exception {
        SegmentStore store = new SegmentStore(project.database());
        Segmentation segmentation = store.save(Segmenter.segment(facts, SegmentationSettings.defaults("Propensity", 4),
                TaskContext.silent()));
        Propensity propensity = new PropensityModel(project.database()).train(segmentation, 30, TaskContext.silent());
        Propensity.Summary summary = propensity.summary();
        assertTrue(summary.forestAuc() > 0.75, "forest AUC " + summary.forestAuc());
        assertTrue(summary.logisticAuc() > 0.7, "logistic AUC " + summary.logisticAuc());
        assertEquals(11, summary.gains().size());
        assertEquals(1.0, summary.gains().getLast().captured(), 1e-9);
        assertTrue(summary.gains().get(2).lift() > 1.5, "lift in the top 20%: " + summary.gains().get(2).lift());
        assertEquals(1.0, summary.importance().stream().mapToDouble(Propensity.Importance::share).sum(), 1e-9);
        assertEquals(segmentation.followerIds().length, propensity.scores().length);
        store.savePropensity(segmentation.id(), propensity);
        assertArrayEquals(propensity.scores(), store.propensity(segmentation.id()).orElseThrow().scores());
        store.delete(segmentation.id());
    }
}
