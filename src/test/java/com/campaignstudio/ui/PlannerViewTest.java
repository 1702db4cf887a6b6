package com.campaignstudio.ui;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.schedule.AudienceHours;
import com.campaignstudio.schedule.Goal;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.PlatformModel;
import com.campaignstudio.schedule.PostHistory;
import com.campaignstudio.schedule.ScheduleModel;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleStore;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.schedule.Suggester;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.export.RowExport;
import com.campaignstudio.ui.common.ChartImage;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.common.TableSnapshot;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.schedule.PlanDrag;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Schedule section's planner on the small demo project, driven as a person would: a platform dragged from the
 * palette onto an hour adds a post, and the totals are what {@link Simulator} predicts for that plan; the arrow keys
 * move the selected post and Ctrl+Z / Ctrl+Shift+Z undo and redo, the totals following; Suggest fills the posts asked
 * for as {@link Suggester} places them; a saved plan is in the project's store and opens again; the Chinese view shows
 * no English. Figures are formatted here as the view is meant to write them, not by the view's code.
 */
@ExtendWith(ApplicationExtension.class)
class PlannerViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeProject() throws Exception {
        UiFixture.closeQuietly(window);
    }

    @Test
    void aPlatformDraggedOntoAnHourAddsAPostWhoseTotalsAreTheSimulatorsAndArrowsAndUndoMoveIt(FxRobot robot)
            throws Exception {
        Project project = openPlanner(robot, Language.ENGLISH);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        assertEquals(figure(text, Metric.REACH, 0), label(robot, "#total-reach"), "nothing planned yet");

        LocalDateTime wednesday9pm = monday().plusDays(2).plusHours(21);
        dropPlatform(robot, "douyin", "#cell-2-21");
        PlannedPost added = PlannedPost.of("douyin", wednesday9pm, expected.usualFormat("douyin"));
        assertTotals(robot, text, expected.simulate(List.of(added)));
        assertEquals("cell-2-21", robot.lookup("#post-0").query().getParent().getId());

        robot.clickOn("#post-0");
        robot.push(KeyCode.RIGHT);
        PlannedPost thursday = added.movedTo("douyin", wednesday9pm.plusDays(1));
        assertTotals(robot, text, expected.simulate(List.of(thursday)));
        robot.push(KeyCode.UP);
        PlannedPost earlier = added.movedTo("douyin", wednesday9pm.plusDays(1).minusHours(1));
        Simulation moved = expected.simulate(List.of(earlier));
        assertTotals(robot, text, moved);
        assertEquals("cell-3-20", robot.lookup("#post-0").query().getParent().getId());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTotals(robot, text, expected.simulate(List.of(thursday)));
        assertEquals("cell-3-21", robot.lookup("#post-0").query().getParent().getId());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTotals(robot, text, moved);
        assertEquals("cell-3-20", robot.lookup("#post-0").query().getParent().getId());
        look("planner-one-post-en");

        dropPost(robot, 0, "#cell-4-9");
        PlannedPost friday = added.movedTo("douyin", monday().plusDays(4).plusHours(9));
        assertTotals(robot, text, expected.simulate(List.of(friday)));
        assertEquals("cell-4-9", robot.lookup("#post-0").query().getParent().getId());

        // The week after: the plan moves with its period, the post keeping its Friday 9:00; Ctrl+Z moves it back.
        DatePicker start = robot.lookup("#startPicker").queryAs(DatePicker.class);
        fx(() -> start.setValue(monday().toLocalDate().plusWeeks(1)));
        PlannedPost nextFriday = friday.movedTo("douyin", friday.at().plusWeeks(1));
        assertTotals(robot, text, expected.simulator.simulate(SchedulePlan.week(monday().plusWeeks(1),
                List.of(nextFriday))));
        assertEquals("cell-4-9", robot.lookup("#post-0").query().getParent().getId());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTotals(robot, text, expected.simulate(List.of(friday)));
        assertEquals(monday().toLocalDate(), fx(start::getValue));

        robot.clickOn("#post-0");
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#post-0").tryQuery().isEmpty()));
        assertTotals(robot, text, expected.simulate(List.of()));
    }

    @Test
    void theBudgetSplitsBoostIsSpentOnThePlansPostsAndUndoneWithCtrlZ(FxRobot robot) throws Exception {
        Project project = openPlanner(robot, Language.ENGLISH);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        new com.campaignstudio.schedule.BoostBudgetStore(project.database()).save(java.util.Map.of("douyin", 1200.0,
                "zhihu", 500.0));
        LocalDateTime wednesday9pm = monday().plusDays(2).plusHours(21);
        dropPlatform(robot, "douyin", "#cell-2-21");
        PlannedPost added = PlannedPost.of("douyin", wednesday9pm, expected.usualFormat("douyin"));
        assertTotals(robot, text, expected.simulate(List.of(added)));

        fx(robot.lookup("#boostBudgetButton").queryButton()::fire);

        PlannedPost boosted = new PlannedPost("douyin", wednesday9pm, added.format(), added.topic(), 1200, false);
        assertTotals(robot, text, expected.simulate(List.of(boosted)));
        assertEquals("The budget split gives boost money to Zhihu, but this plan has no post there: add one to "
                + "spend it.", label(robot, "#problemLabel"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTotals(robot, text, expected.simulate(List.of(added)));
    }

    @Test
    void suggestFillsThePostsAskedForWhereTheSuggesterPutsThemAndASavedPlanOpensAgain(FxRobot robot)
            throws Exception {
        Project project = openPlanner(robot, Language.ENGLISH);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        setCount(robot, "weibo", 3);
        setCount(robot, "bilibili", 2);
        @SuppressWarnings("unchecked")
        ComboBox<Goal> goal = robot.lookup("#goalChoice").queryAs(ComboBox.class);
        fx(() -> goal.setValue(Goal.BUYERS));
        fx(robot.lookup("#suggestButton").queryButton()::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#post-4").tryQuery().isPresent()));

        Suggester.Suggestion suggestion = new Suggester(expected.model).suggest(new Suggester.Request(
                SchedulePlan.week(monday(), List.of()), Map.of("weibo", 3, "bilibili", 2),
                Map.of("weibo", expected.usualFormat("weibo"), "bilibili", expected.usualFormat("bilibili")),
                Goal.BUYERS, LocalDateTime.now(expected.zone), Map.of()));
        List<PlannedPost> posts = suggestion.plan().posts();
        assertEquals(5, posts.size());
        assertTrue(robot.lookup("#post-5").tryQuery().isEmpty(), "five posts, no more");
        for (int i = 0; i < posts.size(); i++) {
            PlannedPost post = posts.get(i);
            int day = (int) java.time.Duration.between(monday(), post.at()).toDays();
            String id = "#post-" + i;
            assertEquals("cell-" + day + "-" + post.at().getHour(),
                    fx(() -> robot.lookup(id).query().getParent().getId()), "post " + i);
        }
        assertTotals(robot, text, expected.simulate(posts));
        String reasons = label(robot, "#reasonsLabel");
        assertEquals(5, reasons.lines().count(), reasons);
        Suggester.Reason first = suggestion.reasons().getFirst();
        assertTrue(reasons.lines().findFirst().orElseThrow().startsWith(text.platform(first.post().platform()) + " "
                + first.post().at().format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm",
                Locale.ENGLISH)) + ": "), reasons);

        ScheduleStore store = new ScheduleStore(project.database());
        javafx.application.Platform.runLater(robot.lookup("#saveButton").queryButton()::fire);
        answerName(robot, "Launch week");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load("Launch week").isPresent());
        assertEquals(posts, store.load("Launch week").orElseThrow().plan().posts());
        assertEquals(expected.simulate(posts).total(), store.load("Launch week").orElseThrow().prediction().total(),
                "saved with what it was predicted to bring");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#post-0").tryQuery().isEmpty()));
        assertTotals(robot, text, expected.simulate(List.of()));
        @SuppressWarnings("unchecked")
        ComboBox<ScheduleStore.Saved> saved = robot.lookup("#savedChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getValue() != null);
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#post-4").tryQuery().isPresent()));
        assertTotals(robot, text, expected.simulate(posts));
        TableView<?> table = robot.lookup("#postTable").queryAs(TableView.class);
        assertEquals(5, table.getItems().size());
    }

    @Test
    void aMonthGreysItsPastHoursFlagsAPostInThemFatigueResimulatesAndTheChartAndPostsExport(FxRobot robot)
            throws Exception {
        Project project = openPlanner(robot, Language.ENGLISH);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        robot.clickOn("#monthToggle");
        LocalDate first = monday().toLocalDate().withDayOfMonth(1);
        int days = first.lengthOfMonth();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#cell-" + (days - 1) + "-23").tryQuery()
                .isPresent()));
        assertTrue(robot.lookup("#cell-" + days + "-0").tryQuery().isEmpty(), "one column per day of the month");
        LocalDateTime now = LocalDateTime.now(expected.zone);
        int today = now.getDayOfMonth() - 1;
        if (first.equals(now.toLocalDate().withDayOfMonth(1))) {
            assertTrue(robot.lookup("#cell-0-0").query().getStyleClass().contains("calendar-cell-past"));
            assertTrue(robot.lookup("#cell-" + (days - 1) + "-23").query().getStyleClass()
                    .contains("calendar-cell-past") == (today == days - 1 && now.getHour() == 23));
        }

        // Two Weibo posts an hour apart on the month's first day, and one a week later.
        dropPlatform(robot, "weibo", "#cell-0-10");
        dropPlatform(robot, "weibo", "#cell-0-11");
        dropPlatform(robot, "weibo", "#cell-7-11");
        String format = expected.usualFormat("weibo");
        List<PlannedPost> posts = List.of(PlannedPost.of("weibo", first.atTime(10, 0), format),
                PlannedPost.of("weibo", first.atTime(11, 0), format),
                PlannedPost.of("weibo", first.plusDays(7).atTime(11, 0), format));
        SchedulePlan month = new SchedulePlan(first.atStartOfDay(), days, SchedulePlan.DEFAULT_TAIL_DAYS, posts);
        assertTotals(robot, text, expected.simulator.simulate(month));
        long past = posts.stream().filter(post -> post.at().isBefore(now)).count();
        assertEquals(past > 0, robot.lookup("#post-0").query().getStyleClass().contains("post-chip-past"));
        assertEquals(past > 0, label(robot, "#notesLabel").contains(text.get("schedule.pastPosts", past)),
                label(robot, "#notesLabel"));

        javafx.scene.control.Slider fatigue = robot.lookup("#fatigueSlider").queryAs(javafx.scene.control.Slider.class);
        fx(() -> fatigue.setValue(0.9));
        Simulation tired = new Simulator(expected.model.withFatigue(0.9)).simulate(month);
        assertTotals(robot, text, tired);
        assertTrue(tired.total().reach().mean() < expected.simulator.simulate(month).total().reach().mean(),
                "more fatigue, less reach from posts an hour apart");
        assertEquals("90.0%", label(robot, "#fatigueValue"));
        look("planner-month-en");

        @SuppressWarnings("unchecked")
        StackedAreaChart<Number, Number> chart = robot.lookup("#reachChart").queryAs(StackedAreaChart.class);
        assertEquals(List.of("Save as PNG\u2026", "Copy image"), ExportMenu.of(chart).orElseThrow().getItems()
                .stream().map(javafx.scene.control.MenuItem::getText).toList());
        Path png = folder.resolve("reach.png");
        ChartImage.writePng(fx(() -> ChartImage.snapshot(chart)), png);
        BufferedImage written = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(chart.getWidth()), written.getWidth(), 1);
        long weiboFill = 0;
        for (int x = 0; x < written.getWidth(); x += 2) {
            for (int y = 0; y < written.getHeight(); y += 2) {
                int rgb = written.getRGB(x, y);
                // Weibo's #d9480f at 40% over white.
                if (Math.abs((rgb >> 16 & 0xFF) - 240) < 12 && Math.abs((rgb >> 8 & 0xFF) - 181) < 12
                        && Math.abs((rgb & 0xFF) - 159) < 12) {
                    weiboFill++;
                }
            }
        }
        assertTrue(weiboFill > 500, "Weibo's reach is drawn in its chips' colour: " + weiboFill + " points");

        TableView<?> table = robot.lookup("#postTable").queryAs(TableView.class);
        assertEquals(List.of("Save as CSV\u2026", "Copy table"), ExportMenu.of(table).orElseThrow().getItems()
                .stream().map(javafx.scene.control.MenuItem::getText).toList());
        Path csv = folder.resolve("posts.csv");
        RowExport.csv(fx(() -> TableSnapshot.of(table)), csv, TaskContext.silent());
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(4, lines.size(), "a header and a row per post: " + lines);
        assertTrue(lines.get(1).contains(posts.getFirst().at().format(java.time.format.DateTimeFormatter.ofPattern(
                "EEE d MMM, HH:mm", Locale.ENGLISH))), lines.get(1));
    }

    @Test
    void suggestAimedAtASavedSegmentWeighsHoursByItsMembersActivity(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        SegmentStore segments = new SegmentStore(project.database());
        Segmentation segmentation = segments.save(Segmenter.segment(new FactsReader(project.database())
                .read(Population.everyone(), TaskContext.silent()), SegmentationSettings.defaults("By value", 3),
                TaskContext.silent()));
        int segmentNo = segments.profiles(segmentation.id()).getFirst().number();
        showPlanner(robot);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        @SuppressWarnings("unchecked")
        ComboBox<Object> target = robot.lookup("#targetChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> target.getItems().size() == 4);
        fx(() -> target.getSelectionModel().select(1));
        setCount(robot, "douyin", 3);
        fx(robot.lookup("#suggestButton").queryButton()::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#post-2").tryQuery().isPresent()));

        Map<String, double[]> audience = AudienceHours.of(new Snapshots().of(project.database(), TaskContext.silent()),
                segments.members(segmentation.id(), segmentNo));
        Suggester.Suggestion suggestion = new Suggester(expected.model).suggest(new Suggester.Request(
                SchedulePlan.week(monday(), List.of()), Map.of("douyin", 3),
                Map.of("douyin", expected.usualFormat("douyin")), Goal.REACH, LocalDateTime.now(expected.zone),
                audience));
        List<PlannedPost> posts = suggestion.plan().posts();
        for (int i = 0; i < posts.size(); i++) {
            PlannedPost post = posts.get(i);
            int day = (int) java.time.Duration.between(monday(), post.at()).toDays();
            String id = "#post-" + i;
            assertEquals("cell-" + day + "-" + post.at().getHour(),
                    fx(() -> robot.lookup(id).query().getParent().getId()), "post " + i);
        }
        assertTotals(robot, text, expected.simulate(posts));
        double index = suggestion.reasons().getFirst().audienceIndex();
        assertNotEquals(1, index, "the segment is not exactly as active as everyone at that hour");
        assertTrue(label(robot, "#reasonsLabel").lines().findFirst().orElseThrow().endsWith(
                "; target audience " + (index > 1 ? "+" : "\u2212") + text.percent(Math.abs(index - 1))
                        + " as active as usual"), label(robot, "#reasonsLabel"));
    }

    @Test
    void aPlatformWithoutPostsIsPlannedWithDefaultsTheViewNames(FxRobot robot) throws Exception {
        Path copy = folder.resolve("new-platform.campaign");
        java.nio.file.Files.copy(demo, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Project maker = Project.open(ProjectLocations.under(folder.resolve("maker")), copy)) {
            maker.database().transaction(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO platform (code, name_en, name_zh, built_in) "
                            + "VALUES ('toutiao', 'Toutiao', '\u4eca\u65e5\u5934\u6761', FALSE)");
                }
                return null;
            });
            maker.save();
        }
        Project project = UiFixture.open(window, copy);
        showPlanner(robot);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.ENGLISH);
        PlatformModel assumed = expected.model.platform("toutiao").orElseThrow();
        assertTrue(!assumed.history(), "no posts, no history");
        NumberFormat decimal = NumberFormat.getNumberInstance(Locale.ENGLISH);
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        assertEquals("No post history for Toutiao: using defaults (half-life "
                        + decimal.format(assumed.halfLifeHours()) + " h, typical reach "
                        + text.count(assumed.expectedReach("video")) + ", engagement rate "
                        + text.percent(assumed.platformRate()) + ").",
                label(robot, "#notesLabel"));

        dropPlatform(robot, "toutiao", "#cell-4-19");
        assertTotals(robot, text, expected.simulate(List.of(PlannedPost.of("toutiao",
                monday().plusDays(4).plusHours(19), "video"))));
    }

    @Test
    void inChineseThePlannerShowsNoEnglish(FxRobot robot) throws Exception {
        Project project = openPlanner(robot, Language.SIMPLIFIED_CHINESE);
        Expected expected = new Expected(project);
        UiText text = new UiText(Locale.SIMPLIFIED_CHINESE);
        dropPlatform(robot, "weibo", "#cell-1-20");
        assertTotals(robot, text, expected.simulate(List.of(PlannedPost.of("weibo", monday().plusDays(1).plusHours(20),
                expected.usualFormat("weibo")))));
        robot.clickOn("#post-0");
        setCount(robot, "weibo", 2);
        fx(robot.lookup("#suggestButton").queryButton()::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !label(robot, "#reasonsLabel").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> english = new ArrayList<>();
        for (ShownText.Piece piece : fx(() -> new ShownText(column -> false, node -> false)
                .collect(stage.getScene().getRoot(), "planner"))) {
            if (!LatinWords.in(piece.text()).isEmpty()) {
                english.add(LatinWords.in(piece.text()) + " in " + piece);
            }
        }
        look("planner-suggested-zh");
        assertEquals(List.of(), english);
    }

    // Driving the view

    private Project openPlanner(FxRobot robot, Language language) throws Exception {
        if (language != Language.ENGLISH) {
            fx(() -> {
                window = TestWindows.show(stage, folder.resolve("home-" + language), language, false);
                return null;
            });
        }
        Project project = UiFixture.open(window, demo);
        showPlanner(robot);
        return project;
    }

    /** Shows the Schedule section and waits for its model and the first totals. */
    private void showPlanner(FxRobot robot) throws Exception {
        UiFixture.show(window, Section.SCHEDULE);
        FlowPane palette = robot.lookup("#palette").queryAs(FlowPane.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !palette.getChildren().isEmpty()
                && !robot.lookup("#total-reach").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Drops a palette chip's platform on an hour of the calendar, as the chip's drag carries it. */
    private static void dropPlatform(FxRobot robot, String platform, String cell) throws Exception {
        Node chip = robot.lookup("#palette-" + platform).query();
        Node target = robot.lookup(cell).query();
        assertTrue(fx(() -> DropEvents.drop(chip, target, Map.of(PlanDrag.ADD_POST, platform), TransferMode.COPY)),
                "the hour takes the drop");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Drags the post at {@code index} to another hour, as its chip's drag carries it. */
    private static void dropPost(FxRobot robot, int index, String cell) throws Exception {
        Node chip = robot.lookup("#post-" + index).query();
        Node target = robot.lookup(cell).query();
        assertTrue(fx(() -> DropEvents.drop(chip, target, Map.of(PlanDrag.MOVE_POST, index), TransferMode.MOVE)),
                "the hour takes the drop");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void setCount(FxRobot robot, String platform, int count) throws Exception {
        Spinner<Integer> spinner = robot.lookup("#count-" + platform).queryAs(Spinner.class);
        fx(() -> spinner.getValueFactory().setValue(count));
    }

    private void answerName(FxRobot robot, String name) throws Exception {
        DialogPane pane = UiFixture.dialog(robot, stage);
        TextField editor = (TextField) pane.lookup(".text-field");
        fx(() -> editor.setText(name));
        javafx.stage.Window dialog = pane.getScene().getWindow();
        fx(UiFixture.button(pane, "OK")::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until every total and its interval reads as {@code simulation}'s. */
    private static void assertTotals(FxRobot robot, UiText text, Simulation simulation) throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            wanted.put("#total-" + metric.key(), figure(text, metric, simulation.total().get(metric).mean()));
            wanted.put("#interval-" + metric.key(), figure(text, metric, simulation.total().get(metric).low())
                    + " \u2013 " + figure(text, metric, simulation.total().get(metric).high()));
        }
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wanted.entrySet().stream()
                    .allMatch(entry -> entry.getValue().equals(label(robot, entry.getKey()))));
        } catch (java.util.concurrent.TimeoutException e) {
            wanted.forEach((id, value) -> assertEquals(value, label(robot, id), id));
        }
        assertNotEquals("", label(robot, "#total-reach"));
    }

    /** A figure as the planner writes it: yuan for revenue, a decimal below 100, else a count. */
    private static String figure(UiText text, Metric metric, double value) {
        if (metric == Metric.REVENUE) {
            return text.yuan(value);
        }
        if (Math.abs(value) < 100) {
            NumberFormat decimal = NumberFormat.getNumberInstance(text.locale());
            decimal.setMinimumFractionDigits(1);
            decimal.setMaximumFractionDigits(1);
            return decimal.format(value);
        }
        return text.count(value);
    }

    /** A label's text, looked up on the FX thread: the view rebuilds its tables and labels as results arrive. */
    private static String label(FxRobot robot, String id) {
        try {
            return fx(() -> robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime monday() {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay();
    }

    /**
     * Draws the window at 1240x800 and, in a scene of its own off screen, at 1920x1080; fails on what a person would
     * see as broken.
     */
    private void look(String name) throws Exception {
        List<String> findings = new ArrayList<>();
        fx(() -> {
            stage.setWidth(1240);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.snapshot(stage.getScene());
        Screenshots.save(stage.getScene(), name + "-1240x800");
        ScrollPane page = (ScrollPane) stage.getScene().getRoot().lookup(".planner");
        fx(() -> page.setVvalue(1));
        Screenshots.save(stage.getScene(), name + "-1240x800-results");
        fx(() -> page.setVvalue(0));
        findings.addAll(fx(() -> ViewChecks.findings(stage.getScene().getRoot())));
        Scene original = stage.getScene();
        Scene large = fx(() -> {
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offScreen = new Scene(root, 1920, 1080);
            offScreen.getStylesheets().setAll(original.getStylesheets());
            return offScreen;
        });
        Screenshots.snapshot(large);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(large, name + "-1920x1080");
        findings.addAll(fx(() -> ViewChecks.findings(large.getRoot())));
        fx(() -> {
            Parent root = large.getRoot();
            large.setRoot(new Region());
            original.setRoot(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), findings, name);
    }

    /**
     * The model the view should read from the demo, with its default settings and the fatigue the demo's posts show
     * (to the hundredth, as the slider holds it), and what it predicts.
     */
    private static final class Expected {
        final ScheduleModel model;
        final ZoneId zone;
        final PostHistory history;
        final Simulator simulator;

        Expected(Project project) throws Exception {
            ScheduleModels.Built built = ScheduleModels.forProject(project.database(), new Snapshots(),
                    ScheduleSettings.defaults(), false, TaskContext.silent()).built();
            history = PostHistory.read(project.database());
            model = built.model();
            zone = built.projectZone();
            simulator = new Simulator(model);
        }

        /** The format most of the platform's posts have. */
        String usualFormat(String platform) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < history.size(); i++) {
                if (history.platformCode(i).equals(platform)) {
                    counts.merge(history.formatCode(i), 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        Simulation simulate(List<PlannedPost> posts) {
            return simulator.simulate(SchedulePlan.week(monday(), posts));
        }
    }
}
