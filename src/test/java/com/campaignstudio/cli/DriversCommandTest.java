package com.campaignstudio.cli;

import com.campaignstudio.drivers.DriverInput;
import com.campaignstudio.drivers.DriverTable;
import com.campaignstudio.drivers.DriverTableReader;
import com.campaignstudio.drivers.Drivers;
import com.campaignstudio.drivers.DriversResult;
import com.campaignstudio.drivers.Outcome;
import com.campaignstudio.drivers.Term;
import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drivers command on the small demo project with a saved segmentation, and its one-line refusals. */
class DriversCommandTest {

    @TempDir
    static Path folder;
    static Path file;
    static DriverTable table;

    @BeforeAll
    static void demoWithASegmentation() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        file = folder.resolve("demo.campaign");
        assertEquals(0, FunnelCommandsTest.run("demo", "--size", "small", "--out", file.toString()).exitCode());
        FunnelCommandsTest.Run segment = FunnelCommandsTest.run("segment", "--project", file.toString(), "--k", "3",
                "--name", "Three");
        assertEquals(0, segment.exitCode(), segment.err());
        try (Project project = Project.open(ProjectOption.locations(), file)) {
            table = new DriverTableReader(project.database()).read(TaskContext.silent());
        }
    }

    @Test
    void theDefaultLogisticRegressionPrintsTheDomainsCoefficients() throws Exception {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("drivers", "--project", file.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = run.json();
        DriversResult expected = Drivers.fit(table, Outcome.BOUGHT, List.of(DriverInput.VIEWS, DriverInput.CLICKS,
                DriverInput.WATCH_MINUTES, DriverInput.PLATFORM), TaskContext.silent());

        assertEquals("logistic", json.get("model").asString());
        assertEquals(expected.rows(), json.get("followers").asInt());
        assertEquals(expected.references().get(DriverInput.PLATFORM), json.get("references").get("platform").asString());
        JsonNode terms = json.get("terms");
        assertEquals(expected.terms().size(), terms.size());
        for (int i = 0; i < terms.size(); i++) {
            Term term = expected.terms().get(i);
            JsonNode shown = terms.get(i);
            assertEquals(term.input().key(), shown.get("input").asString());
            assertEquals(term.estimate(), shown.get("coefficient").asDouble(), 1e-12);
            assertEquals(term.low(), shown.get("low").asDouble(), 1e-12);
            assertEquals(term.high(), shown.get("high").asDouble(), 1e-12);
            assertEquals(term.effect(), shown.get("odds_ratio").asDouble(), 1e-12);
            assertTrue(shown.get("sentence").asString().contains("goes with the odds of buying multiplied by"));
        }
    }

    @Test
    void aLinearRegressionOnSegmentsNamesTheReferenceSegment() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("drivers", "--project", file.toString(), "--outcome",
                "orders", "--inputs", "clicks,segment", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = run.json();
        assertEquals("linear", json.get("model").asString());
        assertEquals("Three", json.get("segmentation").asString());
        assertTrue(json.get("references").has("segment"), json.toString());
        assertEquals(1 + 2, json.get("terms").size(), "clicks and two segments against the third");

        FunnelCommandsTest.Run text = FunnelCommandsTest.run("drivers", "--project", file.toString(), "--outcome",
                "orders", "--inputs", "clicks,segment");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Linear regression of paid orders on Clicks, Segment: "), text.out());
        assertTrue(text.out().contains("Each extra "), text.out());
        assertTrue(text.out().contains("Reference segment: "), text.out());
    }

    @Test
    void mistakesAreRefusedInOneLine() {
        FunnelCommandsTest.Run input = FunnelCommandsTest.run("drivers", "--project", file.toString(), "--inputs",
                "views,colour");
        FunnelCommandsTest.Run outcome = FunnelCommandsTest.run("drivers", "--project", file.toString(), "--outcome",
                "revenue");

        assertEquals(1, input.exitCode());
        assertEquals("error: Unknown input \"colour\"; inputs: views, likes, comments, shares, clicks, live_watch, "
                + "watch_minutes, tenure_days, platform, segment.", input.err().strip());
        assertEquals(1, outcome.exitCode());
        assertEquals("error: Unknown outcome \"revenue\"; outcomes: bought, orders (bought is fitted by logistic "
                + "regression, orders by linear).", outcome.err().strip());
        assertEquals(1, input.err().strip().lines().count());
    }
}
