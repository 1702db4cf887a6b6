package com.campaignstudio.funnels;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.demo.PlantedTruth;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.stat.distribution.GaussianDistribution;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funnel recovers the step rates the demo generator plants per platform and per follower segment
 * ({@link PlantedTruth#funnel()} times the segments' multipliers), and live selling the planted conversion.
 *
 * <p>What the generator does (FollowerSimulation.walkFunnel): every follower is exposed once (their first view);
 * they click with probability min(0.95, click rate x segment's click multiplier), within 3 days; register with the
 * platform's register rate, within 6 more days; and place a first order with probability min(0.95, purchase rate x
 * segment's purchase multiplier), within 9 more days, which is refunded with probability 3%. A refund is no
 * purchase, so the purchase step is reached with probability q(1 - 0.03) plus q x 0.03 x (a paid repeat order within
 * the window); with the demo's BG/NBD purchase rates, a repeat within 30 days has probability at most
 * 1 - (4.414 / (4.414 + 30 / 7))^0.243 = 0.152. The expected purchase rate thus lies in [0.97 q, 0.9746 q], and the
 * test asks the interval to meet that range.
 */
class DemoFunnelTest {

    private static final double REFUND_RATE = 0.03;
    private static final double MAX_REPEAT_IN_WINDOW = 1 - Math.pow(4.414 / (4.414 + 30 / 7.0), 0.243);
    private static final Duration WINDOW = Duration.ofDays(30);

    @TempDir
    static Path folder;
    static Project project;
    static ActivitySnapshot snapshot;
    static PlantedTruth truth = PlantedTruth.standard(DemoProjects.DEFAULT_SEED);
    /** Per person: platform index x segments + planted segment, -1 for unlinked buyers. */
    static int[] cell;

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED, TaskContext.silent());
        snapshot = new Snapshots().of(project.database(), TaskContext.silent());
        int segments = truth.segmentCount();
        List<String> platforms = PlantedTruth.platforms();
        cell = new int[snapshot.persons()];
        Arrays.fill(cell, -1);
        project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT s.follower_id, s.segment, p.code FROM demo_planted_segment s "
                         + "JOIN follower f ON f.id = s.follower_id JOIN platform p ON p.id = f.platform_id")) {
                while (rs.next()) {
                    cell[snapshot.personOfFollower(rs.getLong(1))] = platforms.indexOf(rs.getString(3)) * segments
                            + rs.getInt(2);
                }
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        project.close();
    }

    /** The z that makes {@code intervals} intervals hold together with 95% probability (Bonferroni). */
    private static double familyZ(int intervals) {
        return GaussianDistribution.getInstance().quantile(1 - 0.05 / (2 * intervals));
    }

    /** Whether the Wilson interval of {@code k} of {@code n} at {@code z} meets [low, high]. */
    private static boolean meets(long k, long n, double z, double low, double high) {
        Proportion p = Proportion.of(k, n, z);
        return p.low() <= high && low <= p.high();
    }

    private static FunnelResult funnel(PersonGroups groups) throws FunnelException {
        return Funnels.run(snapshot, new FunnelQuery(new FunnelDefinition(FunnelDefinition.SOCIAL_TO_SALE, WINDOW,
                StepOrder.STRICT), Breakdown.SEGMENT, Period.MONTH, Optional.of(groups), Optional.empty()),
                TaskContext.silent());
    }

    @Test
    void stepRatesPlantedPerPlatformAndSegmentAreRecoveredWithinTheirIntervals() throws Exception {
        List<String> platforms = PlantedTruth.platforms();
        int segments = truth.segmentCount();
        List<Label> labels = new ArrayList<>();
        for (String platform : platforms) {
            for (int s = 0; s < segments; s++) {
                labels.add(Label.named(platform + "/" + s, platform + "/" + truth.segments().get(s).name()));
            }
        }
        FunnelResult result = funnel(new PersonGroups(cell, labels, Label.named("none", "none")));
        assertEquals(platforms.size() * segments, result.groups().size(), "every cell has people: " + result.groups());
        int intervals = 3 * result.groups().size();
        double z = familyZ(intervals);
        int outside95 = 0;
        List<String> misses = new ArrayList<>();
        for (FunnelGroup group : result.groups()) {
            int index = labels.indexOf(group.label());
            PlantedTruth.FunnelRates rates = truth.funnel().get(platforms.get(index / segments));
            PlantedTruth.Segment segment = truth.segments().get(index % segments);
            double click = Math.min(0.95, rates.click() * segment.clickMultiplier());
            double purchase = Math.min(0.95, rates.purchase() * segment.purchaseMultiplier());
            double[][] expected = {{click, click}, {rates.register(), rates.register()},
                    {purchase * (1 - REFUND_RATE), purchase * (1 - REFUND_RATE + REFUND_RATE * MAX_REPEAT_IN_WINDOW)}};
            List<StepFigures> steps = group.figures().steps();
            assertEquals(steps.get(0).people(), Arrays.stream(cell).filter(c -> c == index).count(),
                    "every follower is exposed: " + group.label().english());
            for (int k = 1; k < 4; k++) {
                long reached = steps.get(k).people();
                long before = steps.get(k - 1).people();
                double low = expected[k - 1][0];
                double high = expected[k - 1][1];
                if (!meets(reached, before, z, low, high)) {
                    misses.add(group.label().english() + " " + steps.get(k).step() + ": " + reached + "/" + before
                            + " planted " + low);
                }
                if (!meets(reached, before, Proportion.Z95, low, high)) {
                    outside95++;
                }
            }
        }
        assertEquals(List.of(), misses, "every planted rate within its interval at family-wise 95% (z = " + z + ")");
        // At 95% each, about 5% of the intervals miss (4 of 84); more than 15% would mean a bias.
        assertTrue(outside95 <= 0.15 * intervals, outside95 + " of " + intervals + " 95% intervals miss");
    }

    @Test
    void perPlatformRatesAreThePlantedMixturesOfTheSegments() throws Exception {
        List<String> platforms = PlantedTruth.platforms();
        int segments = truth.segmentCount();
        int[] platformOf = Arrays.stream(cell).map(c -> c < 0 ? -1 : c / segments).toArray();
        List<Label> labels = platforms.stream().map(p -> Label.named(p, p)).toList();
        FunnelResult result = funnel(new PersonGroups(platformOf, labels, Label.named("none", "none")));
        double z = familyZ(3 * platforms.size());
        for (FunnelGroup group : result.groups()) {
            int p = labels.indexOf(group.label());
            PlantedTruth.FunnelRates rates = truth.funnel().get(platforms.get(p));
            // P(segment | platform) from the shares and the segments' platform weights, then weighted down the funnel.
            double[] weight = new double[segments];
            for (int s = 0; s < segments; s++) {
                PlantedTruth.Segment segment = truth.segments().get(s);
                weight[s] = segment.share() * segment.platformWeights()[p] / Arrays.stream(segment.platformWeights()).sum();
            }
            double exposed = 0;
            double clicked = 0;
            double bought = 0;
            for (int s = 0; s < segments; s++) {
                PlantedTruth.Segment segment = truth.segments().get(s);
                double click = Math.min(0.95, rates.click() * segment.clickMultiplier());
                exposed += weight[s];
                clicked += weight[s] * click;
                bought += weight[s] * click * rates.register()
                        * Math.min(0.95, rates.purchase() * segment.purchaseMultiplier());
            }
            double click = clicked / exposed;
            double purchase = bought / (clicked * rates.register());
            List<StepFigures> steps = group.figures().steps();
            String name = platforms.get(p);
            assertTrue(meets(steps.get(1).people(), steps.get(0).people(), z, click, click), name + " click " + steps);
            assertTrue(meets(steps.get(2).people(), steps.get(1).people(), z, rates.register(), rates.register()),
                    name + " register " + steps);
            assertTrue(meets(steps.get(3).people(), steps.get(2).people(), z, purchase * (1 - REFUND_RATE),
                    purchase * (1 - REFUND_RATE + REFUND_RATE * MAX_REPEAT_IN_WINDOW)), name + " purchase " + steps);
        }
    }

    @Test
    void liveSellingRecoversThePlantedConversionPerPlatform() throws Exception {
        LiveResult live = LiveSelling.read(project.database(), Period.MONTH);
        assertEquals(truth.liveConversion().keySet(),
                new java.util.HashSet<>(live.byPlatform().stream().map(f -> f.label().key()).toList()));
        double z = familyZ(live.byPlatform().size());
        for (LiveFigures platform : live.byPlatform()) {
            double planted = truth.liveConversion().get(platform.label().key());
            Proportion pooled = platform.conversion().orElseThrow();
            assertTrue(meets(pooled.successes(), pooled.trials(), z, planted, planted),
                    platform.label().key() + ": " + pooled + " planted " + planted);
        }
    }
}
