package com.campaignstudio.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
