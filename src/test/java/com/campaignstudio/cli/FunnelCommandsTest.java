package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The funnel, retention and live commands on the small demo project, and their one-line refusals. */
class FunnelCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;
    static Path file;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CampaignStudioCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void demoWithASegmentation() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        file = folder.resolve("demo.campaign");
        assertEquals(0, run("demo", "--size", "small", "--out", file.toString()).exitCode());
        Run segment = run("segment", "--project", file.toString(), "--k", "3", "--name", "Three");
        assertEquals(0, segment.exitCode(), segment.err());
        // Segmentation 2: the same segments, of followers the project does not have.
        try (Project project = Project.open(ProjectOption.locations(), file)) {
            SegmentStore store = new SegmentStore(project.database());
            Segmentation three = store.load(1);
            SegmentationSettings s = three.settings();
            long[] ghosts = Arrays.stream(three.followerIds()).map(id -> id + 1_000_000_000L).toArray();
            store.save(new Segmentation(0, new SegmentationSettings("Ghosts", s.population(), s.features(), s.transform(),
                    s.clustering(), s.weights()), three.createdAt(), three.asOf(), three.columns(), ghosts, three.segment(),
                    three.engagement(), three.profiles(), null, three.notes()));
            project.save();
        }
    }

    private static long entered(JsonNode figures) {
        return figures.get("entered").asLong();
    }

    private static void ratesLieInTheirIntervals(JsonNode figures) {
        for (JsonNode step : figures.get("steps")) {
            for (String rate : new String[]{"step_conversion", "overall_conversion"}) {
                if (step.get(rate).isNull()) {
                    continue;
                }
                assertTrue(step.get(rate + "_low").asDouble() <= step.get(rate).asDouble()
                        && step.get(rate).asDouble() <= step.get(rate + "_high").asDouble(), step.toString());
            }
        }
    }

    @Test
    void theSocialToSaleFunnelByPlatformPartitionsThePeopleWhoEntered() {
        Run overall = run("funnel", "--project", file.toString(), "--window", "30d", "--json");
        assertEquals(0, overall.exitCode(), overall.err());
        JsonNode result = overall.json();
        assertEquals("[\"view\",\"click\",\"register\",\"purchase\"]", result.get("steps").toString());
        assertEquals(30 * 86_400, result.get("window_seconds").asLong());
        assertTrue(entered(result.get("overall")) > 0);
        ratesLieInTheirIntervals(result.get("overall"));

        Run byPlatform = run("funnel", "--project", file.toString(), "--window", "30d", "--by", "platform", "--json");
        assertEquals(0, byPlatform.exitCode(), byPlatform.err());
        JsonNode groups = byPlatform.json().get("groups");
        assertEquals(7, groups.size(), "the demo's seven social platforms");
        long sum = 0;
        long converted = 0;
        for (JsonNode group : groups) {
            sum += entered(group);
            converted += group.get("converted").asLong();
            ratesLieInTheirIntervals(group);
        }
        assertEquals(entered(result.get("overall")), sum, "each person enters on one platform");
        assertEquals(result.get("overall").get("converted").asLong(), converted);

        Run text = run("funnel", "--project", file.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Funnel view \u2192 click \u2192 register \u2192 purchase, window 7d, strict order: "),
                text.out());
        Run trend = run("funnel", "--project", file.toString(), "--by", "period", "--period", "month");
        assertEquals(0, trend.exitCode(), trend.err());
        assertTrue(trend.out().contains("Conversion trend by month of entry:"), trend.out());
    }

    @Test
    void aSavedSegmentationBreaksDownAndFiltersTheFunnel() {
        Run bySegment = run("funnel", "--project", file.toString(), "--by", "segment", "--segmentation", "1", "--json");
        assertEquals(0, bySegment.exitCode(), bySegment.err());
        JsonNode groups = bySegment.json().get("groups");
        long sum = 0;
        for (JsonNode group : groups) {
            sum += entered(group);
        }
        assertEquals(entered(bySegment.json().get("overall")), sum);
        Run first = run("funnel", "--project", file.toString(), "--segmentation", "1", "--segment", "1", "--json");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("1", groups.get(0).get("key").asString());
        assertEquals(entered(groups.get(0)), entered(first.json().get("overall")),
                "segment 1 alone is segment 1's group of the breakdown");
    }

    @Test
    void badInputExitsNonZeroWithOneLine() {
        String project = file.toString();
        assertRefused(run("funnel", "--project", project, "--steps", "view,clik"), "no step called \u201cclik\u201d");
        assertRefused(run("funnel", "--project", project, "--window", "0d"), "excludes everyone");
        assertRefused(run("funnel", "--project", project, "--steps", "view,favourite"), "no favourite events");
        assertRefused(run("funnel", "--project", project, "--segmentation", "2", "--segment", "1"), "has no members");
        assertRefused(run("funnel", "--project", project, "--segmentation", "1", "--segment", "9"), "segments 1 to 3");
        assertRefused(run("funnel", "--project", project, "--by", "segment"), "--by segment needs --segmentation");
        assertRefused(run("funnel", "--project", project, "--segmentation", "7"), "no saved segmentation 7");
        assertRefused(run("funnel", "--project", project, "--steps", "view,click", "--by", "product"),
                "needs a purchase step");
        assertRefused(run("funnel", "--project", project, "--steps", "view,click,view", "--order", "any"),
                "different kind");
        assertRefused(run("retention", "--project", project, "--cohort", "first"), "not a cohort");
    }

    private static void assertRefused(Run run, String reason) {
        assertNotEquals(0, run.exitCode(), run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(reason), run.err());
    }

    @Test
    void retentionGivesCohortsWhoseOwnPeriodIsFullAndWhoseRevenueOnlyGrows() {
        Run retention = run("retention", "--project", file.toString(), "--json");
        assertEquals(0, retention.exitCode(), retention.err());
        JsonNode cohorts = retention.json().get("cohorts");
        assertTrue(cohorts.size() > 0 && cohorts.size() <= 12, cohorts.toString());
        for (JsonNode cohort : cohorts) {
            JsonNode cells = cohort.get("cells");
            assertTrue(cells.size() <= 12);
            if (cohort.get("size").asLong() == 0) {
                assertEquals(0, cells.size());
                continue;
            }
            assertEquals(1.0, cells.get(0).get("share").asDouble(), 1e-12, "a first purchase is activity in its period");
            double previous = 0;
            for (JsonNode cell : cells) {
                assertTrue(cell.get("share_low").asDouble() <= cell.get("share").asDouble()
                        && cell.get("share").asDouble() <= cell.get("share_high").asDouble(), cell.toString());
                assertTrue(cell.get("revenue_per_member").asDouble() >= previous, cohort.toString());
                previous = cell.get("revenue_per_member").asDouble();
            }
        }
        Run weekly = run("retention", "--project", file.toString(), "--cohort", "follow", "--period", "week",
                "--activity", "engagement");
        assertEquals(0, weekly.exitCode(), weekly.err());
        assertTrue(weekly.out().startsWith("Retention: cohorts by first follow, by week, active = engagement"),
                weekly.out());
    }

    @Test
    void liveSessionsPoolByPlatform() {
        Run live = run("live", "--project", file.toString(), "--json");
        assertEquals(0, live.exitCode(), live.err());
        JsonNode result = live.json();
        assertEquals(4, result.get("by_platform").size(), "the demo sells live on four platforms");
        long viewers = 0;
        for (JsonNode platform : result.get("by_platform")) {
            viewers += platform.get("viewers").asLong();
        }
        assertEquals(result.get("total").get("viewers").asLong(), viewers);
        assertEquals(result.get("sessions").size(), result.get("total").get("sessions").asInt());
        Run text = run("live", "--project", file.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("By platform:"), text.out());
    }
}
