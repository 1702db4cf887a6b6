package com.campaignstudio.ui;

import com.campaignstudio.funnels.PersonGroups;
import com.campaignstudio.ltv.ExpectedRevenueCurve;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.retention.Activity;
import com.campaignstudio.retention.Cohort;
import com.campaignstudio.retention.CohortBasis;
import com.campaignstudio.retention.PlatformRevenue;
import com.campaignstudio.retention.Retention;
import com.campaignstudio.retention.RetentionCell;
import com.campaignstudio.retention.RetentionResult;
import com.campaignstudio.retention.RetentionSettings;
import com.campaignstudio.retention.StreakRatios;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
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
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.RetentionLiveFixture.label;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Retention tab of Funnels &amp; retention on the demo project: the heat map's cells, tooltips and cohort sizes,
 * the curves and the active-days ratio are what {@link Retention} computes for the same settings (formatted here as
 * the view is meant to write them); the lifetime-value model's expected curve is drawn over revenue retention once
 * Lifetime value has a fit, and the view says how to get one before; a saved segment keeps to its members; a
 * project without data, a cohort of one and an empty segment say so and what to do; a chart exports.
 */
@ExtendWith(ApplicationExtension.class)
class RetentionViewTest {

    private static final RetentionSettings SHOWN = new RetentionSettings(CohortBasis.PURCHASE, Period.MONTH,
            Activity.PURCHASE, 12, 12);

    @TempDir
    static Path folder;
    static Path demo;
    private final UiText text = new UiText(Locale.ENGLISH);
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
    void theHeatMapCurvesAndActiveDaysRatioAreWhatRetentionComputes(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        RetentionResult expected = makeTable(robot, project, SHOWN, Optional.empty());

        long members = expected.cohorts().stream().mapToLong(Cohort::size).sum();
        assertEquals(text.integer(members) + " people in cohorts by first purchase, by month; active = bought; Everyone",
                label(robot, "#retentionResultTitle"));
        assertHeatMap(robot, expected);

        LineChart<?, ?> curves = robot.lookup("#retentionCurveChart").queryAs(LineChart.class);
        List<Cohort> drawn = expected.cohorts().stream()
                .filter(c -> c.cells().stream().filter(cell -> !cell.partial()).count() >= 3).toList();
        drawn = drawn.subList(Math.max(0, drawn.size() - 6), drawn.size());
        assertEquals(drawn.stream().map(c -> c.label().key()).toList(),
                curves.getData().stream().map(XYChart.Series::getName).toList(), "the latest six with three full periods");
        for (int i = 0; i < drawn.size(); i++) {
            assertEquals(drawn.get(i).cells().stream().filter(cell -> !cell.partial())
                            .map(cell -> 100 * cell.share().rate()).toList(),
                    curves.getData().get(i).getData().stream().map(d -> ((Number) d.getYValue()).doubleValue()).toList());
        }

        StreakRatios streaks = expected.streaks();
        assertEquals(text.integer(streaks.people()) + " people were active on two days or more: on average the longest "
                + "run of consecutive active days is " + text.percent(streaks.mean().orElseThrow()) + " of their active "
                + "days (median " + text.percent(streaks.median().orElseThrow()) + "); active on 60 days with 30 in a "
                + "row at best is 50%. " + text.integer(streaks.singleDay()) + " people active on a single day are left "
                + "out (one day is trivially 100%).", label(robot, "#retentionStreakNote"));
        BarChart<?, ?> histogram = robot.lookup("#retentionStreakChart").queryAs(BarChart.class);
        assertEquals(streaks.bins(), histogram.getData().getFirst().getData().stream()
                .map(d -> ((Number) d.getYValue()).longValue()).toList());

        assertEquals(text.get("retention.expected.noFit"), label(robot, "#retentionExpectedNote"), "no fit yet, and how to get one");
        LineChart<?, ?> revenue = robot.lookup("#retentionRevenueChart").queryAs(LineChart.class);
        assertFalse(revenue.getData().stream().anyMatch(s -> s.getName().equals("Expected (lifetime-value model)")));
        LineChart<?, ?> platforms = robot.lookup("#retentionPlatformChart").queryAs(LineChart.class);
        assertEquals(expected.byPlatform().stream().map(p -> p.platform().english()).toList(),
                platforms.getData().stream().map(XYChart.Series::getName).toList());

        RetentionLiveFixture.exportChart(robot.lookup("#retentionCurveChart").query(), folder.resolve("curves.png"));
        RetentionLiveFixture.page(robot, "#retentionPage", "retention-en-page");
        List<String> findings = RetentionLiveFixture.pictures(stage, "retention-en");
        assertEquals(List.of(), findings, "nothing cut short, no empty axes");
    }

    @Test
    void theLifetimeValueModelsExpectedCurveIsDrawnOverRevenueRetentionOnceThereIsAFit(FxRobot robot)
            throws Exception {
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.LIFETIME_VALUE);
        robot.push(KeyCode.F5);
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> parameters.getItems().size() == 7);
        RetentionResult expected = makeTable(robot, project, SHOWN, Optional.empty());

        LtvResult fit = new LtvRun(project.database()).run(LtvSettings.defaults(), TaskContext.silent());
        ExpectedRevenueCurve curve = ExpectedRevenueCurve.of(fit).orElseThrow();
        assertTrue(label(robot, "#retentionExpectedNote").startsWith("Dashed: what the lifetime-value model expects a new "
                + "customer to have spent by the end of each period: the first purchase and the repeats the BG/NBD "
                + "model expects, each at the Gamma-Gamma mean order value " + text.yuan(curve.orderValue())
                + ". Fitted in Lifetime value on " + text.integer(fit.summary().size()) + " customers (all customers)"),
                label(robot, "#retentionExpectedNote"));
        for (String id : List.of("#retentionRevenueChart", "#retentionPlatformChart")) {
            LineChart<?, ?> chart = robot.lookup(id).queryAs(LineChart.class);
            XYChart.Series<?, ?> model = chart.getData().stream()
                    .filter(s -> s.getName().equals("Expected (lifetime-value model)")).findFirst()
                    .orElseThrow(() -> new AssertionError("no expected curve on " + id));
            assertTrue(model.getData().size() >= 3, id);
            for (XYChart.Data<?, ?> point : model.getData()) {
                int k = ((Number) point.getXValue()).intValue();
                assertEquals(curve.atOffset(k, Period.MONTH), ((Number) point.getYValue()).doubleValue(),
                        1e-9 * curve.atOffset(k, Period.MONTH), id + " at +" + k);
            }
            assertTrue(fx(() -> model.getNode().getStyleClass().contains("retention-expected")), "drawn dashed");
        }
        PlatformRevenue first = expected.byPlatform().getFirst();
        TableView<?> table = robot.lookup("#retentionPlatformTable").queryAs(TableView.class);
        assertEquals(first.platform().english(), UiFixture.cell(table, 0, "Platform"));
        assertEquals(text.yuan(first.points().getFirst().revenuePerMember()), UiFixture.cell(table, 0,
                "Revenue per member"));
        assertEquals(text.yuan(curve.atOffset(0, Period.MONTH)), UiFixture.cell(table, 0, "Expected per customer"));
        RetentionLiveFixture.page(robot, "#retentionPage", "retention-expected-en-page");
    }

    @Test
    void aSavedSegmentKeepsTheCohortsToItsMembers(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        Segmentation segmentation = new SegmentStore(project.database()).save(Segmenter.segment(
                new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent()),
                SegmentationSettings.defaults("By value", 3), TaskContext.silent()));
        SegmentProfile segment = segmentation.profiles().getFirst();
        ActivitySnapshot snapshot = new Snapshots().of(project.database(), TaskContext.silent());
        BitSet members = PersonGroups.ofFollowers(snapshot, segmentation.followerIds(), segmentation.segment(),
                segmentation.profiles().stream().map(SegmentProfile::name).toList()).members(segment.number());
        RetentionSettings weeksByFollow = new RetentionSettings(CohortBasis.FOLLOW, Period.WEEK, Activity.ENGAGEMENT,
                12, 12);
        RetentionResult everyone = makeTable(robot, project, weeksByFollow, Optional.of(segment.name()));
        RetentionResult ofThem = Retention.run(snapshot, weeksByFollow, Optional.of(members), TaskContext.silent());
        assertTrue(ofThem.cohorts().stream().mapToLong(Cohort::size).sum()
                < everyone.cohorts().stream().mapToLong(Cohort::size).sum(), "the segment is part of everyone");
        assertHeatMap(robot, ofThem);
        assertTrue(ofThem.cohorts().stream().anyMatch(c -> !c.cells().isEmpty() && c.cells().getLast().partial()),
                "the demo ends on a Wednesday, so the last week is marked unfinished");
        assertTrue(label(robot, "#retentionResultTitle").endsWith("by week; active = engaged or bought; By value \u00b7 "
                + segment.name()), label(robot, "#retentionResultTitle"));
        assertEquals(text.get("retention.expected.followCohorts"), label(robot, "#retentionExpectedNote"));
    }

    @Test
    void aProjectWithoutDataACohortOfOneAndAnEmptySegmentSaySoAndWhatToDo(FxRobot robot) throws Exception {
        Path empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
        Project project = UiFixture.open(window, empty);
        RetentionLiveFixture.showTab(window, robot, 1);
        assertEquals(text.get("retention.empty"), label(robot, "#retentionStateLabel"), "before a run: what it will show");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#retentionStateLabel")
                .equals(Reason.of("retention.error.noData").english()));
        assertEquals("The project has no events or orders yet. Import followers, their engagement or orders first.",
                label(robot, "#retentionStateLabel"));
        assertFalse(robot.lookup("#retentionResultsBox").query().isVisible(), "no empty heat map or charts");
        RetentionLiveFixture.pictures(stage, "retention-no-data-en");

        project.database().transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_order (order_ref, "
                    + "customer_ref, amount, paid_at) VALUES ('o-1', 'c-1', 99, ?)")) {
                insert.setTimestamp(1, Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 10, 0)));
                return insert.executeUpdate();
            }
        });
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#retentionResultsBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label(robot, "#retentionStateLabel").startsWith(text.get("retention.onlyOne")), label(robot, "#retentionStateLabel"));
        assertEquals("100.0%*", heatMapCell(robot, 2, 1).getText(), "the one cell, in a month not over yet");
        assertEquals(text.get("retention.curves.empty"), fx(() -> placeholderOf(robot.lookup("#retentionCurveChart").query())));
        UiFixture.closeQuietly(window);

        project = UiFixture.open(window, demo);
        Segmentation real = Segmenter.segment(new FactsReader(project.database()).read(Population.everyone(),
                TaskContext.silent()), SegmentationSettings.defaults("Moved away", 2), TaskContext.silent());
        long[] gone = java.util.Arrays.stream(real.followerIds()).map(id -> -id).toArray();
        new SegmentStore(project.database()).save(new Segmentation(0, real.settings(), real.createdAt(), real.asOf(),
                real.columns(), gone, real.segment(), real.engagement(), real.profiles(), real.scatter(), real.notes()));
        // Saved while the view was open: opening the list offers the new segments.
        RetentionLiveFixture.showTab(window, robot, 1);
        ComboBox<?> segments = robot.lookup("#retentionSegmentChoice").queryAs(ComboBox.class);
        fx(() -> segments.show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> movedAway(segments) >= 0);
        fx(() -> segments.hide());
        fx(() -> segments.getSelectionModel().select(movedAway(segments)));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label(robot, "#retentionStateLabel")
                .equals(Reason.of("retention.error.emptyPopulation").english()));
        assertFalse(robot.lookup("#retentionResultsBox").query().isVisible());
    }

    @Test
    void theChineseTabShowsNoEnglish(FxRobot robot) throws Exception {
        window = RetentionLiveFixture.chineseDemo(stage, folder);
        List<String> english = new ArrayList<>();
        RetentionLiveFixture.showTab(window, robot, 1);
        english.addAll(RetentionLiveFixture.english(stage, "retention before a run"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !label(robot, "#retentionResultTitle").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        english.addAll(RetentionLiveFixture.english(stage, "retention"));
        RetentionLiveFixture.page(robot, "#retentionPage", "retention-zh-page");
        List<String> findings = RetentionLiveFixture.pictures(stage, "retention-zh");
        assertEquals(List.of(), english, "English in the Chinese tab");
        assertEquals(List.of(), findings, "nothing cut short, no empty axes");
    }

    /** Makes the table in the view with {@code settings} (and a segment of the saved segmentation) and in the domain. */
    private RetentionResult makeTable(FxRobot robot, Project project, RetentionSettings settings,
                                      Optional<String> segmentName) throws Exception {
        RetentionLiveFixture.showTab(window, robot, 1);
        fx(() -> {
            robot.lookup("#retentionBasisChoice").queryAs(ComboBox.class).getSelectionModel().select(settings.cohort());
            robot.lookup("#retentionPeriodChoice").queryAs(ComboBox.class).getSelectionModel().select(settings.period());
            robot.lookup("#retentionActivityChoice").queryAs(ComboBox.class).getSelectionModel().select(settings.activity());
        });
        if (segmentName.isPresent()) {
            ComboBox<?> segments = robot.lookup("#retentionSegmentChoice").queryAs(ComboBox.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segments.getItems().size() > 1);
            fx(() -> segments.getSelectionModel().select(1));
        }
        robot.push(KeyCode.F5);
        GridPane heatMap = robot.lookup("#retentionHeatMap").queryAs(GridPane.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !heatMap.getChildren().isEmpty()
                && robot.lookup("#retentionResultsBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        return Retention.run(new Snapshots().of(project.database(), TaskContext.silent()), settings,
                TaskContext.silent());
    }

    /** Every cohort's name, size, and each cell's share (* when unfinished) and tooltip. */
    private void assertHeatMap(FxRobot robot, RetentionResult expected) throws Exception {
        List<Executable> checks = new ArrayList<>();
        String unit = expected.settings().period() == Period.MONTH ? "month" : "week";
        for (int r = 0; r < expected.cohorts().size(); r++) {
            Cohort cohort = expected.cohorts().get(r);
            int row = r + 1;
            checks.add(() -> assertEquals(cohort.label().key(), heatMapCell(robot, 0, row).getText()));
            checks.add(() -> assertEquals(text.integer(cohort.size()), heatMapCell(robot, 1, row).getText()));
            for (RetentionCell cell : cohort.cells()) {
                Label shown = heatMapCell(robot, cell.offset() + 2, row);
                String tip = cohort.label().key() + " cohort, " + unit + " +" + cell.offset() + ": "
                        + text.integer(cell.active()) + " of " + text.integer(cohort.size()) + " active = "
                        + text.percent(cell.share().rate()) + " (95% interval " + text.percent(cell.share().low())
                        + " to " + text.percent(cell.share().high()) + "); revenue per member so far "
                        + text.yuan(cell.revenuePerMember())
                        + (cell.partial() ? "\nThis period is not over yet: its figures are still growing." : "");
                checks.add(() -> assertEquals(text.percent(cell.share().rate()) + (cell.partial() ? "*" : ""),
                        shown.getText()));
                checks.add(() -> assertEquals(tip, UiFixture.tooltip(shown)));
            }
        }
        assertAll("heat map", checks);
    }

    private static Label heatMapCell(FxRobot robot, int column, int row) {
        GridPane grid = robot.lookup("#retentionHeatMap").queryAs(GridPane.class);
        return (Label) grid.getChildren().stream().filter(node -> GridPane.getColumnIndex(node) != null
                        && GridPane.getColumnIndex(node) == column && GridPane.getRowIndex(node) == row).findFirst()
                .orElseThrow(() -> new AssertionError("nothing at " + column + ", " + row));
    }

    /** Where the first segment of the segmentation whose followers left the project is among the choices, or -1. */
    private static int movedAway(ComboBox<?> segments) {
        for (int i = 0; i < segments.getItems().size(); i++) {
            if (segments.getItems().get(i).toString().contains("Moved away")) {
                return i;
            }
        }
        return -1;
    }

    private static String placeholderOf(Node chart) {
        return ((com.campaignstudio.ui.common.ChartPane) chart.getParent()).getPlaceholder();
    }
}
