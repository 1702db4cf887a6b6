package com.campaignstudio.ui;

import com.campaignstudio.ltv.ClvBySegment;
import com.campaignstudio.ltv.ClvDistribution;
import com.campaignstudio.ltv.ClvIntervals;
import com.campaignstudio.ltv.CustomerSummary;
import com.campaignstudio.ltv.FittedModel;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.ltv.PeriodUnit;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures the Lifetime value view shows are those of the domain run: the view fits with a calibration end,
 * horizon and discount set in its controls, the test runs {@link LtvRun} with the same settings (and
 * {@link ClvIntervals} and {@link ClvBySegment} with the view's seed), and compares the parameter table, CLV by
 * platform and by segment with their 90% intervals, the P(alive) map, the hold-out check, the CLV distribution and
 * the ranked customers, formatted as the view formats them.
 */
@ExtendWith(ApplicationExtension.class)
class LtvValuesTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2026, 3, 31);
    private static final int HORIZON = 26;
    private static final double YEARLY_DISCOUNT_PERCENT = 15;
    /** The seed the view draws its intervals with. */
    private static final long INTERVAL_SEED = 1;

    @TempDir
    static Path folder;
    static Path demo;
    private final UiText text = new UiText(Locale.ENGLISH);
    private MainWindow window;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeProject() throws Exception {
        UiFixture.closeQuietly(window);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFitShowsTheFiguresOfTheDomainRunWithTheSameSettings(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        Segmentation segmentation = new SegmentStore(project.database()).save(Segmenter.segment(
                new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent()),
                SegmentationSettings.defaults("By value", 3), TaskContext.silent()));
        UiFixture.show(window, Section.LIFETIME_VALUE);
        DatePicker calibrationEnd = robot.lookup("#calibrationEnd").queryAs(DatePicker.class);
        Spinner<?> horizon = robot.lookup("#horizonSpinner").queryAs(Spinner.class);
        Spinner<?> discount = robot.lookup("#discountSpinner").queryAs(Spinner.class);
        fx(() -> {
            calibrationEnd.setValue(CALIBRATION_END);
            ((Spinner<Integer>) horizon).getValueFactory().setValue(HORIZON);
            ((Spinner<Double>) discount).getValueFactory().setValue(YEARLY_DISCOUNT_PERCENT);
        });
        ComboBox<?> compare = robot.lookup("#compareChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> compare.getItems().size() == 2
                && compare.getValue() == compare.getItems().get(1));
        robot.push(KeyCode.F5);
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> parameters.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();

        LtvSettings settings = new LtvSettings(PeriodUnit.WEEK, CALIBRATION_END, null, 0, 0, HORIZON,
                LtvRun.perPeriod(YEARLY_DISCOUNT_PERCENT / 100, PeriodUnit.WEEK), 0);
        LtvResult fitted = new LtvRun(project.database()).run(settings, TaskContext.silent());
        LtvResult expected = fitted.withPlatformIntervals(ClvIntervals.byPlatform(fitted, INTERVAL_SEED,
                TaskContext.silent()));
        ClvBySegment bySegment = ClvBySegment.of(expected, segmentation, INTERVAL_SEED, TaskContext.silent());

        assertEquals(text.get("ltv.result", text.integer(expected.summary().size()), text.get("ltv.unit.week"),
                CALIBRATION_END.toString()), robot.lookup("#resultTitle").queryAs(Label.class).getText());
        assertPlatformTable(robot.lookup("#platformTable").queryAs(TableView.class), expected.byPlatform());
        List<LtvResult.GroupValue> platforms = expected.byPlatform().stream().map(g -> new LtvResult.GroupValue(
                text.platform(g.group()), g.customers(), g.meanClv(), g.totalClv(), g.low(), g.high())).toList();
        assertGroupChart(robot.lookup("#platformChart").queryAs(IntervalBarChart.class), platforms);
        DefaultNames names = new DefaultNames(text);
        List<LtvResult.GroupValue> segments = bySegment.groups().stream().map(g -> new LtvResult.GroupValue(
                names.segment(g.group()), g.customers(), g.meanClv(), g.totalClv(), g.low(), g.high())).toList();
        assertEquals(3, segments.size());
        assertGroupChart(robot.lookup("#segmentChart").queryAs(IntervalBarChart.class), segments);
        assertAliveMap(robot.lookup("#aliveGrid").queryAs(GridPane.class), expected);

        // The check tab, with its folded parameters unfolded as the user would.
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertCheck(robot.lookup("#checkLabel").queryAs(Label.class),
                robot.lookup("#trackingChart").queryAs(LineChart.class), expected.check());
        TitledPane folded = fx(() -> (TitledPane) parameters.getParent().getParent());
        robot.clickOn(folded.lookup(".title"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, folded::isExpanded);
        WaitForAsyncUtils.waitForFxEvents();
        assertParameters(parameters, expected);

        fx(() -> tabs.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        ClvDistribution distribution = ClvDistribution.of(expected.clv());
        assertEquals(text.get("ltv.distribution.summary", text.yuan(distribution.median()),
                text.yuan(distribution.mean()), text.percent(distribution.topTenthShare())),
                robot.lookup("#distributionLabel").queryAs(Label.class).getText());
        BarChart<?, ?> bands = robot.lookup("#distributionChart").queryAs(BarChart.class);
        assertEquals(Arrays.stream(distribution.counts()).boxed().toList(), bands.getData().getFirst().getData()
                .stream().map(bar -> ((Number) bar.getYValue()).longValue()).toList(), "customers per CLV band");
        assertCustomers(robot.lookup("#customerTable").queryAs(TableView.class), expected);
    }

    /** Each parameter's estimate and standard error, and each model's fit on its first row. */
    private void assertParameters(TableView<?> table, LtvResult expected) throws Exception {
        List<Executable> checks = new ArrayList<>();
        int row = 0;
        for (FittedModel model : List.of(expected.bgNbd(), expected.gammaGamma())) {
            String name = text.get(model == expected.bgNbd() ? "ltv.model.bgnbd" : "ltv.model.gammaGamma");
            for (int k = 0; k < model.names().size(); k++) {
                boolean identified = model.identified()[k];
                checks.add(check(table, row, "ltv.col.model", name));
                checks.add(check(table, row, "ltv.col.parameter", symbol(model.names().get(k))));
                checks.add(check(table, row, "ltv.col.estimate", identified
                        ? String.format("%.4g", model.values()[k]) : text.get("ltv.param.notIdentified")));
                checks.add(check(table, row, "ltv.col.se", identified
                        ? String.format("\u00b1%.2g", model.standardErrors()[k]) : "\u2013"));
                if (k == 0) {
                    checks.add(check(table, row, "ltv.col.fit", text.get(model.converged() ? "ltv.fit.converged"
                                    : "ltv.fit.notConverged", String.format("%.1f", model.logLikelihood()),
                            text.integer(model.customers()))));
                }
                row++;
            }
        }
        assertEquals(row, table.getItems().size());
        assertAll("parameters", checks);
    }

    /** Customers, mean CLV with its 90% interval and total CLV per platform. */
    private void assertPlatformTable(TableView<?> table, List<LtvResult.GroupValue> expected) throws Exception {
        assertEquals(expected.size(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.size(); row++) {
            LtvResult.GroupValue group = expected.get(row);
            assertTrue(Double.isFinite(group.low()) && Double.isFinite(group.high()), group.group());
            checks.add(check(table, row, "ltv.col.platform", text.platform(group.group())));
            checks.add(check(table, row, "ltv.col.customers", text.integer(group.customers())));
            checks.add(check(table, row, "ltv.col.meanClv", text.yuan(group.meanClv())));
            checks.add(check(table, row, "ltv.col.interval", text.yuan(group.low()) + " \u2013 " + text.yuan(group.high())));
            checks.add(check(table, row, "ltv.col.totalClv", text.yuan(group.totalClv())));
        }
        assertAll("CLV by platform", checks);
    }

    /**
     * A bar per group at its mean CLV, with its 90% interval in the bar's tooltip and drawn as a whisker from the
     * low to the high bound.
     */
    private void assertGroupChart(IntervalBarChart chart, List<LtvResult.GroupValue> expected) throws Exception {
        List<? extends XYChart.Data<String, Number>> bars = chart.getData().getFirst().getData();
        assertEquals(expected.size(), bars.size());
        List<Line> whiskers = fx(() -> chart.lookupAll(".interval-whisker").stream().map(Line.class::cast).toList());
        assertEquals(3 * expected.size(), whiskers.size());
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            LtvResult.GroupValue group = expected.get(i);
            XYChart.Data<String, Number> bar = bars.get(i);
            Line whisker = whiskers.get(3 * i);
            double low = fx(() -> chart.getYAxis().getDisplayPosition(group.low()));
            double high = fx(() -> chart.getYAxis().getDisplayPosition(group.high()));
            checks.add(() -> assertEquals(group.group(), bar.getXValue()));
            checks.add(() -> assertEquals(group.meanClv(), bar.getYValue().doubleValue(), 1e-9, group.group()));
            checks.add(() -> assertEquals(text.yuan(group.low()) + " \u2013 " + text.yuan(group.high()),
                    UiFixture.tooltip(bar.getNode()), group.group()));
            checks.add(() -> assertEquals(low, whisker.getStartY(), 1e-6, group.group() + ": low end of the whisker"));
            checks.add(() -> assertEquals(high, whisker.getEndY(), 1e-6, group.group() + ": high end of the whisker"));
        }
        assertAll("CLV chart", checks);
    }

    /** Every cell of the map says its P(alive), frequency and recency in its tooltip. */
    private void assertAliveMap(GridPane grid, LtvResult expected) throws Exception {
        double[][] map = expected.aliveMap();
        int rows = map.length;
        int columns = map[0].length;
        List<Node> cells = fx(() -> grid.getChildren().stream().filter(node -> node.getClass() == Region.class)
                .toList());
        assertEquals(rows * columns, cells.size());
        List<Executable> checks = new ArrayList<>();
        for (Node cell : cells) {
            int x = rows - 1 - GridPane.getRowIndex(cell);
            int c = GridPane.getColumnIndex(cell) - 2;
            String recency = String.format("%.0f", expected.aliveMapT() * (c + 0.5) / columns);
            checks.add(() -> assertEquals("x = " + x + ", t_x \u2248 " + recency + " " + text.get("ltv.unit.week")
                    + ": " + text.percent(map[x][c]), UiFixture.tooltip(cell)));
        }
        assertAll("P(alive) map", checks);
    }

    /** The sentence on the hold-out and the cumulative repeat purchases, actual and predicted. */
    private void assertCheck(Label label, LineChart<?, ?> tracking, LtvResult.ModelCheck check) {
        double error = check.holdoutError();
        assertEquals(text.get(error <= 0.1 ? "ltv.check.good" : error <= 0.2 ? "ltv.check.fair" : "ltv.check.poor",
                text.integer(Math.round(check.predictedHoldout())), text.integer(Math.round(check.actualHoldout())),
                text.percent(error)), label.getText());
        List<? extends XYChart.Data<?, ?>> actual = tracking.getData().get(0).getData();
        List<? extends XYChart.Data<?, ?>> predicted = tracking.getData().get(1).getData();
        assertEquals(check.weeks().length, actual.size());
        List<Executable> checks = new ArrayList<>();
        for (int p = 0; p < check.weeks().length; p++) {
            int period = p;
            checks.add(() -> {
                assertEquals(check.weeks()[period], ((Number) actual.get(period).getXValue()).doubleValue(), 1e-9);
                assertEquals(check.actualCumulative()[period],
                        ((Number) actual.get(period).getYValue()).doubleValue(), 1e-9, "actual, period " + period);
                assertEquals(check.predictedCumulative()[period],
                        ((Number) predicted.get(period).getYValue()).doubleValue(), 1e-9, "predicted, period " + period);
            });
        }
        assertAll("tracking", checks);
    }

    /**
     * The customers most valuable first: the shown CLV of a row is the domain's CLV of that rank, and the row's
     * figures are those of the customer it names, for the top rows and a few further down.
     */
    private void assertCustomers(TableView<?> table, LtvResult expected) throws Exception {
        CustomerSummary summary = expected.summary();
        assertEquals(Math.min(1000, summary.size()), table.getItems().size());
        double[] ranked = IntStream.range(0, summary.size()).mapToDouble(i -> expected.clv()[i]).boxed()
                .sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
        List<String> ids = Arrays.asList(summary.customers());
        List<Executable> checks = new ArrayList<>();
        for (int row : List.of(0, 1, 2, 3, 4, 60, 150, table.getItems().size() - 1)) {
            String customer = cell(table, row, text.get("ltv.col.customer"));
            int i = ids.indexOf(customer);
            checks.add(() -> assertTrue(i >= 0, customer + " is a customer of the run"));
            if (i < 0) {
                continue;
            }
            checks.add(check(table, row, "ltv.col.clv", text.yuan(ranked[row])));
            checks.add(check(table, row, "ltv.col.clv", text.yuan(expected.clv()[i])));
            checks.add(check(table, row, "ltv.col.alive", text.percent(expected.probabilityAlive()[i])));
            checks.add(check(table, row, "ltv.col.expected", String.format("%.2f", expected.expectedPurchases()[i])));
            checks.add(check(table, row, "ltv.col.platform", text.platform(summary.platforms()[i])));
            checks.add(check(table, row, "ltv.col.x", text.integer(summary.x()[i])));
            checks.add(check(table, row, "ltv.col.tx", String.format("%.1f", summary.tx()[i])));
            checks.add(check(table, row, "ltv.col.T", String.format("%.1f", summary.T()[i])));
        }
        assertAll("customers", checks);
    }

    private Executable check(TableView<?> table, int row, String column, String expected) throws Exception {
        String title = text.get(column);
        String shown = cell(table, row, title);
        return () -> assertEquals(expected, shown, "row " + row + ", " + title);
    }

    /** Greek parameters as letters, as the papers (and the table) write them. */
    private static String symbol(String name) {
        return switch (name) {
            case "alpha" -> "\u03b1";
            case "beta" -> "\u03b2";
            case "gamma" -> "\u03b3";
            default -> name;
        };
    }
}
