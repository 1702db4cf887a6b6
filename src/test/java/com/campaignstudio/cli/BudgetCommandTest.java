package com.campaignstudio.cli;

import com.campaignstudio.budget.Adstock;
import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetData;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetOptimizer;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.HillCurve;
import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'budget fit' and 'budget optimize' on a project of planted weekly spend and sales, against the domain's answers. */
class BudgetCommandTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);
    private static final List<String> PLATFORMS = List.of("douyin", "weibo", "zhihu");
    private static final int WEEKS = 70;
    private static final int DRAWS = 20;

    @TempDir
    static Path folder;
    static Path file;
    static BudgetAnalysis analysis;

    /**
     * 70 weeks of spend on three platforms (off a quarter of the weeks) and one guest order a week worth a
     * baseline of 20,000 plus each platform's Hill response to its adstock.
     */
    @BeforeAll
    static void project() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        file = folder.resolve("budget.campaign");
        SplittableRandom random = new SplittableRandom(21);
        double[][] spend = new double[PLATFORMS.size()][WEEKS];
        double[] sales = new double[WEEKS];
        java.util.Arrays.fill(sales, 20_000);
        double[] medians = {8_000, 3_000, 2_000};
        HillCurve[] curves = {new HillCurve(30_000, 1.2, 9_000), new HillCurve(8_000, 1, 3_000),
                new HillCurve(6_000, 1.5, 2_500)};
        for (int p = 0; p < PLATFORMS.size(); p++) {
            for (int t = 0; t < WEEKS; t++) {
                spend[p][t] = random.nextInt(4) == 0 ? 0 : Math.round(medians[p] * Math.exp(0.8 * random.nextGaussian()));
            }
            double[] adstock = Adstock.geometric(spend[p], 0.3);
            for (int t = 0; t < WEEKS; t++) {
                sales[t] += curves[p].value(adstock[t]);
            }
        }
        try (Project project = Project.create(ProjectOption.locations(), file, ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (PreparedStatement spendRow = connection.prepareStatement("INSERT INTO spend (spent_on, "
                        + "platform_id, amount) SELECT ?, id, ? FROM platform WHERE code = ?");
                     PreparedStatement order = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                             + "amount, paid_at) VALUES (?, ?, ?)")) {
                    for (int t = 0; t < WEEKS; t++) {
                        for (int p = 0; p < PLATFORMS.size(); p++) {
                            spendRow.setObject(1, MONDAY.plusWeeks(t).plusDays(2));
                            spendRow.setDouble(2, spend[p][t]);
                            spendRow.setString(3, PLATFORMS.get(p));
                            spendRow.executeUpdate();
                        }
                        order.setString(1, "w" + t);
                        order.setDouble(2, Math.round(sales[t] * (1 + 0.03 * random.nextGaussian())));
                        order.setObject(3, MONDAY.plusWeeks(t).plusDays(6).atTime(12, 0));
                        order.executeUpdate();
                    }
                }
                return null;
            });
            project.save();
            analysis = BudgetAnalysis.run(new BudgetData(project.database()).read(BudgetGoal.REVENUE,
                    TaskContext.silent()), BudgetGoal.REVENUE, DRAWS, BudgetAnalysis.DEFAULT_SEED, TaskContext.silent());
        }
    }

    @Test
    void fitPrintsEachPlatformsReturnWithTheAnalysisIntervals() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("budget", "fit", "--project", file.toString(), "--draws",
                "" + DRAWS, "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = run.json();
        assertEquals("revenue", json.get("goal").asString());
        // The spend data end on the last week's Wednesday: that week is left out as cut short.
        assertEquals(WEEKS - 1, json.get("weeks").asInt());
        assertEquals(analysis.fit().r2(), json.get("r2").asDouble(), 1e-12);
        assertEquals(analysis.holdoutError().getAsDouble(), json.get("holdout_error").asDouble(), 1e-12);
        for (int p = 0; p < PLATFORMS.size(); p++) {
            JsonNode row = json.get("platforms").get(p);
            assertEquals(PLATFORMS.get(p), row.get("platform").asString());
            assertEquals(analysis.roi(p).orElseThrow().value(), row.get("roi").get("value").asDouble(), 1e-12);
            assertEquals(analysis.roi(p).orElseThrow().low(), row.get("roi").get("low").asDouble(), 1e-12);
            assertEquals(analysis.roi(p).orElseThrow().high(), row.get("roi").get("high").asDouble(), 1e-12);
            assertEquals(analysis.fit().shapes().get(p).theta(), row.get("carry_over").asDouble(), 1e-12);
        }
    }

    @Test
    void optimizeSplitsTheTotalWithinAbsoluteAndRelativeBounds() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("budget", "optimize", "--project", file.toString(),
                "--draws", "" + DRAWS, "--total", "40000", "--min", "zhihu=50%", "--max", "weibo=3000", "--json");

        assertEquals(0, run.exitCode(), run.err());
        double[] current = BudgetPlan.currentSpend(analysis.history(), 4);
        BudgetPlan.Result expected = BudgetPlan.optimize(analysis, 40_000, List.of(BudgetOptimizer.Bounds.free(),
                new BudgetOptimizer.Bounds(0, 3000), new BudgetOptimizer.Bounds(current[2] / 2,
                        Double.POSITIVE_INFINITY)), 4);
        JsonNode proposed = run.json().get("proposed").get(0);
        double spent = 0;
        for (int p = 0; p < PLATFORMS.size(); p++) {
            JsonNode row = proposed.get("platforms").get(p);
            assertEquals(expected.rows().get(p).spend(), row.get("spend").asDouble(), 1e-9);
            assertEquals(expected.rows().get(p).outcome().low(), row.get("outcome").get("low").asDouble(), 1e-9);
            spent += row.get("spend").asDouble();
        }
        assertEquals(40_000, spent, 1e-6);
        assertTrue(proposed.get("platforms").get(1).get("spend").asDouble() <= 3000 + 1e-9);
        assertTrue(proposed.get("platforms").get(2).get("spend").asDouble() >= current[2] / 2 - 1e-9);
        JsonNode now = run.json().get("current").get(0);
        assertEquals(java.util.Arrays.stream(current).sum(), now.get("spend").asDouble(), 1e-9);
    }

    @Test
    void minimumsAboveTheTotalSayWhatToChange() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("budget", "optimize", "--project", file.toString(),
                "--draws", "0", "--total", "1000", "--min", "douyin=800,weibo=800");

        assertEquals(1, run.exitCode());
        assertEquals("error: --total 1000: the minimums add up to 1600.00, more than the budget of 1000.00: lower a "
                + "minimum or raise the budget", run.err().strip());
    }

    @Test
    void boundsOfUnknownPlatformsAreReportedAndBadAmountsNamed() {
        FunnelCommandsTest.Run unknown = FunnelCommandsTest.run("budget", "optimize", "--project", file.toString(),
                "--draws", "0", "--total", "10000", "--max", "快手=2000");
        assertEquals(0, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("warning: --max: '快手' has no spend history in this project (platforms "
                + "with spend: douyin, weibo, zhihu); left out"), unknown.err());

        FunnelCommandsTest.Run bad = FunnelCommandsTest.run("budget", "optimize", "--project", file.toString(),
                "--draws", "0", "--total", "10000", "--min", "douyin=lots");
        assertEquals(1, bad.exitCode());
        assertEquals("error: --min douyin=lots: give an amount of 0 or more (2000) or a share of the current spend "
                + "(50%)", bad.err().strip());

        FunnelCommandsTest.Run goal = FunnelCommandsTest.run("budget", "fit", "--project", file.toString(),
                "--draws", "0", "--goal", "likes");
        assertEquals(1, goal.exitCode());
        assertEquals("error: --goal likes: choose revenue, buyers, registrations or ltv", goal.err().strip());
    }

    @Test
    void aProjectWithoutSpendSaysToImportIt() throws Exception {
        Path empty = folder.resolve("empty.campaign");
        try (Project project = Project.create(ProjectOption.locations(), empty, ZoneId.of("Asia/Shanghai"))) {
            project.save();
        }

        FunnelCommandsTest.Run run = FunnelCommandsTest.run("budget", "fit", "--project", empty.toString());

        assertEquals(1, run.exitCode());
        assertEquals("error: No spend in these weeks: import the ad-spend export first.", run.err().strip());
    }
}
