package com.campaignstudio.cli;

import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.SampleSize;
import com.campaignstudio.experiments.SequentialTest;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.project.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment command: its table, its JSON, saving and loading, and one-line reasons for bad input. */
class ExperimentCommandTest {

    @TempDir
    static Path folder;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void isolateHome() {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
    }

    private static ExperimentAnalysis.Analysis expected(Optional<Double> minLift, Variant... variants) {
        return ExperimentAnalysis.analyse(new ExperimentSetup(List.of(variants), List.of(), minLift, 1));
    }

    @Test
    void theTableShowsTheRatesTheLiftAndTheVerdict() {
        CommandLineTest.Run result = run("experiment", "--variant", "A:1000:100", "--variant", "B:1000:130",
                "--min-lift", "0.02");
        assertEquals(0, result.exitCode(), result.err());
        ExperimentAnalysis.Comparison comparison = expected(Optional.of(0.02), new Variant("A", 1000, 100),
                new Variant("B", 1000, 130)).comparisons().getFirst();
        List<String> lines = result.out().lines().toList();
        // The second row of B is its comparison with the control.
        List<String> bRows = lines.stream().filter(line -> line.matches("B {2,}\\S.*")).toList();
        assertEquals(2, bRows.size(), result.out());
        String bRow = bRows.get(1);
        assertTrue(bRow.contains(ExperimentCommand.points(comparison.test().absoluteLift(), true)), bRow);
        assertTrue(bRow.contains(ExperimentCommand.signedPoints(comparison.test().absoluteInterval().low()) + " to "
                + ExperimentCommand.signedPoints(comparison.test().absoluteInterval().high()) + " pp"), bRow);
        assertTrue(bRow.contains(ExperimentCommand.pValue(comparison.test().pValue())), bRow);
        assertTrue(bRow.endsWith("b wins"), bRow);
        assertTrue(lines.contains("B beats A: the whole interval on the lift is above zero."), result.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("A ") && line.contains("8.3% to 12.0%")),
                "the Wilson interval of 100 of 1000: " + result.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Split: 50.0% / 50.0%")), result.out());
        assertEquals("", result.err());
    }

    @Test
    void theJsonHoldsTheSameNumbers() throws Exception {
        CommandLineTest.Run result = run("experiment", "--variant", "A:1000:0", "--variant", "B:1000:3", "--json");
        assertEquals(0, result.exitCode(), result.err());
        ExperimentAnalysis.Analysis analysis = expected(Optional.empty(), new Variant("A", 1000, 0),
                new Variant("B", 1000, 3));
        JsonNode root = JSON.readTree(result.out());
        assertEquals("A", root.get("control").asString());
        assertTrue(root.get("min_lift").isNull());
        JsonNode a = root.get("variants").get(0);
        assertEquals(0.0, a.get("rate").asDouble());
        assertEquals(analysis.arms().getFirst().wilson().high(), a.get("rate_high").asDouble(), 0);
        JsonNode comparison = root.get("comparisons").get(0);
        var test = analysis.comparisons().getFirst().test();
        assertEquals(test.pValue(), comparison.get("p_value").asDouble(), 0);
        assertEquals(test.absoluteInterval().low(), comparison.get("absolute_lift_low").asDouble(), 0);
        assertTrue(comparison.get("relative_lift").isNull(), "no relative lift over a control with no conversions");
        assertTrue(comparison.get("relative_lift_low").isNull());
        assertEquals(analysis.comparisons().getFirst().probabilityBetter(),
                comparison.get("probability_better").asDouble(), 0);
        assertEquals("keep_running", comparison.get("verdict").asString());
        assertEquals("beta_1_1_closed_form", root.get("methods").get("bayesian").asString());
        List<String> notes = root.get("notes").valueStream().map(JsonNode::asString).toList();
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("No one in \u201cA\u201d converted")), notes.toString());
        // 3 conversions in all: each arm expects 1.5, so both are too small for the normal approximation.
        assertEquals(2, root.get("warnings").size());
        assertTrue(root.get("sample_ratio").get("p_value").isNumber());
    }

    @Test
    void sizeGivesThePeoplePerArmAndTheDays() throws Exception {
        CommandLineTest.Run table = run("experiment", "size", "--baseline", "0.05", "--lift", "0.2", "--power", "0.8",
                "--alpha", "0.05", "--daily", "500");
        assertEquals(0, table.exitCode(), table.err());
        SampleSize.Plan plan = SampleSize.plan(new SampleSize.Inputs(0.05, 0.2, SampleSize.LiftKind.RELATIVE, 0.8,
                0.05, 2), 500, false);
        assertTrue(table.out().lines().anyMatch(line -> line.matches("8,158\\s+2\\s+16,316\\s+"
                + plan.days().orElseThrow())), table.out());
        CommandLineTest.Run json = run("experiment", "size", "--baseline", "0.05", "--lift", "0.01", "--absolute",
                "--arms", "3", "--daily-per-arm", "300", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode root = JSON.readTree(json.out());
        SampleSize.Plan three = SampleSize.plan(new SampleSize.Inputs(0.05, 0.01, SampleSize.LiftKind.ABSOLUTE, 0.8,
                0.05, 3), 300, true);
        assertEquals(three.perArm(), root.get("per_arm").asLong());
        assertEquals(three.total(), root.get("total").asLong());
        assertEquals(three.days().orElseThrow(), root.get("days").asLong());
        assertEquals(0.025, root.get("alpha_per_comparison").asDouble(), 1e-15);
    }

    @Test
    void sequentialReadsDaysTypedOrFromAFile() throws Exception {
        CommandLineTest.Run typed = run("experiment", "sequential", "--min-lift", "0.02", "--day", "500:50:500:55",
                "--day", "1000:100:1000:130", "--day", "1500:150:1500:210", "--day", "2000:200:2000:290", "--json");
        assertEquals(0, typed.exitCode(), typed.err());
        SequentialTest.Result expected = SequentialTest.run(List.of(new SequentialTest.Day("1", 500, 50, 500, 55),
                new SequentialTest.Day("2", 1000, 100, 1000, 130), new SequentialTest.Day("3", 1500, 150, 1500, 210),
                new SequentialTest.Day("4", 2000, 200, 2000, 290)), SequentialTest.Settings.of(0.05, 0.02));
        JsonNode root = JSON.readTree(typed.out());
        assertEquals(expected.verdict().name().toLowerCase(), root.get("verdict").asString());
        assertEquals(expected.decidedOn().orElseThrow().day().label(), root.get("decided_on").asString());
        assertEquals(expected.looks().get(2).pValue(), root.get("days").get(2).get("p_value").asDouble(), 0);

        Path csv = folder.resolve("daily.csv");
        Files.writeString(csv, "\uFEFFday,visitors_a,conversions_a,visitors_b,conversions_b\n"
                + "2026-03-01,500,50,500,55\n2026-03-02,1000,100,1000,130\n2026-03-03,1500,150,1500,210\n"
                + "2026-03-04,2000,200,2000,290\n", StandardCharsets.UTF_8);
        CommandLineTest.Run fromFile = run("experiment", "sequential", "--min-lift", "0.02", "--file", csv.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertTrue(fromFile.out().contains("Decided on day 2026-03-0" + expected.decidedOn().orElseThrow().day().label()
                + ": b wins."), fromFile.out());
        assertTrue(fromFile.out().lines().anyMatch(line -> line.startsWith("2026-03-04 ")), fromFile.out());
    }

    @Test
    void savedInAProjectAndLoadedBack() throws Exception {
        Path file = folder.resolve("experiments.campaign");
        Project.create(ProjectOption.locations(), file, ZoneId.of("Asia/Shanghai")).close();
        CommandLineTest.Run saved = run("experiment", "--variant", "A:1000:100", "--variant", "B:1000:130",
                "--min-lift", "0.02", "--project", file.toString(), "--save", "Price test");
        assertEquals(0, saved.exitCode(), saved.err());
        assertTrue(saved.out().contains("Saved as \"Price test\" in experiments.campaign"), saved.out());
        CommandLineTest.Run loaded = run("experiment", "--project", file.toString(), "--load", "Price test", "--json");
        assertEquals(0, loaded.exitCode(), loaded.err());
        JsonNode root = JSON.readTree(loaded.out());
        assertEquals(0.02, root.get("min_lift").asDouble());
        assertEquals(130, root.get("variants").get(1).get("conversions").asLong());
        assertEquals("b_wins", root.get("comparisons").get(0).get("verdict").asString());
        CommandLineTest.Run again = run("experiment", "--variant", "A:2000:200", "--variant", "B:2000:250",
                "--project", file.toString(), "--save", "Price test");
        assertTrue(again.out().contains("Saved, replacing the earlier \"Price test\""), again.out());
        CommandLineTest.Run missing = run("experiment", "--project", file.toString(), "--load", "Nope");
        assertEquals(1, missing.exitCode());
        assertEquals("error: no experiment named \"Nope\" in experiments.campaign; saved experiments: Price test\n",
                missing.err());
    }

    @Test
    void badInputFailsWithOneLine() {
        assertOneLineFailure(run("experiment", "--variant", "A:0:0", "--variant", "B:10:1"), 1,
                "error: Variant \u201cA\u201d has no visitors");
        assertOneLineFailure(run("experiment", "--variant", "A:10:11", "--variant", "B:10:1"), 1,
                "error: Variant \u201cA\u201d has 11 conversions from 10 visitors");
        assertOneLineFailure(run("experiment", "--variant", "A:10", "--variant", "B:10:1"), 1,
                "error: --variant A:10: write it as NAME:VISITORS:CONVERSIONS");
        assertOneLineFailure(run("experiment", "--variant", "A:ten:1", "--variant", "B:10:1"), 1,
                "error: --variant A:ten:1: the visitors 'ten' is not a whole number");
        assertOneLineFailure(run("experiment", "--variant", "A:10:1"), 1, "error: give each variant as --variant");
        assertOneLineFailure(run("experiment", "--variant", "A:10:1", "--variant", "B:10:1", "--save", "x"), 1,
                "error: --save needs the project");
        assertOneLineFailure(run("experiment", "--variant", "A:10:1", "--variant", "B:10:1", "--min-lift", "two"), 2,
                "error: Invalid value for option '--min-lift'");
        assertOneLineFailure(run("experiment", "size", "--baseline", "0.05", "--lift", "0.2", "--power", "80"), 1,
                "error: Power is a share between 0 and 1");
        assertOneLineFailure(run("experiment", "size", "--baseline", "5", "--lift", "0.2"), 1,
                "error: The baseline conversion rate is a share between 0 and 1");
        assertOneLineFailure(run("experiment", "sequential", "--min-lift", "0.02", "--day", "100:10:100:10",
                "--day", "90:10:200:20"), 1, "error: Day 2, arm A: the visitors:conversions went down");
        assertOneLineFailure(run("experiment", "sequential", "--min-lift", "0.02"), 1,
                "error: give the daily running totals");
        assertOneLineFailure(run("experiment", "sequential", "--min-lift", "0.02", "--file",
                folder.resolve("none.csv").toString()), 1, "none.csv: there is no such file");
    }

    private static void assertOneLineFailure(CommandLineTest.Run result, int exitCode, String start) {
        assertNotEquals(0, result.exitCode());
        assertEquals(exitCode, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(start), result.err());
        assertEquals("", result.out());
    }
}
