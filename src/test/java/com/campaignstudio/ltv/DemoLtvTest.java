package com.campaignstudio.ltv;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.demo.PlantedTruth;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit recovers the BG/NBD and Gamma-Gamma parameters planted in the default demo project. */
class DemoLtvTest {

    @TempDir
    static Path folder;
    static Project project;
    static PlantedTruth truth = PlantedTruth.standard(DemoProjects.DEFAULT_SEED);

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED, TaskContext.silent());
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void thePlantedParametersAreRecovered() throws Exception {
        CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK, null, null, null,
                TaskContext.silent());
        LtvResult result = LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
        FittedModel bg = result.bgNbd();
        FittedModel gg = result.gammaGamma();
        assertTrue(bg.converged());
        assertEquals(List.of("ltv.note.refundsLeftOut", "ltv.note.guestOrdersLeftOut"),
                result.notes().stream().map(com.campaignstudio.text.Reason::key).toList(),
                "only the demo's refunds and its ads' guest orders are worth a note: " + result.notes());
        assertEquals(count("SELECT COUNT(*) FROM customer_order WHERE status <> 'paid'"), summary.refundsLeftOut());
        assertEquals(count("SELECT COUNT(*) FROM customer_order WHERE status = 'paid' AND customer_ref IS NULL"),
                summary.guestOrdersLeftOut());
        // Tolerance: three standard errors of the fit. Maximum likelihood estimates are asymptotically normal,
        // so a correct fit misses by more than that about once in 370 per parameter; with about 3,000
        // customers the errors are 4% (r) to 20% (b) of the values. (Measured: r 0.247, alpha 4.70, a 0.83,
        // b 2.56; p 2.72, q 3.74, gamma 318.)
        double[] planted = {truth.bgNbd().r(), truth.bgNbd().alpha(), truth.bgNbd().a(), truth.bgNbd().b()};
        for (int k = 0; k < 4; k++) {
            assertEquals(planted[k], bg.values()[k], 3 * bg.standardErrors()[k], bg.names().get(k));
        }
        assertNotNull(gg);
        double[] plantedSpend = {truth.gammaGamma().p(), truth.gammaGamma().q(), truth.gammaGamma().gamma()};
        for (int k = 0; k < 3; k++) {
            assertEquals(plantedSpend[k], gg.values()[k], 3 * gg.standardErrors()[k], gg.names().get(k));
        }
        assertEquals(truth.gammaGamma().meanOrderValue(), new GammaGamma(gg.values()[0], gg.values()[1], gg.values()[2])
                .populationMean(), 0.1 * truth.gammaGamma().meanOrderValue(), "mean order value");
    }

    @Test
    void clvIntervalsByPlatformContainTheEstimateAndReflectTheFitsUncertainty() throws Exception {
        CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK, null, null, null,
                TaskContext.silent());
        LtvResult result = LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
        List<LtvResult.GroupValue> intervals = ClvIntervals.byPlatform(result, 7, TaskContext.silent());
        assertEquals(result.byPlatform().size(), intervals.size());
        for (LtvResult.GroupValue group : intervals) {
            assertTrue(group.low() < group.meanClv() && group.meanClv() < group.high(),
                    group.group() + ": " + group.low() + " < " + group.meanClv() + " < " + group.high());
            // A few thousand customers pin the parameters to 4-20% (one standard error), and a group's mean
            // CLV moves less than its most uncertain parameter: the interval is neither a point nor a guess.
            double relativeWidth = (group.high() - group.low()) / group.meanClv();
            assertTrue(relativeWidth > 0.005 && relativeWidth < 0.6, group.group() + " relative width " + relativeWidth);
        }
        assertEquals(intervals, ClvIntervals.byPlatform(result, 7, TaskContext.silent()), "the same seed gives the same intervals");
    }

    @Test
    void clvBySegmentCountsEachLinkedCustomerInTheSegmentOfTheirFollower() throws Exception {
        var facts = new com.campaignstudio.segments.FactsReader(project.database()).read(
                com.campaignstudio.segments.Population.everyone(), TaskContext.silent());
        com.campaignstudio.segments.Segmentation segmentation = com.campaignstudio.segments.Segmenter.segment(facts,
                com.campaignstudio.segments.SegmentationSettings.defaults("By value", 4), TaskContext.silent());
        CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK, null, null, null,
                TaskContext.silent());
        LtvResult result = LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
        ClvBySegment bySegment = ClvBySegment.of(result, segmentation, 7, TaskContext.silent());
        assertEquals(summary.size(), bySegment.groups().stream().mapToLong(LtvResult.GroupValue::customers).sum()
                + bySegment.outside(), "each customer in one segment or outside");
        for (LtvResult.GroupValue group : bySegment.groups()) {
            assertTrue(group.low() <= group.meanClv() && group.meanClv() <= group.high(), group.toString());
        }
        // The mean of each segment, worked out customer by customer from the followers' segments.
        java.util.Map<Long, Integer> segmentOf = new java.util.HashMap<>();
        for (int i = 0; i < segmentation.followerIds().length; i++) {
            segmentOf.put(segmentation.followerIds()[i], segmentation.segment()[i]);
        }
        double[] sum = new double[segmentation.k()];
        long[] count = new long[segmentation.k()];
        for (int i = 0; i < summary.size(); i++) {
            Integer segment = segmentOf.get(summary.followerIds()[i]);
            if (segment != null) {
                sum[segment] += result.clv()[i];
                count[segment]++;
            }
        }
        for (LtvResult.GroupValue group : bySegment.groups()) {
            int segment = segmentation.profiles().stream().filter(p -> p.name().equals(group.group())).findFirst()
                    .orElseThrow().number();
            assertEquals(count[segment], group.customers(), group.group());
            assertEquals(sum[segment] / count[segment], group.meanClv(), 1e-6, group.group());
        }
        assertTrue(bySegment.groups().getFirst().meanClv() >= bySegment.groups().getLast().meanClv(), "most valuable first");
    }

    @Test
    void withACalibrationEndTheHoldoutIsPredicted() throws Exception {
        CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK,
                LocalDate.of(2026, 3, 31), null, null, TaskContext.silent());
        LtvResult result = LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
        LtvResult.ModelCheck check = result.check();
        assertNotNull(check);
        assertTrue(check.holdoutError() < 0.15, "hold-out error " + check.holdoutError());
        assertEquals(check.weeks().length, check.actualCumulative().length);
    }

    private static long count(String sql) throws Exception {
        return project.database().read(connection -> {
            try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
