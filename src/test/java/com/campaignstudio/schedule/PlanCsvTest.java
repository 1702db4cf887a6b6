package com.campaignstudio.schedule;

import com.campaignstudio.importer.PlatformNames;
import com.campaignstudio.text.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCsvTest {

    /** Monday 7 December 2026; "now" is the Thursday before. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 11, 0);
    private static final SchedulePlan WEEK = SchedulePlan.week(MONDAY, List.of());

    @TempDir
    Path folder;

    @Test
    void englishHeadersWithAByteOrderMarkReadPlatformNamesWeekdaysAmountsAndLocks() throws IOException {
        Path file = write("plan.csv", StandardCharsets.UTF_8, "\uFEFFPlatform,Date,Time,Format,Topic,Boost (¥),Locked\n"
                + "抖音,2026-12-07,21:00,video,\"New course, 20% off\",\"¥1,200\",yes\n"
                + "B站,Wed,08:30,视频,,1200.50,是\n"
                + "视频号,周日,7:05,图文,周末复盘,,no\n"
                + "weibo,2026/12/10,12:00,article,,,\n");

        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(List.of(), read.problems());
        assertEquals(List.of(
                new PlannedPost("douyin", MONDAY.withHour(21), "video", "New course, 20% off", 1200, true),
                new PlannedPost("bilibili", MONDAY.plusDays(2).withHour(8).withMinute(30), "video", "", 1200.5, true),
                new PlannedPost("wechat_channels", MONDAY.plusDays(6).withHour(7).withMinute(5), "image", "周末复盘", 0,
                        false),
                new PlannedPost("weibo", MONDAY.plusDays(3).withHour(12), "article", "", 0, false)), read.posts());
        assertEquals(Optional.of(MONDAY.toLocalDate()), PlanCsv.earliestDate(file), "weekdays name no date");
    }

    @Test
    void chineseHeadersInGb18030ReadAsTheSamePlan() throws IOException {
        Path file = write("计划.csv", Charset.forName("GB18030"), "平台,日期,时间,体裁,主题,投放金额,锁定\n"
                + "小红书,周二,20：00,图文,春节前的书单推荐,300,否\n"
                + "快手,2026-12-12,19:30,直播,直播答疑：怎样坚持学习,,是\n");

        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(List.of(), read.problems());
        assertEquals(List.of(
                new PlannedPost("xiaohongshu", MONDAY.plusDays(1).withHour(20), "image", "春节前的书单推荐", 300, false),
                new PlannedPost("kuaishou", MONDAY.plusDays(5).withHour(19).withMinute(30), "live", "直播答疑：怎样坚持学习",
                        0, true)), read.posts());
    }

    @Test
    void eachBadRowIsNamedByRowColumnAndValueAndEveryOtherRowIsKept() throws IOException {
        SchedulePlan current = SchedulePlan.week(LocalDateTime.of(2026, 11, 23, 0, 0), List.of());
        Path file = write("plan.csv", StandardCharsets.UTF_8, "platform,date,time,format,topic,boost,locked\n"
                + "douyin,2026-11-27,21:00,video,kept,,\n"          // row 2
                + "myspace,2026-11-27,21:00,video,,,\n"             // row 3: unknown platform
                + "douyin,2026-11-31,21:00,video,,,\n"              // row 4: no such date
                + "douyin,2026-11-27,21:00,podcast,,,\n"            // row 5: unknown format
                + "douyin,2026-11-27,21:00,video,,-50,\n"           // row 6: negative spend
                + "douyin,2026-11-27,25:70,video,,,\n"              // row 7: not a time of day
                + "douyin,2026-11-27,21:00,video,,,maybe\n"         // row 8: not yes or no
                + "douyin,2026-11-25,21:00,video,,,\n"              // row 9: in the past
                + "douyin,2026-11-26,10:59,video,,,\n"              // row 10: a minute before now
                + "douyin,2026-11-30,09:00,video,,,\n"              // row 11: after the plan's week
                + "douyin,2026-11-27,21:00,video,kept,,\n"          // row 12: a duplicate of row 2, kept
                + ",2026-11-27,21:00,video,,,\n");                  // row 13: no platform

        PlanCsv.PlanRead read = PlanCsv.read(file, current, PlatformNames.shipped(), NOW);

        PlannedPost kept = new PlannedPost("douyin", LocalDateTime.of(2026, 11, 27, 21, 0), "video", "kept", 0, false);
        assertEquals(List.of(kept, kept), read.posts());
        assertEquals(List.of(
                new Problem(3, "platform", "myspace", "schedule.plan.unknownPlatform"),
                new Problem(4, "date", "2026-11-31", "schedule.plan.notDate"),
                new Problem(5, "format", "podcast", "schedule.plan.unknownFormat"),
                new Problem(6, "boost", "-50", "schedule.plan.notAmount"),
                new Problem(7, "time", "25:70", "schedule.plan.notTime"),
                new Problem(8, "locked", "maybe", "schedule.plan.notYesNo"),
                new Problem(9, "date", "2026-11-25 21:00", "schedule.plan.past"),
                new Problem(10, "date", "2026-11-26 10:59", "schedule.plan.past"),
                new Problem(11, "date", "2026-11-30 09:00", "schedule.plan.outside"),
                new Problem(13, "platform", "", "schedule.plan.noPlatform")),
                read.problems().stream().map(Problem::of).toList());
        PlanCsv.RowProblem time = read.problems().get(4);
        assertAll(
                () -> assertEquals("plan.csv, row 7, column time: '25:70' is not a time of day (write it as HH:mm, "
                        + "e.g. 21:00)", time.english()),
                () -> assertEquals("plan.csv，第 7 行，time 列：“25:70”不是一天中的时间（请写成“时:分”，例如 21:00）",
                        time.in(chinese())),
                () -> assertEquals("plan.csv, row 11, column date: 2026-11-30 09:00 is outside the plan, which runs "
                        + "from 2026-11-23 to 2026-11-29", read.problems().get(8).english()));
    }

    @Test
    void aRowWithSeveralBadCellsNamesEachAndARowLeftShortIsReported() throws IOException {
        Path file = write("plan.csv", StandardCharsets.UTF_8, "platform,date,time,format\n"
                + "myspace,someday,noon,video\n"
                + "douyin,2026-12-08\n");

        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(List.of(), read.posts());
        assertEquals(List.of(new Problem(2, "platform", "myspace", "schedule.plan.unknownPlatform"),
                        new Problem(2, "date", "someday", "schedule.plan.notDate"),
                        new Problem(2, "time", "noon", "schedule.plan.notTime"),
                        new Problem(3, "time", "", "schedule.plan.notTime")),
                read.problems().stream().map(Problem::of).toList());
    }

    @Test
    void aFileWithoutATimeColumnIsOneProblemNamingTheColumns() throws IOException {
        Path file = write("plan.csv", StandardCharsets.UTF_8, "platform,date,format\ndouyin,2026-12-08,video\n");

        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(List.of(), read.posts());
        assertEquals(1, read.problems().size());
        assertEquals(Optional.of(MONDAY.toLocalDate().plusDays(1)), PlanCsv.earliestDate(file));
        assertEquals("plan.csv, row 1, column time: there is no time (时间) column (the columns are: platform, date, "
                + "format)", read.problems().getFirst().english());
    }

    @Test
    void anEmptyFileAndAWorkbookAreProblemsOfTheWholeFile() throws IOException {
        Path empty = write("empty.csv", StandardCharsets.UTF_8, "");
        Path workbook = folder.resolve("plan.xlsx");
        Files.write(workbook, new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0});

        assertEquals("empty.csv: the file is empty: write a header row (platform, date, time, format, topic, boost, "
                        + "locked) and a row per post",
                PlanCsv.read(empty, WEEK, PlatformNames.shipped(), NOW).problems().getFirst().english());
        assertEquals("plan.xlsx: this is not a CSV text file: save the plan from the spreadsheet as CSV",
                PlanCsv.read(workbook, WEEK, PlatformNames.shipped(), NOW).problems().getFirst().english());
    }

    @Test
    void aWrittenPlanReadsBackAsItWas() throws IOException {
        SchedulePlan plan = WEEK.withPosts(List.of(
                new PlannedPost("douyin", MONDAY.withHour(21), "video", "新课上线，限时 8 折; \"抢\"", 1200.5, true),
                new PlannedPost("weibo", MONDAY.plusDays(1).withHour(8).withMinute(30), "article", "two\nlines", 0,
                        false),
                new PlannedPost("bilibili", MONDAY.plusDays(2).withHour(12), "live", "=SUM(A1:A9)", 88, false),
                new PlannedPost("bilibili", MONDAY.plusDays(2).withHour(12), "live", "=SUM(A1:A9)", 88, false),
                new PlannedPost("xiaohongshu", MONDAY.plusDays(6).withHour(23).withMinute(59), "other", "-5% off", 0,
                        true),
                new PlannedPost("zhihu", MONDAY.plusDays(4).withHour(7), "article", "'=not a formula", 0, false),
                new PlannedPost("zhihu", MONDAY.plusDays(4).withHour(8), "article", "'quoted'", 0, false)));
        StringWriter text = new StringWriter();

        PlanCsv.write(plan, Optional.empty(), text);
        Path file = write("written.csv", StandardCharsets.UTF_8, text.toString());
        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(List.of(), read.problems());
        assertEquals(plan.posts(), read.posts());
        assertTrue(text.toString().contains("'=SUM(A1:A9)"), "a formula is written as text for spreadsheets");
    }

    @Test
    void withASimulationEachPostCarriesItsFiguresAndTheFileStillReadsBack() throws IOException {
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 1000, 12, 0.05));
        SchedulePlan plan = WEEK.withPosts(List.of(
                PlannedPost.of("douyin", MONDAY.withHour(21), "video"),
                PlannedPost.of("kuaishou", MONDAY.withHour(22), "video"),
                PlannedPost.of("douyin", MONDAY.plusDays(3).withHour(9), "article")));
        Simulation simulation = new Simulator(model).simulate(plan);
        StringWriter text = new StringWriter();

        PlanCsv.write(plan, Optional.of(simulation), text);
        Path file = write("simulated.csv", StandardCharsets.UTF_8, text.toString());
        PlanCsv.PlanRead read = PlanCsv.read(file, WEEK, PlatformNames.shipped(), NOW);

        assertEquals(plan.posts(), read.posts());
        List<String> lines = text.toString().lines().toList();
        assertEquals("\uFEFFplatform,date,time,format,topic,boost,locked,reach_mean,reach_low,reach_high,"
                + "engagements_mean,engagements_low,engagements_high,clicks_mean,clicks_low,clicks_high,"
                + "registrations_mean,registrations_low,registrations_high,buyers_mean,buyers_low,buyers_high,"
                + "revenue_mean,revenue_low,revenue_high", lines.getFirst());
        Outcome first = simulation.posts().getFirst().outcome();
        Outcome third = simulation.posts().get(1).outcome();
        assertAll(
                () -> assertEquals(List.of("douyin", "2026-12-07", "21:00", "video", "", "", "no",
                        oneDecimal(first.reach().mean()), oneDecimal(first.reach().low()),
                        oneDecimal(first.reach().high())), List.of(lines.get(1).split(",", -1)).subList(0, 10)),
                () -> assertEquals(String.format(Locale.ROOT, "%.2f", first.revenue().high()),
                        lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1)),
                () -> assertEquals("kuaishou,2026-12-07,22:00,video,,,no" + ",".repeat(18), lines.get(2),
                        "a platform the model does not know has no figures"),
                () -> assertTrue(lines.get(3).startsWith("douyin,2026-12-10,09:00,article,,,no,"
                        + oneDecimal(third.reach().mean()) + ","), lines.get(3)));
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private Path write(String name, Charset charset, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private static ResourceBundle chinese() {
        return ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE);
    }

    private record Problem(long row, String column, String value, String key) {
        static Problem of(PlanCsv.RowProblem problem) {
            return new Problem(problem.row(), problem.column(), problem.value(), problem.reason().key());
        }
    }
}
