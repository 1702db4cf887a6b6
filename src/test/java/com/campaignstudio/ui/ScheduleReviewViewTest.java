package com.campaignstudio.ui;

import atlantafx.base.theme.PrimerLight;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlanReview;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.Prediction;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleStore;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.TableSnapshot;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.schedule.ScheduleReviewController;
import com.campaignstudio.work.TaskContext;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.campaignstudio.ui.RetentionLiveFixture.label;
import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compare &amp; review on the small demo project, with two schedules saved in the test for the two busiest past weeks
 * of the demo's posts (each planned post at the hour of a real post, one real post left out of the plan, one planned
 * post where nothing was published), their predictions simulated with the project's model: the compare table shows
 * the saved totals, the timelines are the current model's; plan vs actual lists what {@link PlanReview} makes of the
 * demo's posts (read here with SQL of the test's own); the calibration line gives
 * {@link PlanReview#calibration}'s figures; too few schedules say what to do; the Chinese view shows no English.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleReviewViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    private Stage stage;
    private Project project;

    /** Two weeks of saved plans and what the test expects of them. */
    private record Saved(String name, SchedulePlan plan, Prediction prediction, PlanReview review) {
    }

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> stage.hide());
        if (project != null) {
            project.close();
        }
    }

    @Test
    void totalsTimelinesPlanVsActualAndCalibrationAreWhatTheScheduleEnginesSay(FxRobot robot) throws Exception {
        project = Project.open(ProjectLocations.under(folder.resolve("open-en")), demo);
        List<Saved> saved = saveTwoWeeks(List.of("Week A", "Week B"));
        UiText text = new UiText(Locale.ENGLISH);
        show(text);
        waitForRead(robot);
        Saved a = saved.get(1);   // the older one is offered as A, the newest as B
        Saved b = saved.get(0);

        TableView<?> compare = robot.lookup("#reviewCompareTable").queryAs(TableView.class);
        assertEquals(Metric.values().length, compare.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (Metric metric : List.of(Metric.REACH, Metric.CLICKS, Metric.REVENUE)) {
            int row = metric.ordinal();
            var aBand = a.prediction().total().get(metric);
            var bBand = b.prediction().total().get(metric);
            checks.add(() -> assertEquals(figure(text, metric, aBand.mean()), cell(compare, row, "A: mean")));
            checks.add(() -> assertEquals(figure(text, metric, aBand.low()) + "\u2013" + figure(text, metric,
                    aBand.high()), cell(compare, row, "A: 80% interval")));
            checks.add(() -> assertEquals(figure(text, metric, bBand.mean()), cell(compare, row, "B: mean")));
            double difference = bBand.mean() - aBand.mean();
            checks.add(() -> assertEquals((difference > 0 ? "+" : "\u2212") + figure(text, metric,
                    Math.abs(difference)), cell(compare, row, "B \u2212 A")));
        }
        assertAll("compare", checks);

        LineChart<?, ?> timeline = robot.lookup("#reviewTimelineChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> timeline.getData().size() == 2));
        for (int s = 0; s < 2; s++) {
            Saved schedule = List.of(a, b).get(s);
            double[] expected = cumulativeReach(schedule.plan());
            XYChart.Series<?, ?> series = fx(() -> List.copyOf(timeline.getData())).get(s);
            List<? extends XYChart.Data<?, ?>> points = fx(() -> List.copyOf(series.getData()));
            assertEquals(schedule.name(), series.getName());
            assertEquals(expected.length + 1, points.size(), "from 0 to the horizon, hour by hour");
            assertEquals(schedule.plan().hours() / 24.0, ((Number) points.getLast().getXValue()).doubleValue(), 1e-9);
            assertEquals(expected[expected.length - 1], ((Number) points.getLast().getYValue()).doubleValue(),
                    1e-9 * expected[expected.length - 1]);
        }

        ComboBox<String> choice = robot.lookup("#reviewActualChoice").queryAs(ComboBox.class);
        fx(() -> choice.setValue(a.name()));
        WaitForAsyncUtils.waitForFxEvents();
        checkPlanVsActual(robot, text, a);
        assertTrue(a.review().rows().stream().filter(row -> row.actual().isPresent()).count() >= 3,
                "the planned posts meet the demo's posts they were laid on");
        assertTrue(a.review().rows().stream().anyMatch(row -> row.actual().isEmpty()));
        assertFalse(a.review().unplanned().isEmpty());

        PlanReview.Calibration calibration = PlanReview.calibration(List.of(b.review(), a.review()));
        Proportion inside = calibration.inside().orElseThrow();
        NumberFormat two = NumberFormat.getNumberInstance(Locale.US);
        two.setMinimumFractionDigits(2);
        two.setMaximumFractionDigits(2);
        assertEquals("Posts checked: " + text.integer(calibration.posts()) + " (finished schedules: 2). "
                + percent(inside.rate()) + " of the actual counts fell inside their 80% intervals (95% interval "
                + percent(inside.low()) + "\u2013" + percent(inside.high()) + "); actual \u00f7 predicted, median "
                + two.format(calibration.medianRatio()) + ".", label(robot, "#reviewCalibrationLine"));

        for (String table : List.of("#reviewCompareTable", "#reviewActualTable", "#reviewUnplannedTable")) {
            assertEquals(List.of("Save as CSV\u2026", "Copy table"), fx(() -> ExportMenu.of(robot.lookup(table).query())
                    .orElseThrow().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()), table);
        }
        TableSnapshot exported = fx(() -> TableSnapshot.of(robot.lookup("#reviewActualTable").queryAs(TableView.class)));
        assertEquals(List.of("Platform", "Planned for", "Post", "Published at", "Predicted (80%)", "Actual", "Inside?",
                "Actual \u00f7 predicted", "Note"), exported.header());
        assertEquals(text.platform(a.review().rows().getFirst().planned().post().platform()),
                exported.rows().getFirst().getFirst());
        assertEquals(a.review().rows().size(), exported.rows().size(), "every planned post in the CSV");
        assertEquals(text.get("glossary.calibration") + "\n" + text.get("glossary.planInterval"),
                fx(() -> robot.lookup("#reviewCalibrationTitle").queryAs(javafx.scene.control.Label.class).getTooltip()
                        .getText()));
        RetentionLiveFixture.exportChart(robot.lookup("#reviewActualChart").query(), folder.resolve("actual.png"));
        RetentionLiveFixture.exportChart(robot.lookup("#reviewTimelineChart").query(), folder.resolve("timeline.png"));
        RetentionLiveFixture.page(robot, "#reviewPage", "schedule-review-en-page");
        assertEquals(List.of(), RetentionLiveFixture.pictures(stage, "schedule-review-en"),
                "nothing cut short, no empty axes");
    }

    @Test
    void withFewerThanTwoSavedSchedulesTheViewSaysToSaveOneInThePlanner(FxRobot robot) throws Exception {
        project = Project.open(ProjectLocations.under(folder.resolve("open-empty")), demo);
        UiText text = new UiText(Locale.ENGLISH);
        show(text);
        waitForRead(robot);
        assertEquals("Save a schedule in the Planner to compare: two saved schedules are needed, and the project has 0.",
                label(robot, "#reviewCompareEmpty"));
        assertFalse(robot.lookup("#reviewCompareBox").query().isVisible(), "no empty table or chart");
        assertFalse(robot.lookup("#reviewActualBox").query().isVisible());
        assertEquals(text.get("review.actual.noneSaved"), label(robot, "#reviewActualEmpty"));
        assertEquals(text.get("review.calibration.noneEnded"), label(robot, "#reviewCalibrationLine"));

        LocalDateTime nextMonday = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        SchedulePlan future = SchedulePlan.week(nextMonday, List.of(PlannedPost.of("weibo", nextMonday.plusHours(20),
                "video")));
        new ScheduleStore(project.database()).save("Next week", future, settings(), prediction(future));
        fx(() -> robot.lookup("#reviewRefreshButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#reviewCompareEmpty").endsWith("has 1."));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text.get("review.actual.notBegun"), label(robot, "#reviewActualEmpty"));
        assertEquals(text.get("review.calibration.noneEnded"), label(robot, "#reviewCalibrationLine"));
        RetentionLiveFixture.pictures(stage, "schedule-review-empty-en");
    }

    /**
     * A post the import brought four days into a week whose plan counts to a week after it: the row says its counts
     * are still growing, the summary says so, and the calibration leaves it out (so has nothing to report).
     */
    @Test
    void aPostExportedBeforeThePlansHorizonIsMarkedAndLeftOutOfTheCalibration(FxRobot robot) throws Exception {
        project = Project.open(ProjectLocations.under(folder.resolve("open-early")), demo);
        LocalDateTime monday = LocalDateTime.of(2026, 10, 5, 0, 0);   // after the demo's posts, before today
        project.database().transaction(connection -> {
            long batch;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch (file_name, "
                    + "content_hash, entity, mapping, rows_read, rows_accepted, rows_rejected, started_at, finished_at) "
                    + "VALUES ('weibo.csv', ?, 'posts', '{}', 1, 1, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "0".repeat(64));
                insert.setTimestamp(2, Timestamp.valueOf(monday.plusDays(4)));
                insert.setTimestamp(3, Timestamp.valueOf(monday.plusDays(4).plusMinutes(1)));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    batch = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post (platform_id, external_id, "
                    + "published_at, format, impressions, reach, likes, comments, shares, clicks, import_id) "
                    + "SELECT id, 'W-early', ?, 'video', 1500, 900, 40, 5, 5, 12, ? FROM platform WHERE code = 'weibo'")) {
                insert.setTimestamp(1, Timestamp.valueOf(monday.plusDays(1).plusHours(20).plusMinutes(10)));
                insert.setLong(2, batch);
                assertEquals(1, insert.executeUpdate());
            }
            return null;
        });
        SchedulePlan plan = SchedulePlan.week(monday, List.of(PlannedPost.of("weibo", monday.plusDays(1).plusHours(20),
                "video")));
        new ScheduleStore(project.database()).save("October week", plan, settings(), prediction(plan));
        UiText text = new UiText(Locale.ENGLISH);
        show(text);
        waitForRead(robot);

        TableView<?> table = robot.lookup("#reviewActualTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("W-early", cell(table, 0, "Post"));
        assertEquals("900", cell(table, 0, "Actual"));
        assertEquals("Exported before the horizon: counts still growing", cell(table, 0, "Note"));
        assertTrue(label(robot, "#reviewActualSummary").endsWith(" Exported before the plan's horizon: 1 (their "
                + "counts are still growing, so they may fall below their intervals for now)."),
                label(robot, "#reviewActualSummary"));
        assertEquals(text.get("review.calibration.noneMatched"), label(robot, "#reviewCalibrationLine"));
    }

    @Test
    void theChineseViewShowsNoEnglish(FxRobot robot) throws Exception {
        project = Project.open(ProjectLocations.under(folder.resolve("open-zh")), demo);
        List<Saved> saved = saveTwoWeeks(List.of("第一周", "第二周"));
        show(new UiText(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#reviewTimelineChart")
                .queryAs(LineChart.class).getData().size() == 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(saved.get(0).name(), fx(() -> robot.lookup("#reviewActualChoice").queryAs(ComboBox.class)
                .getValue()));
        List<String> english = RetentionLiveFixture.english(stage, "compare & review");
        RetentionLiveFixture.page(robot, "#reviewPage", "schedule-review-zh-page");
        List<String> findings = RetentionLiveFixture.pictures(stage, "schedule-review-zh");
        assertEquals(List.of(), english, "English in the Chinese view");
        assertEquals(List.of(), findings, "nothing cut short, no empty axes");
    }

    /** The table of the chosen schedule's planned posts and the chart, figure by figure, against PlanReview's rows. */
    private void checkPlanVsActual(FxRobot robot, UiText text, Saved saved) throws Exception {
        TableView<?> table = robot.lookup("#reviewActualTable").queryAs(TableView.class);
        ComboBox<Metric> metrics = robot.lookup("#reviewMetricChoice").queryAs(ComboBox.class);
        List<PlanReview.Row> rows = saved.review().rows();
        for (Metric metric : List.of(Metric.REACH, Metric.CLICKS)) {
            fx(() -> metrics.setValue(metric));
            WaitForAsyncUtils.waitForFxEvents();
            String name = metric == Metric.REACH ? "Reach" : "Clicks";
            assertEquals(rows.size(), table.getItems().size());
            List<Executable> checks = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                PlanReview.Row row = rows.get(r);
                int i = r;
                var band = row.planned().outcome().get(metric);
                checks.add(() -> assertEquals(text.platform(row.planned().post().platform()),
                        cell(table, i, "Platform")));
                checks.add(() -> assertEquals(figure(text, metric, band.low()) + "\u2013" + figure(text, metric,
                        band.high()), cell(table, i, "Predicted (80%)")));
                if (row.actual().isPresent()) {
                    PlanReview.PublishedPost post = row.actual().get();
                    long actual = metric == Metric.REACH ? post.reach() : post.clicks();
                    checks.add(() -> assertEquals(post.externalId(), cell(table, i, "Post")));
                    checks.add(() -> assertEquals(text.integer(actual), cell(table, i, "Actual")));
                    checks.add(() -> assertEquals(band.contains(actual) ? "\u2713" : "\u2717",
                            cell(table, i, "Inside?")));
                    NumberFormat two = NumberFormat.getNumberInstance(Locale.US);
                    two.setMinimumFractionDigits(2);
                    two.setMaximumFractionDigits(2);
                    checks.add(() -> assertEquals("\u00d7" + two.format(actual / band.mean()),
                            cell(table, i, "Actual \u00f7 predicted")));
                    checks.add(() -> assertEquals(row.early() ? "Exported before the horizon: counts still growing"
                            : "", cellOrEmpty(table, i, "Note")));
                } else {
                    checks.add(() -> assertEquals("No post within 12 hours",
                            cell(table, i, "Note")));
                }
            }
            assertAll(name, checks);

            IntervalPointChart chart = robot.lookup("#reviewActualChart").queryAs(IntervalPointChart.class);
            List<XYChart.Series<String, Number>> series = fx(() -> List.copyOf(chart.getData()));
            assertEquals(rows.size(), series.get(0).getData().size(), "a predicted mean per planned post");
            assertEquals(rows.stream().filter(row -> row.actual().isPresent()).count(),
                    series.get(1).getData().size(), "an actual dot per matched post");
            Map<String, double[]> intervals = chart.intervals();
            List<double[]> drawn = new ArrayList<>(intervals.values());
            for (int r = 0; r < rows.size(); r++) {
                var band = rows.get(r).planned().outcome().get(metric);
                assertEquals(band.low(), drawn.get(r)[0], 1e-9);
                assertEquals(band.high(), drawn.get(r)[1], 1e-9);
                assertEquals(band.mean(), series.get(0).getData().get(r).getYValue().doubleValue(), 1e-9);
            }
        }
        TableView<?> unplanned = robot.lookup("#reviewUnplannedTable").queryAs(TableView.class);
        assertEquals(saved.review().unplanned().stream().map(PlanReview.PublishedPost::externalId).toList(),
                fx(() -> unplanned.getItems().stream().map(item -> ((PlanReview.PublishedPost) item).externalId())
                        .toList()));
        long matched = rows.stream().filter(row -> row.actual().isPresent()).count();
        long inside = rows.stream().filter(row -> row.inside(Metric.CLICKS).orElse(false)).count();
        assertEquals("Planned posts: " + rows.size() + "; matched to a published post (same platform, within 12 "
                + "hours): " + matched + "; Clicks inside its 80% interval: " + inside + " of " + matched
                + ". Published in the period but not planned: " + saved.review().unplanned().size() + ".",
                label(robot, "#reviewActualSummary"), "none exported early");
    }

    private static String cellOrEmpty(TableView<?> table, int row, String title) throws Exception {
        Object value = fx(() -> table.getVisibleLeafColumns().stream().filter(c -> title.equals(c.getText()))
                .findFirst().orElseThrow().getCellData(row));
        return value == null ? "" : value.toString();
    }

    /**
     * Saves plans for the two past weeks with the most demo posts, the busiest first saved last (so listed first):
     * each of a week's posts but its last gets a planned post at its hour, and one more planned post goes where
     * nothing was published. Returns them newest first, with the review the test expects.
     */
    private List<Saved> saveTwoWeeks(List<String> names) throws Exception {
        List<PlanReview.PublishedPost> posts = demoPosts();
        Map<LocalDateTime, List<PlanReview.PublishedPost>> byWeek = posts.stream().collect(Collectors.groupingBy(
                post -> post.at().truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                TreeMap::new, Collectors.toList()));
        List<LocalDateTime> busiest = byWeek.keySet().stream()
                .filter(week -> week.plusDays(14).isBefore(posts.getLast().at()))
                .sorted(Comparator.comparing((LocalDateTime week) -> -byWeek.get(week).size()).thenComparing(w -> w))
                .limit(2).toList();
        List<Saved> saved = new ArrayList<>();
        ScheduleStore store = new ScheduleStore(project.database());
        for (int w = busiest.size() - 1; w >= 0; w--) {
            LocalDateTime monday = busiest.get(w);
            List<PlanReview.PublishedPost> week = byWeek.get(monday);
            List<PlannedPost> planned = new ArrayList<>();
            for (PlanReview.PublishedPost post : week.subList(0, week.size() - 1)) {
                planned.add(PlannedPost.of(post.platform(), post.at().truncatedTo(ChronoUnit.HOURS), "video"));
            }
            String idle = week.stream().anyMatch(post -> post.platform().equals("zhihu")) ? "bilibili" : "zhihu";
            planned.add(PlannedPost.of(idle, monday.plusDays(6).plusHours(3), "video"));
            SchedulePlan plan = SchedulePlan.week(monday, planned);
            Prediction prediction = prediction(plan);
            String name = names.get(busiest.size() - 1 - w);
            store.save(name, plan, settings(), prediction);
            saved.addFirst(new Saved(name, plan, prediction, PlanReview.of(plan, prediction, posts)));
        }
        return saved;
    }

    private static ScheduleSettings settings() {
        return ScheduleSettings.defaults();
    }

    private Prediction prediction(SchedulePlan plan) throws Exception {
        return Prediction.of(new Simulator(ScheduleModels.build(project.database(), settings(), TaskContext.silent()))
                .simulate(plan));
    }

    private double[] cumulativeReach(SchedulePlan plan) throws Exception {
        Map<String, double[]> byPlatform = new Simulator(ScheduleModels.build(project.database(), new Snapshots(),
                settings(), TaskContext.silent()).model()).simulate(plan).cumulativeReach();
        double[] total = new double[plan.hours()];
        byPlatform.values().forEach(values -> {
            for (int h = 0; h < values.length; h++) {
                total[h] += values[h];
            }
        });
        return total;
    }

    /**
     * The demo's posts as published, read here apart from the view's reader: no import wrote them, so each counts
     * as exported at the project's last reach snapshot (after every post's publication).
     */
    private List<PlanReview.PublishedPost> demoPosts() throws Exception {
        return project.database().read(connection -> {
            List<PlanReview.PublishedPost> posts = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet last = statement.executeQuery("SELECT MAX(taken_at) FROM post_reach_snapshot")) {
                last.next();
                LocalDateTime exported = last.getObject(1, LocalDateTime.class);
                try (ResultSet rs = statement.executeQuery("SELECT pl.code, p.external_id, p.published_at, p.reach, "
                        + "p.likes + p.comments + p.shares, p.clicks FROM post p JOIN platform pl ON pl.id = "
                        + "p.platform_id ORDER BY p.published_at")) {
                    while (rs.next()) {
                        posts.add(new PlanReview.PublishedPost(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDateTime.class), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                exported));
                    }
                }
            }
            return posts;
        });
    }

    private void show(UiText text) throws Exception {
        FxBackgroundRunner runner = new FxBackgroundRunner();
        fx(() -> {
            Parent view = new ScheduleReviewController(project.database(), new Snapshots(), runner, text, new Glossary(text),
                    new ExportMenu(text, runner)).load();
            Scene scene = new Scene(view, 1240, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("/com/campaignstudio/ui/campaign-studio.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitForRead(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx(() -> robot.lookup("#reviewRefreshButton")
                .queryButton().isDisabled()) && !label(robot, "#reviewCalibrationLine").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A figure as the English view writes it: yuan for revenue, else a whole count with separators. */
    private static String figure(UiText text, Metric metric, double value) {
        if (metric == Metric.REVENUE) {
            return text.yuan(value);
        }
        if (Math.abs(value) < 10 && value != Math.rint(value)) {
            NumberFormat one = NumberFormat.getNumberInstance(Locale.US);
            one.setMinimumFractionDigits(1);
            one.setMaximumFractionDigits(1);
            return one.format(value);
        }
        return text.integer(Math.round(value));
    }

    private static String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.US);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }
}
