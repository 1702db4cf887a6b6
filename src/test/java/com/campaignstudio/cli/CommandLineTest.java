package com.campaignstudio.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @TempDir
    static Path folder;

    @BeforeAll
    static void isolateHome() {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CampaignStudioCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("Campaign Studio "), version.out());
        Run help = run("--help");
        assertTrue(help.out().contains("demo") && help.out().contains("bench") && help.out().contains("stats"));
    }

    @Test
    void segmentLtvAndForecastRunOnTheDemoProject() throws Exception {
        Path file = folder.resolve("analysis.campaign");
        assertEquals(0, run("demo", "--size", "small", "--out", file.toString()).exitCode());

        Run segment = run("segment", "--project", file.toString(), "--k", "4", "--name", "Four");
        assertEquals(0, segment.exitCode(), segment.err());
        assertTrue(segment.out().startsWith("Saved \"Four\""), segment.out());
        assertTrue(segment.out().lines().anyMatch(line -> line.startsWith("1 ") && line.contains("High potential")),
                segment.out());
        Run again = run("segment", "--project", file.toString(), "--k", "4", "--name", "Four");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("A segmentation named \u201cFour\u201d already exists"), again.err());
        Run tooMany = run("segment", "--project", file.toString(), "--k", "1");
        assertTrue(tooMany.err().contains("Choose at least 2 segments"), tooMany.err());

        Run ltv = run("ltv", "--project", file.toString(), "--calibration-end", "2026-03-31", "--json");
        assertEquals(0, ltv.exitCode(), ltv.err());
        for (String name : new String[]{"\"r\"", "\"alpha\"", "\"a\"", "\"b\"", "\"p\"", "\"q\"", "\"gamma\"",
                "\"log_likelihood\"", "\"predicted_repeat_purchases\"", "\"actual_repeat_purchases\""}) {
            assertTrue(ltv.out().contains(name), name + " in " + ltv.out());
        }
        JsonNode platforms = JsonMapper.builder().build().readTree(ltv.out()).get("clv_by_platform");
        assertTrue(platforms.size() > 1, ltv.out());
        for (JsonNode platform : platforms) {
            assertTrue(platform.get("clv_90_low").isNumber() && platform.get("clv_90_high").isNumber(), platform.toString());
            assertTrue(platform.get("clv_90_low").asDouble() <= platform.get("mean_clv").asDouble()
                    && platform.get("mean_clv").asDouble() <= platform.get("clv_90_high").asDouble(), platform.toString());
        }
        Run segmentOnly = run("ltv", "--project", file.toString(), "--segmentation", "1", "--segment", "1");
        assertEquals(0, segmentOnly.exitCode(), segmentOnly.err());
        Run bySegment = run("ltv", "--project", file.toString(), "--compare-segmentation", "1", "--json");
        assertEquals(0, bySegment.exitCode(), bySegment.err());
        JsonNode segments = JsonMapper.builder().build().readTree(bySegment.out()).get("clv_by_segment");
        assertEquals(4, segments.size(), "one row per segment of the four-segment run above");

        Run forecast = run("forecast", "--project", file.toString(), "--horizon", "4");
        assertEquals(0, forecast.exitCode(), forecast.err());
        assertTrue(forecast.out().matches("(?s)Chosen: .+ \u2014 lowest average error over \\d+ back-tests of 4 weeks ahead\n.*"),
                forecast.out());
        List<String> lines = forecast.out().lines().toList();
        assertTrue(lines.get(1).matches("model\\s+backtest_smape\\s+chosen"), lines.get(1));
        int models = lines.indexOf("") - 2;
        assertTrue(models >= 5, "the candidates, one a line: " + forecast.out());
        assertTrue(lines.get(2).endsWith("*"), "the chosen model comes first: " + forecast.out());
        assertEquals(2 + models + 1 + 1 + 4, lines.size(), "then a blank line and the four weeks: " + forecast.out());
        Run forecastJson = run("forecast", "--project", file.toString(), "--horizon", "4", "--json");
        JsonNode tried = JsonMapper.builder().build().readTree(forecastJson.out()).get("candidates");
        assertEquals(models, tried.size(), forecastJson.out());
        int chosen = 0;
        for (JsonNode candidate : tried) {
            assertTrue(candidate.get("smape").isNumber() && candidate.get("origins").isNumber(), candidate.toString());
            assertTrue(candidate.get("origins").asInt() >= 3, candidate.toString());
            chosen += candidate.get("chosen").asBoolean() ? 1 : 0;
        }
        assertEquals(1, chosen, forecastJson.out());
    }

    @Test
    void demoWritesAProjectThatStatsCanRead() throws Exception {
        Path file = folder.resolve("demo.campaign");
        Run demo = run("demo", "--size", "small", "--out", file.toString(), "--json");
        assertEquals(0, demo.exitCode(), demo.err());
        assertTrue(demo.out().contains("\"followers\" : 5000"), demo.out());
        assertTrue(Files.size(file) > 0);

        Run stats = run("stats", "--project", file.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("follower\\s+5000")), stats.out());

        Run again = run("demo", "--size", "small", "--out", file.toString());
        assertNotEquals(0, again.exitCode(), "an existing file is not overwritten without --force");
    }

    @Test
    void failuresExitNonZeroWithOneLineOnStderr() throws Exception {
        Path notAProject = Files.writeString(folder.resolve("notes.campaign"), "hello");
        Run stats = run("stats", "--project", notAProject.toString());
        assertEquals(1, stats.exitCode());
        assertEquals(1, stats.err().strip().lines().count(), stats.err());
        assertTrue(stats.err().contains("not a Campaign Studio project"), stats.err());

        Run bench = run("bench", "no-such-case");
        assertNotEquals(0, bench.exitCode());
        assertTrue(bench.err().contains("unknown bench case"), bench.err());
    }

    @Test
    void importCreatesTheProjectSavesItAndReportsRejectedRows() throws Exception {
        Path project = folder.resolve("shop.campaign");
        Path orders = fixture("orders-gbk.csv");
        Run first = run("import", "--project", project.toString(), "--file", orders.toString(), "--as", "orders");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("10    5         0        0        5"), first.out());
        assertTrue(first.out().contains("new platform: 星球 (zsxq, known), 1 row(s)"), first.out());
        assertTrue(first.out().contains("refunds and cancellations: 1 (kept, never counted as purchases)"), first.out());
        assertTrue(first.out().lines().anyMatch(l -> l.startsWith("9 ") && l.contains("待付款")), first.out());

        Run json = run("import", "--project", project.toString(), "--file", orders.toString(), "--as", "orders",
                "--on-duplicate", "skip", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"skipped\" : 5") && json.out().contains("\"same_file_imported_before\" : true"),
                json.out());

        Run stats = run("stats", "--project", project.toString());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("customer_order\\s+5")), stats.out());

        Run rejected = run("imports", "--project", project.toString(), "--rejections", "1");
        assertEquals(0, rejected.exitCode(), rejected.err());
        assertEquals(6, rejected.out().strip().lines().count(), "header and five rejected rows: " + rejected.out());

        Run history = run("imports", "--project", project.toString(), "--undo", "1");
        assertEquals(0, history.exitCode(), history.err());
        Run after = run("stats", "--project", project.toString());
        assertTrue(after.out().lines().anyMatch(line -> line.matches("customer_order\\s+0")), after.out());
    }

    @Test
    void importTakesReachSnapshotsOfThePostsTheProjectHas() throws Exception {
        Path project = folder.resolve("reach.campaign");
        Path posts = Files.writeString(folder.resolve("posts.csv"), "post id,platform,published at\n"
                + "P1,Douyin,2024-03-05 20:00\n");
        Path reach = Files.writeString(folder.resolve("reach.csv"), "post id,platform,snapshot time,reach\n"
                + "P1,Douyin,2024-03-05 21:00,1200\nP2,Douyin,2024-03-05 21:00,5\n");
        Run first = run("import", "--project", project.toString(), "--file", posts.toString(), "--as", "posts");
        assertEquals(0, first.exitCode(), first.err());

        Run snapshots = run("import", "--project", project.toString(), "--file", reach.toString(), "--as",
                "reach-snapshots");
        assertEquals(0, snapshots.exitCode(), snapshots.err());
        assertTrue(snapshots.out().contains("reach.csv -> reach-snapshots"), snapshots.out());
        assertTrue(snapshots.out().lines().anyMatch(l -> l.startsWith("3 ") && l.contains("post id")
                && l.contains("no post P2 on Douyin \u2014 import the posts first")), snapshots.out());
        Run stats = run("stats", "--project", project.toString());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("post_reach_snapshot\\s+1")), stats.out());
    }

    @Test
    void importExitsNonZeroWhenNothingCouldBeImported() throws Exception {
        Path project = folder.resolve("strict.campaign");
        Run strict = run("import", "--project", project.toString(), "--file", fixture("orders-gbk.csv").toString(),
                "--as", "orders", "--all-or-nothing");
        assertEquals(1, strict.exitCode());
        assertTrue(strict.out().contains("nothing was imported"), strict.out());

        assertFalse(Files.exists(project), "an import that brought nothing leaves no project file behind");
        Path notes = Files.writeString(folder.resolve("notes.csv"), "hello,world\n1,2\n");
        Run unmapped = run("import", "--project", project.toString(), "--file", notes.toString(), "--as", "orders");
        assertEquals(1, unmapped.exitCode());
        assertTrue(unmapped.err().contains("no column found for order_ref"), unmapped.err());
        assertFalse(Files.exists(project));
    }

    @Test
    void presetsMapAPlatformsOwnExport() throws Exception {
        Path export = Files.writeString(folder.resolve("douyin-fans.csv"),
                "用户ID,关注时间,性别,年龄,地区\nd1,2024/1/2 08:00,女,25-30,广东\nd2,2024/1/3 09:00,男,31-40,浙江\n");
        Path project = folder.resolve("fans.campaign");
        Run run = run("import", "--project", project.toString(), "--file", export.toString(), "--as", "followers",
                "--preset", "douyin-followers", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"accepted\" : 2"), run.out());
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CommandLineTest.class.getResource("/import/" + name).toURI());
    }

    @Test
    void tableColumnsLineUpWhenCellsHoldChinese() {
        StringWriter out = new StringWriter();
        java.util.Map<String, Object> douyin = new java.util.LinkedHashMap<>();
        douyin.put("platform", "抖音");
        douyin.put("followers", 1);
        java.util.Map<String, Object> weibo = new java.util.LinkedHashMap<>();
        weibo.put("platform", "Weibo");
        weibo.put("followers", 22);
        Output.table(new PrintWriter(out, true), java.util.List.of(douyin, weibo));
        var columnStarts = out.toString().lines()
                .map(line -> Output.displayWidth(line.substring(0, line.lastIndexOf(' ') + 1)))
                .distinct().toList();
        assertEquals(1, columnStarts.size(), out.toString());
    }
}
