package com.campaignstudio.ui;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelFigures;
import com.campaignstudio.funnels.FunnelGroup;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.FunnelStore;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.PersonGroups;
import com.campaignstudio.funnels.StepFigures;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.funnels.TimeBin;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.ChartImage;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.funnels.FunnelBarChart;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Funnel tab on the demo project, driven as a person would: the steps, rates, intervals, times, trend and
 * histogram shown are those {@link Funnels} computes for the same definition, formatted here as the view is meant
 * to write them; a breakdown by platform shows each platform under its name; a saved funnel reopens after the
 * project is closed and opened again, and is renamed and deleted (only after confirming); the funnel chart exports
 * as a PNG; steps without events and an empty segment are said in words; the Chinese tab has no English.
 */
@ExtendWith(ApplicationExtension.class)
class FunnelViewTest {

    private static final FunnelDefinition SOCIAL = new FunnelDefinition(FunnelDefinition.SOCIAL_TO_SALE,
            Duration.ofDays(7), StepOrder.STRICT);

    @TempDir
    static Path folder;
    static Path demo;
    private UiText text = new UiText(Locale.ENGLISH);
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
    void theFunnelFromAPostToAPaymentShowsTheDomainsFiguresForTheSameDefinition(FxRobot robot) throws Exception {
        Project project = openFunnels(robot);
        FunnelResult expected = expected(project, SOCIAL, Breakdown.NONE);
        FunnelResult trend = expected(project, SOCIAL, Breakdown.PERIOD);

        assertEquals(List.of("view", "click", "register", "purchase"), shownSteps(robot),
                "the demo has engagement and orders: the funnel from a post to a payment is the default");
        FunnelFigures overall = expected.overall();
        assertEquals(text.integer(overall.entered()) + " people did View; " + text.integer(overall.converted())
                + " of them (" + rate(overall.steps().getLast().overallConversion().orElseThrow()) + ") went on to "
                + "Purchase within 7 days (steps in order).", label(robot, "#resultTitle"));
        assertEquals("Buyers linked to no follower: " + text.integer(expected.unlinkedBuyers()) + " (they cannot "
                + "follow a step on a platform). Still inside their window (7 days) at the data end: "
                + text.integer(overall.stillOpen()) + " (they may yet convert).", label(robot, "#factsLabel"));
        assertTrue(label(robot, "#notesLabel").contains(Reason.of("funnel.note.refundsLeftOut",
                snapshot(project).refundsLeftOut()).english()), "what was left out: " + label(robot, "#notesLabel"));
        assertSteps(robot, List.of(Map.entry("Everyone", overall)));
        assertFunnelChart(robot, List.of(Map.entry("Everyone", overall)), true);
        assertTrend(robot, trend);
        assertTimes(robot, overall);
        look(robot, "funnel-en");
    }

    @Test
    void aBreakdownByPlatformShowsEachPlatformsFiguresUnderItsName(FxRobot robot) throws Exception {
        Project project = openFunnels(robot);
        choose(robot, "#breakdownChoice", Breakdown.PLATFORM);
        run(robot);
        FunnelResult expected = expected(project, SOCIAL, Breakdown.PLATFORM);
        assertTrue(expected.groups().size() >= 3, "the demo posts on several platforms");
        List<Map.Entry<String, FunnelFigures>> groups = new ArrayList<>();
        groups.add(Map.entry("Everyone", expected.overall()));
        for (FunnelGroup group : expected.groups()) {
            groups.add(Map.entry(text.platform(group.label().key()), group.figures()));
        }
        assertFalse(groups.stream().anyMatch(group -> UiText.PLATFORMS.contains(group.getKey())),
                "platforms by their names, not their codes: " + groups);
        assertSteps(robot, groups);
        assertFunnelChart(robot, groups.subList(1, groups.size()), false);
        look(robot, "funnel-platform-en");

        choose(robot, "#breakdownChoice", Breakdown.PERIOD);
        run(robot);
        FunnelResult byMonth = expected(project, SOCIAL, Breakdown.PERIOD);
        List<Map.Entry<String, FunnelFigures>> months = new ArrayList<>();
        months.add(Map.entry("Everyone", byMonth.overall()));
        for (FunnelGroup group : byMonth.groups()) {
            YearMonth month = YearMonth.parse(group.label().key());
            months.add(Map.entry(month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                    + " " + month.getYear(), group.figures()));
        }
        assertSteps(robot, months);
        assertTrue(byMonth.groups().size() > 8, "more months than the chart draws side by side");
        assertFunnelChart(robot, List.of(Map.entry("Everyone", byMonth.overall())), true);
        assertTrue(label(robot, "#notesLabel").endsWith(byMonth.groups().size() + " groups are too many to draw "
                + "side by side: the chart shows everyone, the table lists every group."), label(robot, "#notesLabel"));
    }

    @Test
    void aSavedFunnelReopensAfterTheProjectIsReopenedAndIsRenamedAndDeletedOnlyAfterConfirming(FxRobot robot)
            throws Exception {
        Project project = openFunnels(robot);
        robot.clickOn("#removeStep2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("view", "click", "purchase"), shownSteps(robot));
        @SuppressWarnings("unchecked")
        Spinner<Integer> amount = robot.lookup("#windowAmount").queryAs(Spinner.class);
        fx(() -> amount.getValueFactory().setValue(2));
        choose(robot, "#windowUnit", "weeks");
        choose(robot, "#breakdownChoice", Breakdown.PLATFORM);
        javafx.application.Platform.runLater(robot.lookup("#saveButton").queryButton()::fire);
        answerName(robot, "Post to sale");
        FunnelStore store = new FunnelStore(project.database());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load("Post to sale").isPresent());
        FunnelDefinition saved = new FunnelDefinition(List.of("view", "click", "purchase"), Duration.ofDays(14),
                StepOrder.STRICT);
        assertEquals(saved, store.load("Post to sale").orElseThrow().definition());
        assertTrue(window.state().unsavedProperty().get(), "the project has a change to save");
        project.save();
        UiFixture.closeQuietly(window);

        Project reopened = openFunnels(robot);
        ComboBox<?> savedChoice = robot.lookup("#savedChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedChoice.getItems().size() == 1);
        fx(() -> savedChoice.getSelectionModel().select(0));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stepRows(robot) == 3 * (1
                + expected(reopened, saved, Breakdown.PLATFORM).groups().size()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("view", "click", "purchase"), shownSteps(robot), "opened as saved");
        assertEquals(2, amount.getValue());
        assertEquals("Showing \u201cPost to sale\u201d", label(robot, "#savedNameLabel"));
        FunnelResult expected = expected(reopened, saved, Breakdown.PLATFORM);
        List<Map.Entry<String, FunnelFigures>> groups = new ArrayList<>();
        groups.add(Map.entry("Everyone", expected.overall()));
        expected.groups().forEach(group -> groups.add(Map.entry(text.platform(group.label().key()), group.figures())));
        assertSteps(robot, groups);

        FunnelStore reopenedStore = new FunnelStore(reopened.database());
        javafx.application.Platform.runLater(robot.lookup("#renameButton").queryButton()::fire);
        answerName(robot, "Social to sale");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> reopenedStore.load("Social to sale").isPresent());
        assertTrue(reopenedStore.load("Post to sale").isEmpty(), "renamed, not copied");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#savedNameLabel")
                .equals("Showing \u201cSocial to sale\u201d"));

        javafx.application.Platform.runLater(robot.lookup("#deleteButton").queryButton()::fire);
        DialogPane delete = UiFixture.dialog(robot, stage);
        assertEquals("Delete the saved funnel \u201cSocial to sale\u201d from the project? This cannot be undone.",
                ((Label) delete.getContent()).getText());
        fx(UiFixture.button(delete, "Cancel")::fire);
        UiFixture.noDialog(robot, stage);
        assertTrue(reopenedStore.load("Social to sale").isPresent(), "kept without a yes");
        javafx.application.Platform.runLater(robot.lookup("#deleteButton").queryButton()::fire);
        fx(UiFixture.button(UiFixture.dialog(robot, stage), "OK")::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> reopenedStore.list().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedChoice.getItems().isEmpty());
    }

    @Test
    void theFunnelChartExportsAsAPngOfWhatIsDrawn(FxRobot robot) throws Exception {
        openFunnels(robot);
        FunnelBarChart chart = robot.lookup("#funnelChart").queryAs(FunnelBarChart.class);
        assertEquals(List.of("Save as PNG\u2026", "Copy image"), ExportMenu.of(chart).orElseThrow().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList());
        Path file = folder.resolve("funnel.png");
        WritableImage image = fx(() -> ChartImage.snapshot(chart));
        ChartImage.writePng(image, file);
        BufferedImage written = ImageIO.read(file.toFile());
        assertEquals((int) Math.ceil(chart.getWidth()), written.getWidth(), 1);
        assertEquals((int) Math.ceil(chart.getHeight()), written.getHeight(), 1);
        long orange = 0;
        for (int x = 0; x < written.getWidth(); x += 2) {
            for (int y = 0; y < written.getHeight(); y += 2) {
                int rgb = written.getRGB(x, y);
                int red = rgb >> 16 & 0xFF;
                int green = rgb >> 8 & 0xFF;
                int blue = rgb & 0xFF;
                if (red > 180 && green > 40 && green < 120 && blue < 60) {
                    orange++;
                }
            }
        }
        assertTrue(orange > 500, "the bars are drawn, in the view's orange: " + orange + " points");
    }

    @Test
    void aStepWithoutEventsAndAnEmptySegmentAreSaidInWordsNotDrawnBlank(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        Segmentation segmented = Segmenter.segment(new FactsReader(project.database()).read(Population.everyone(),
                TaskContext.silent()), SegmentationSettings.defaults("By value", 3), TaskContext.silent());
        // The same segments with nobody left in the third: an empty segment to choose.
        int[] withoutThird = Arrays.stream(segmented.segment()).map(s -> s == 2 ? 0 : s).toArray();
        new SegmentStore(project.database()).save(new Segmentation(0, SegmentationSettings.defaults("Emptied", 3),
                segmented.createdAt(), segmented.asOf(), segmented.columns(), segmented.followerIds(), withoutThird,
                segmented.engagement(), segmented.profiles(), segmented.scatter(), segmented.notes()));
        UiFixture.show(window, Section.FUNNELS);
        waitForRows(robot);
        assertTrue(snapshot(project).kindCode("favourite") < 0, "the demo has no favourites");

        @SuppressWarnings("unchecked")
        ComboBox<String> second = robot.lookup("#stepChoice1").queryAs(ComboBox.class);
        fx(() -> second.setValue("favourite"));
        run(robot);
        String noEvents = "The project has no Favourite events, so nobody can reach that step. Import them, or "
                + "choose another step.";
        assertProblem(robot, noEvents);

        fx(() -> second.setValue("click"));
        ComboBox<?> population = robot.lookup("#populationChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> population.getItems().size() == 4);
        fx(() -> population.getSelectionModel().select(1));
        run(robot);
        ActivitySnapshot snapshot = snapshot(project);
        FunnelResult first = Funnels.run(snapshot, new FunnelQuery(SOCIAL, Breakdown.NONE, Period.MONTH,
                Optional.empty(), Optional.of(PersonGroups.ofFollowers(snapshot, segmented.followerIds(), withoutThird,
                        List.of("a", "b", "c")).members(0))), TaskContext.silent());
        assertTrue(label(robot, "#resultTitle").startsWith(text.integer(first.overall().entered()) + " people did View; "
                + text.integer(first.overall().converted()) + " of them"), "the most valuable segment only: "
                + label(robot, "#resultTitle"));
        assertTrue(first.overall().entered() < expected(project, SOCIAL, Breakdown.NONE).overall().entered());

        String third = segmented.profiles().get(2).name();
        fx(() -> population.getSelectionModel().select(3));
        run(robot);
        assertProblem(robot, "Nobody in \u201c" + third + "\u201d of \u201cEmptied\u201d has any activity in this "
                + "project: the segment is empty here. Choose another segment, or Everyone.");
        Screenshots.save(stage.getScene(), "funnel-empty-segment");
    }

    @Test
    void inChineseTheFunnelTabHasNoEnglish(FxRobot robot) throws Exception {
        text = new UiText(Locale.SIMPLIFIED_CHINESE);
        fx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-zh"), Language.SIMPLIFIED_CHINESE, false);
            return null;
        });
        Project project = openFunnels(robot);
        FunnelResult expected = expected(project, SOCIAL, Breakdown.NONE);
        assertTrue(label(robot, "#resultTitle").startsWith(text.integer(expected.overall().entered()) + " 人完成了“浏览”"),
                label(robot, "#resultTitle"));
        List<String> english = new ArrayList<>(english("funnel"));
        look(robot, "funnel-zh");
        choose(robot, "#breakdownChoice", Breakdown.PLATFORM);
        run(robot);
        english.addAll(english("by platform"));
        look(robot, "funnel-platform-zh");
        @SuppressWarnings("unchecked")
        ComboBox<String> second = robot.lookup("#stepChoice1").queryAs(ComboBox.class);
        fx(() -> second.setValue("favourite"));
        run(robot);
        english.addAll(english("no favourites"));
        assertTrue(english.isEmpty(), String.join("\n", english));
    }

    // Driving the view

    private Project openFunnels(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.FUNNELS);
        waitForRows(robot);
        return project;
    }

    /** Waits until the run the view starts with (or the one asked for) has filled the table. */
    private void waitForRows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stepRows(robot) > 0
                && !robot.lookup("#runButton").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int stepRows(FxRobot robot) {
        return robot.lookup("#stepTable").queryAs(TableView.class).getItems().size();
    }

    /** F5, then waits for the run to end. */
    private void run(FxRobot robot) throws Exception {
        robot.clickOn("#stepsLabel");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> void choose(FxRobot robot, String id, T value) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = robot.lookup(id).queryAs(ComboBox.class);
        Object choice = value instanceof String key ? box.getItems().stream()
                .filter(item -> item.toString().equalsIgnoreCase(key)).findFirst().orElseThrow() : value;
        fx(() -> box.setValue(choice));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> shownSteps(FxRobot robot) throws Exception {
        List<String> steps = new ArrayList<>();
        for (int s = 0; robot.lookup("#stepChoice" + s).tryQuery().isPresent(); s++) {
            steps.add((String) robot.lookup("#stepChoice" + s).queryAs(ComboBox.class).getValue());
        }
        return steps;
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

    // What the domain computes

    private static ActivitySnapshot snapshot(Project project) throws Exception {
        return new Snapshots().of(project.database(), TaskContext.silent());
    }

    private static FunnelResult expected(Project project, FunnelDefinition definition, Breakdown breakdown)
            throws Exception {
        return Funnels.run(snapshot(project), new FunnelQuery(definition, breakdown, Period.MONTH, Optional.empty(),
                Optional.empty()), TaskContext.silent());
    }

    // What the view shows

    /** Each group's rows in order (everyone first): step, people, conversions with intervals, drop-off, times. */
    private void assertSteps(FxRobot robot, List<Map.Entry<String, FunnelFigures>> groups) throws Exception {
        TableView<?> table = robot.lookup("#stepTable").queryAs(TableView.class);
        assertEquals(groups.stream().mapToInt(group -> group.getValue().steps().size()).sum(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, FunnelFigures> group : groups) {
            List<StepFigures> steps = group.getValue().steps();
            for (int s = 0; s < steps.size(); s++) {
                StepFigures step = steps.get(s);
                int r = row++;
                int n = s;
                if (groups.size() > 1) {
                    checks.add(() -> assertEquals(group.getKey(), cell(table, r, "groupColumn"), "group, row " + r));
                }
                checks.add(() -> assertEquals((n + 1) + ". " + stepName(step.step()), cell(table, r, "stepColumn")));
                checks.add(() -> assertEquals(step.people(), ((Number) value(table, r, "peopleColumn")).longValue(),
                        group.getKey() + " " + step.step()));
                checks.add(() -> assertEquals(step.stepConversion().map(FunnelViewTest::rate).orElse("\u2013"),
                        cell(table, r, "stepRate")));
                checks.add(() -> assertEquals(step.stepConversion().map(this::interval).orElse("\u2013"),
                        cell(table, r, "stepInterval")));
                checks.add(() -> assertEquals(step.overallConversion().map(FunnelViewTest::rate).orElse("\u2013"),
                        cell(table, r, "overallRate")));
                checks.add(() -> assertEquals(step.overallConversion().map(this::interval).orElse("\u2013"),
                        cell(table, r, "overallInterval")));
                checks.add(() -> assertEquals(step.dropOff(), ((Number) value(table, r, "dropOffColumn")).longValue()));
                checks.add(() -> assertEquals(step.timeFromPrevious().map(p -> duration(p.median())).orElse("\u2013"),
                        cell(table, r, "timeMedian")));
                checks.add(() -> assertEquals(step.timeFromPrevious().map(p -> duration(p.p25())).orElse("\u2013"),
                        cell(table, r, "timeP25")));
                checks.add(() -> assertEquals(step.timeFromPrevious().map(p -> duration(p.p75())).orElse("\u2013"),
                        cell(table, r, "timeP75")));
                checks.add(() -> assertEquals(step.timeFromPrevious().map(p -> duration(p.p90())).orElse("\u2013"),
                        cell(table, r, "timeP90")));
                checks.add(() -> assertEquals(step.outOfOrder(),
                        ((Number) value(table, r, "outOfOrderColumn")).longValue()));
            }
        }
        assertAll("step table", checks);
    }

    /** A series per group with a bar per step at its people, labelled with the step conversion. */
    private void assertFunnelChart(FxRobot robot, List<Map.Entry<String, FunnelFigures>> groups, boolean withPeople) {
        FunnelBarChart chart = robot.lookup("#funnelChart").queryAs(FunnelBarChart.class);
        assertEquals(groups.stream().map(Map.Entry::getKey).toList(),
                chart.getData().stream().map(XYChart.Series::getName).toList());
        for (int g = 0; g < groups.size(); g++) {
            List<StepFigures> steps = groups.get(g).getValue().steps();
            List<XYChart.Data<String, Number>> bars = chart.getData().get(g).getData();
            assertEquals(steps.size(), bars.size());
            for (int s = 0; s < steps.size(); s++) {
                StepFigures step = steps.get(s);
                assertEquals((s + 1) + ". " + stepName(step.step()), bars.get(s).getXValue());
                assertEquals(step.people(), bars.get(s).getYValue().longValue());
                String rate = step.stepConversion().map(FunnelViewTest::rate).orElse("");
                String expected = withPeople ? (rate.isEmpty() ? text.integer(step.people())
                        : text.integer(step.people()) + "\n" + rate) : rate;
                assertEquals(expected, chart.label(bars.get(s)), groups.get(g).getKey() + " " + step.step());
            }
        }
    }

    /** A point per month of entry at the overall conversion, and the Wilson band around it. */
    private void assertTrend(FxRobot robot, FunnelResult trend) {
        BandedLineChart chart = robot.lookup("#trendChart").queryAs(BandedLineChart.class);
        List<XYChart.Data<Number, Number>> points = chart.getData().getFirst().getData();
        List<FunnelGroup> months = trend.groups().stream()
                .filter(group -> group.figures().steps().getLast().overallConversion().isPresent()).toList();
        assertTrue(months.size() > 6, "the demo spans months");
        assertEquals(months.size(), points.size());
        BandedLineChart.Band band = chart.bands().getFirst();
        for (int m = 0; m < months.size(); m++) {
            Proportion overall = months.get(m).figures().steps().getLast().overallConversion().orElseThrow();
            YearMonth month = YearMonth.parse(months.get(m).label().key());
            assertEquals(Period.MONTH.ofDay(month.atDay(1).toEpochDay()), points.get(m).getXValue().intValue());
            assertEquals(overall.rate() * 100, points.get(m).getYValue().doubleValue(), 1e-9);
            assertEquals(overall.low() * 100, band.low()[m], 1e-9);
            assertEquals(overall.high() * 100, band.high()[m], 1e-9);
        }
    }

    /** A bar per bin of the engine's histogram, named by where it starts, in days (the window is a week). */
    private void assertTimes(FxRobot robot, FunnelFigures overall) {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#timeChart").queryAs(BarChart.class);
        List<XYChart.Data<String, Number>> bars = chart.getData().getFirst().getData();
        List<TimeBin> bins = overall.timeToConvert();
        assertEquals(bins.size(), bars.size());
        for (int b = 0; b < bins.size(); b++) {
            java.text.NumberFormat days = java.text.NumberFormat.getNumberInstance(text.locale());
            days.setMaximumFractionDigits(2);
            assertEquals(days.format(bins.get(b).fromSeconds() / 86_400.0), bars.get(b).getXValue());
            assertEquals(bins.get(b).people(), bars.get(b).getYValue().longValue());
        }
        assertEquals(bins.stream().mapToLong(TimeBin::people).sum(), overall.converted());
    }

    private void assertProblem(FxRobot robot, String problem) throws Exception {
        assertEquals(problem, label(robot, "#resultTitle"));
        assertEquals(0, stepRows(robot), "no figures");
        FunnelBarChart chart = robot.lookup("#funnelChart").queryAs(FunnelBarChart.class);
        assertTrue(chart.getData().isEmpty());
        assertFalse(chart.isVisible(), "no empty axes");
        Label placeholder = (Label) fx(() -> chart.getParent().lookup(".chart-placeholder"));
        assertTrue(placeholder.isVisible());
        assertEquals(problem, placeholder.getText(), "said where the chart would be");
    }

    /** The English words the funnel tab shows in Chinese, with where they are. */
    private List<String> english(String context) throws Exception {
        ShownText shown = new ShownText(column -> false, node -> false);
        Parent root = stage.getScene().getRoot();
        Callable<List<ShownText.Piece>> collect = () -> shown.collect(root, context);
        return fx(collect).stream().filter(piece -> !LatinWords.in(piece.text()).isEmpty())
                .map(piece -> LatinWords.in(piece.text()) + " in " + piece).toList();
    }

    private static String cell(TableView<?> table, int row, String columnId) throws Exception {
        return String.valueOf(value(table, row, columnId));
    }

    private static Object value(TableView<?> table, int row, String columnId) throws Exception {
        TableColumn<?, ?> column = fx(() -> table.getVisibleLeafColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + columnId)));
        return fx(() -> column.getCellObservableValue(row).getValue());
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /**
     * The tab at the window's size and at 1920x1080 (drawn off screen: the headless screen is smaller), saved for a
     * person to look at.
     */
    private void look(FxRobot robot, String name) throws Exception {
        Screenshots.save(stage.getScene(), name + "-1240x800");
        javafx.scene.control.ScrollPane scroll = robot.lookup(".funnel-view").queryAs(javafx.scene.control.ScrollPane.class);
        fx(() -> scroll.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), name + "-1240x800-below");
        fx(() -> scroll.setVvalue(0));
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
        fx(() -> {
            Parent root = large.getRoot();
            large.setRoot(new Region());
            original.setRoot(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // Figures as the view is meant to write them

    private String stepName(String step) {
        return step.equals("purchase") ? text.get("funnel.view.step.purchase") : text.get("value.engagement." + step);
    }

    private static String rate(Proportion proportion) {
        return percent(proportion.rate());
    }

    private static String percent(double share) {
        return String.format(Locale.US, "%.1f%%", share * 100);
    }

    private String interval(Proportion proportion) {
        return text.get("experiment.format.range", percent(proportion.low()), percent(proportion.high()));
    }

    private String duration(double seconds) {
        if (seconds < 60) {
            return text.get("funnel.view.seconds", String.format(Locale.US, "%.0f", seconds));
        }
        if (seconds < 3600) {
            return text.get("funnel.view.minutes", String.format(Locale.US, "%.0f", seconds / 60));
        }
        if (seconds < 86_400) {
            return text.get("funnel.view.hours", String.format(Locale.US, "%.1f", seconds / 3600));
        }
        return text.get("funnel.view.days", String.format(Locale.US, "%.1f", seconds / 86_400));
    }
}
