package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.schedule.Goal;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.ScheduleModel;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.schedule.Suggester;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'schedule suggest' and 'schedule simulate' on the small demo project, compared with the domain's own answers. */
class ScheduleCommandTest {

    @TempDir
    static Path folder;
    static Path file;
    static ScheduleModel model;
    static ZoneId zone;
    /** A whole week ahead: nothing of it is in the past whenever the test runs. */
    static LocalDate week;

    @BeforeAll
    static void demo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        file = folder.resolve("demo.campaign");
        assertEquals(0, FunnelCommandsTest.run("demo", "--size", "small", "--out", file.toString()).exitCode());
        try (Project project = Project.open(ProjectOption.locations(), file)) {
            // As the planner reads it: the fatigue the demo's posts show, not the default.
            model = ScheduleModels.forProject(project.database(), new Snapshots(), ScheduleSettings.defaults(), false,
                    TaskContext.silent()).built().model();
            zone = ProjectSettings.read(project.database()).zone();
        }
        week = ScheduleCommand.nextMonday(LocalDate.now(zone)).plusWeeks(1);
    }

    @Test
    void suggestGivesTheAskedPostsPerPlatformWhereTheSuggesterPutsThem() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "suggest", "--project", file.toString(),
                "--posts", "weibo=3,抖音=5", "--goal", "revenue", "--week", week.toString(),
                "--format", "douyin=video,weibo=图文", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode json = run.json();
        SchedulePlan period = SchedulePlan.week(week.atStartOfDay(), List.of());
        Suggester.Suggestion expected = new Suggester(model).suggest(new Suggester.Request(period,
                Map.of("weibo", 3, "douyin", 5), Map.of("douyin", "video", "weibo", "image"), Goal.REVENUE,
                week.atStartOfDay(), Map.of()));
        List<String> shown = new ArrayList<>();
        json.get("posts").forEach(post -> shown.add(post.get("platform").asString() + " " + post.get("at").asString()
                + " " + post.get("format").asString()));
        assertAll(
                () -> assertEquals(3, json.get("counts").get("weibo").asInt()),
                () -> assertEquals(5, json.get("counts").get("douyin").asInt()),
                () -> assertEquals(2, json.get("counts").size()),
                () -> assertEquals("revenue", json.get("goal").asString()),
                () -> assertEquals(week.toString(), json.get("week_start").asString()),
                () -> assertEquals(expected.plan().posts().stream().map(p -> p.platform() + " " + p.at() + " "
                        + p.format()).toList(), shown),
                () -> assertEquals(expected.expected(), json.get("expected_goal").asDouble(), 1e-9));
        Simulation simulation = new Simulator(model).simulate(expected.plan());
        assertEquals(simulation.total().revenue().mean(), json.get("total").get("revenue").get("mean").asDouble(),
                1e-9);
        for (JsonNode post : json.get("posts")) {
            JsonNode reach = post.get("reach");
            assertTrue(post.get("lift").isNumber() && post.get("fatigue").isNumber() && reach.get("mean").isNumber()
                    && post.get("boost").isNumber(), "numbers are JSON numbers: " + post);
            assertTrue(reach.get("low").asDouble() <= reach.get("mean").asDouble()
                    && reach.get("mean").asDouble() <= reach.get("high").asDouble(), post.toString());
            assertTrue(post.get("reason").asString().contains("engagement vs the platform's mean"), post.toString());
        }
    }

    @Test
    void unknownPlatformsAndMorePostsThanHoursAreReportedAndTheRestIsSuggested() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "suggest", "--project", file.toString(),
                "--posts", "myspace=2,zhihu=170", "--week", week.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: --posts: 'myspace' is not a platform of this project"), run.err());
        assertTrue(run.err().contains("warning: zhihu: 170 posts asked, only 168 free hours left in the week; 2 left "
                + "out"), run.err());
        JsonNode json = run.json();
        assertEquals(168, json.get("counts").get("zhihu").asInt());
        assertEquals(1, json.get("counts").size());
        assertEquals(2, json.get("warnings").size());
    }

    @Test
    void inTheWeekUnderWayPostsAreSuggestedFromNowOn() {
        LocalDate thisMonday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDateTime before = LocalDateTime.now(zone);

        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "suggest", "--project", file.toString(),
                "--posts", "weibo=2", "--week", thisMonday.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: the week of " + thisMonday + " has begun: posts are suggested from "),
                run.err());
        JsonNode posts = run.json().get("posts");
        posts.forEach(post -> assertTrue(!LocalDateTime.parse(post.get("at").asString())
                .isBefore(before.truncatedTo(ChronoUnit.MINUTES)), post.toString()));
    }

    @Test
    void aWeekThatIsOverIsRefusedWithTheWeekToChoose() {
        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "suggest", "--project", file.toString(),
                "--posts", "weibo=3", "--week", "2020-01-06");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: --week 2020-01-06: that week is over"), run.err());
        assertTrue(run.err().contains("--week " + ScheduleCommand.nextMonday(LocalDate.now(zone))), run.err());
    }

    @Test
    void simulateNamesTheBadRowAndSimulatesTheRest() throws Exception {
        LocalDateTime monday = week.atStartOfDay();
        Path plan = folder.resolve("plan.csv");
        Files.writeString(plan, "平台,日期,时间,体裁,主题\n"
                + "抖音," + week + ",21:00,视频,新课上线\n"
                + "微博," + week.plusDays(1) + ",25:70,文章,\n"
                + "weibo,周三,08:30,article,\n", StandardCharsets.UTF_8);

        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "simulate", "--project", file.toString(),
                "--plan", plan.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: plan.csv, row 3, column 时间: '25:70' is not a time of day (write it as HH:mm, e.g. "
                + "21:00)", run.err().strip());
        JsonNode json = run.json();
        Simulation expected = new Simulator(model).simulate(SchedulePlan.week(monday, List.of(
                new PlannedPost("douyin", monday.withHour(21), "video", "新课上线", 0, false),
                new PlannedPost("weibo", monday.plusDays(2).withHour(8).withMinute(30), "article", "", 0, false))));
        assertAll(
                () -> assertEquals(week.toString(), json.get("week_start").asString(), "the week of the earliest date"),
                () -> assertEquals(2, json.get("posts").size()),
                () -> assertEquals("douyin", json.get("posts").get(0).get("platform").asString()),
                () -> assertEquals(monday.plusDays(2).withHour(8).withMinute(30).toString(),
                        json.get("posts").get(1).get("at").asString()),
                () -> assertEquals(expected.posts().get(1).outcome().reach().mean(),
                        json.get("posts").get(1).get("reach").get("mean").asDouble(), 1e-9),
                () -> assertEquals(expected.total().buyers().high(),
                        json.get("total").get("buyers").get("high").asDouble(), 1e-9),
                () -> assertEquals(expected.byPlatform().get("weibo").reach().low(),
                        json.get("by_platform").get("weibo").get("reach").get("low").asDouble(), 1e-9),
                () -> assertEquals(1, json.get("problems").size()),
                () -> assertEquals(3, json.get("problems").get(0).get("row").asInt()));

        FunnelCommandsTest.Run text = FunnelCommandsTest.run("schedule", "simulate", "--project", file.toString(),
                "--plan", plan.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(line -> line.startsWith("total ")), text.out());
        assertTrue(text.out().contains(week + " Mon 21:00"), text.out());
    }

    @Test
    void aPlanWithNoGoodRowFailsNamingTheRows() throws Exception {
        Path plan = folder.resolve("bad.csv");
        Files.writeString(plan, "platform,date,time,format\nmyspace," + week + ",21:00,video\n",
                StandardCharsets.UTF_8);

        FunnelCommandsTest.Run run = FunnelCommandsTest.run("schedule", "simulate", "--project", file.toString(),
                "--plan", plan.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("warning: bad.csv, row 2, column platform: 'myspace' is not a platform this "
                + "project knows"), run.err());
        assertTrue(run.err().contains("error: bad.csv: no post could be simulated (the rows' problems are above)"),
                run.err());
    }
}
