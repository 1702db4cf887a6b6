package com.campaignstudio.ui;

import com.campaignstudio.experiments.DailyTotals;
import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ExperimentStore;
import com.campaignstudio.experiments.Interval;
import com.campaignstudio.experiments.SampleSize;
import com.campaignstudio.experiments.SequentialTest;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.experiments.Verdict;
import com.campaignstudio.project.Project;
import com.campaignstudio.settings.Language;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.ReferenceLine;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Experiments view driven as a person would, on the demo project: counts typed into the variants, F5, and the
 * verdict, tables and charts compared with {@link ExperimentAnalysis} for the same counts; an experiment saved,
 * replaced (only after confirming), opened and deleted (only after confirming), checked in the project's store;
 * the sample size plan against {@link SampleSize}; and a daily series, pasted and imported, against
 * {@link SequentialTest}. Figures are formatted here as the view is meant to write them, not by the view's code.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsViewTest {

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
    void twoVariantsTypedInShowTheDomainsReadingVerdictRatesAndLifts(FxRobot robot) throws Exception {
        openExperiments();
        type(robot, "#variantVisitors0", "4,000");
        type(robot, "#variantConversions0", "200");
        type(robot, "#variantVisitors1", "4000");
        type(robot, "#variantConversions1", "260");
        type(robot, "#minLiftField", "0.5");
        robot.push(KeyCode.F5);
        TableView<?> arms = robot.lookup("#armTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> arms.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        ExperimentAnalysis.Analysis expected = ExperimentAnalysis.analyse(new ExperimentSetup(
                List.of(new Variant("A", 4000, 200), new Variant("B", 4000, 260)), List.of(1.0, 1.0),
                Optional.of(0.005), 1));
        ExperimentAnalysis.Comparison comparison = expected.comparisons().getFirst();
        assertEquals(Verdict.B_WINS, comparison.verdict(), "the counts were chosen for a clear winner");
        Label headline = (Label) robot.lookup("#verdictBox").queryAs(VBox.class).getChildren().getFirst();
        assertEquals("B wins", headline.getText());
        assertTrue(headline.getStyleClass().contains("verdict-variant-wins"), headline.getStyleClass().toString());
        Label sentence = (Label) robot.lookup("#verdictBox").queryAs(VBox.class).getChildren().get(1);
        assertEquals(Reason.of(Verdict.B_WINS.messageKey(), "B", "A").english(), sentence.getText());
        assertComparisons(robot.lookup("#comparisonTable").queryAs(TableView.class), expected, "95% interval",
                "p-value");
        assertArms(arms, expected);
        assertRateChart(robot.lookup("#rateChart").queryAs(IntervalPointChart.class), expected);
        IntervalPointChart lifts = robot.lookup("#liftChart").queryAs(IntervalPointChart.class);
        assertLiftChart(lifts, expected);
        assertEquals(List.of(0.0, 0.5, -0.5), lifts.referenceLines().stream().map(ReferenceLine::value).toList(),
                "zero and the smallest lift that matters, either way, in percentage points");
        assertEquals("", robot.lookup("#warningsLabel").queryAs(Label.class).getText(), "nothing to warn of");
        Screenshots.save(stage.getScene(), "experiments-compare");
    }

    @Test
    void aThirdVariantIsComparedWithBonferroniIntervalsAndTheWarningsOfABrokenSplitShow(FxRobot robot)
            throws Exception {
        openExperiments();
        robot.clickOn("#addButton");
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#variantVisitors0", "1200");
        type(robot, "#variantConversions0", "0");
        type(robot, "#variantVisitors1", "800");
        type(robot, "#variantConversions1", "3");
        type(robot, "#variantName2", "New page");
        type(robot, "#variantVisitors2", "1000");
        type(robot, "#variantConversions2", "9");
        robot.push(KeyCode.F5);
        TableView<?> comparisons = robot.lookup("#comparisonTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> comparisons.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        ExperimentAnalysis.Analysis expected = ExperimentAnalysis.analyse(new ExperimentSetup(
                List.of(new Variant("A", 1200, 0), new Variant("B", 800, 3), new Variant("New page", 1000, 9)),
                List.of(1.0, 1.0, 1.0), Optional.empty(), 1));
        assertTrue(expected.sampleRatio().mismatch(), "1200 / 800 / 1000 is far from an even split");
        assertEquals(expected.warnings().stream().map(Reason::english).collect(Collectors.joining("\n")),
                robot.lookup("#warningsLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#warningsLabel").queryAs(Label.class).getText().startsWith("Visitors were split"));
        assertEquals(expected.notes().stream().map(Reason::english).collect(Collectors.joining("\n")),
                robot.lookup("#notesLabel").queryAs(Label.class).getText());
        String level = "97.5%";
        assertEquals(0.975, expected.comparisons().getFirst().intervalLevel(), 1e-12);
        assertComparisons(comparisons, expected, level + " interval", "p-value (adjusted)");
        assertEquals("\u2013", cell(comparisons, 0, "Relative lift"), "no relative lift over a control without conversions");
        VBox verdicts = robot.lookup("#verdictBox").queryAs(VBox.class);
        for (int c = 0; c < 2; c++) {
            ExperimentAnalysis.Comparison comparison = expected.comparisons().get(c);
            assertEquals(comparison.variant() + " against A: " + headline(comparison.verdict(), comparison.variant(), "A"),
                    ((Label) verdicts.getChildren().get(2 * c)).getText());
        }
        assertArms(robot.lookup("#armTable").queryAs(TableView.class), expected);
        assertLiftChart(robot.lookup("#liftChart").queryAs(IntervalPointChart.class), expected);

        robot.clickOn("#removeVariant1");
        WaitForAsyncUtils.waitForFxEvents();
        GridPane grid = robot.lookup("#variantGrid").queryAs(GridPane.class);
        assertEquals("New page", robot.lookup("#variantName1").queryAs(TextField.class).getText(), "B was removed");
        assertTrue(grid.lookup("#variantName2") == null, "two rows left");
        assertTrue(robot.lookup("#removeVariant0").queryButton().isDisabled(), "two variants always stay");
    }

    @Test
    void typingThatIsNotANumberSaysWhatToFixInsteadOfRunning(FxRobot robot) throws Exception {
        openExperiments();
        type(robot, "#variantVisitors0", "1000");
        type(robot, "#variantConversions0", "ten");
        type(robot, "#variantVisitors1", "1000");
        type(robot, "#variantConversions1", "12");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The conversions of \u201cA\u201d: \u201cten\u201d is not a whole number. Type digits only, such as 1200.",
                robot.lookup("#problemLabel").queryAs(Label.class).getText());
        type(robot, "#variantConversions0", "1200");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Reason.of("experiment.error.moreConversionsThanVisitors", "A", 1200, 1000).english(),
                robot.lookup("#problemLabel").queryAs(Label.class).getText(), "the domain's reason, as it gives it");
        assertTrue(robot.lookup("#armTable").queryAs(TableView.class).getItems().isEmpty(), "nothing was read");
    }

    @Test
    void anExperimentIsSavedReplacedOnlyAfterConfirmingOpenedAndDeletedOnlyAfterConfirming(FxRobot robot)
            throws Exception {
        Project project = openExperiments();
        ExperimentStore store = new ExperimentStore(project.database());
        type(robot, "#variantVisitors0", "1000");
        type(robot, "#variantConversions0", "100");
        type(robot, "#variantVisitors1", "1000");
        type(robot, "#variantConversions1", "130");
        javafx.application.Platform.runLater(robot.lookup("#saveButton").queryButton()::fire);
        answerName(robot, "Price test");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load("Price test").isPresent());
        assertEquals(List.of(new Variant("A", 1000, 100), new Variant("B", 1000, 130)),
                store.load("Price test").orElseThrow().setup().variants());
        assertTrue(window.state().unsavedProperty().get(), "the project has a change to save");

        type(robot, "#variantConversions1", "140");
        javafx.application.Platform.runLater(robot.lookup("#saveButton").queryButton()::fire);
        answerName(robot, null);
        DialogPane replace = UiFixture.dialog(robot, stage);
        assertEquals("An experiment named \u201cPrice test\u201d is saved already. Replace it with these counts?",
                ((Label) replace.getContent()).getText());
        fx(UiFixture.button(replace, "Cancel")::fire);
        UiFixture.noDialog(robot, stage);
        assertEquals(130, store.load("Price test").orElseThrow().setup().variants().get(1).conversions(),
                "not replaced without a yes");

        javafx.application.Platform.runLater(robot.lookup("#saveButton").queryButton()::fire);
        answerName(robot, null);
        DialogPane again = UiFixture.dialog(robot, stage);
        fx(UiFixture.button(again, "OK")::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load("Price test").orElseThrow().setup()
                .variants().get(1).conversions() == 140);
        assertEquals(1, store.list().size(), "replaced, not saved twice");

        type(robot, "#variantConversions1", "999");
        ComboBox<?> saved = robot.lookup("#savedChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().size() == 1 && saved.getValue() != null);
        robot.clickOn("#loadButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("140", robot.lookup("#variantConversions1").queryAs(TextField.class).getText(), "opened as saved");
        TableView<?> arms = robot.lookup("#armTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> arms.getItems().size() == 2);
        assertEquals("140", cell(arms, 1, "Conversions"), "and read again");

        javafx.application.Platform.runLater(robot.lookup("#deleteButton").queryButton()::fire);
        DialogPane delete = UiFixture.dialog(robot, stage);
        assertEquals("Delete the saved experiment \u201cPrice test\u201d from the project? This cannot be undone.",
                ((Label) delete.getContent()).getText());
        fx(UiFixture.button(delete, "Cancel")::fire);
        UiFixture.noDialog(robot, stage);
        assertTrue(store.load("Price test").isPresent(), "kept without a yes");
        javafx.application.Platform.runLater(robot.lookup("#deleteButton").queryButton()::fire);
        DialogPane confirmed = UiFixture.dialog(robot, stage);
        fx(UiFixture.button(confirmed, "OK")::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load("Price test").isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().isEmpty());
    }

    @Test
    void theSampleSizePlanIsTheDomainsForTheQuestionAsTyped(FxRobot robot) throws Exception {
        openExperiments();
        selectTab(robot, 1);
        type(robot, "#baselineField", "3");
        type(robot, "#liftField", "10");
        type(robot, "#powerField", "90");
        type(robot, "#sizeAlphaField", "5");
        @SuppressWarnings("unchecked")
        Spinner<Integer> arms = robot.lookup("#armsSpinner").queryAs(Spinner.class);
        fx(() -> arms.getValueFactory().setValue(3));
        type(robot, "#dailyField", "2,500");
        WaitForAsyncUtils.waitForFxEvents();

        SampleSize.Inputs inputs = new SampleSize.Inputs(0.03, 0.10, SampleSize.LiftKind.RELATIVE, 0.9, 0.05, 3);
        SampleSize.Plan plan = SampleSize.plan(inputs, 2500, false);
        assertEquals(text.integer(plan.perArm()), label(robot, "#perArmValue"));
        assertEquals(text.integer(plan.total()), label(robot, "#totalValue"));
        assertEquals(text.integer(plan.days().orElseThrow()), label(robot, "#daysValue"));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#sizeChart").queryAs(LineChart.class);
        XYChart.Data<Number, Number> chosen = chart.getData().get(1).getData().getFirst();
        assertEquals(10, chosen.getXValue().doubleValue(), 1e-9);
        assertEquals(plan.perArm(), chosen.getYValue().longValue());
        List<XYChart.Data<Number, Number>> curve = chart.getData().getFirst().getData();
        assertEquals(16, curve.size(), "lifts from half to twice the one asked for");
        for (XYChart.Data<Number, Number> point : curve) {
            double lift = point.getXValue().doubleValue() / 100;
            assertEquals(SampleSize.plan(new SampleSize.Inputs(0.03, lift, SampleSize.LiftKind.RELATIVE, 0.9, 0.05, 3))
                    .perArm(), point.getYValue().longValue(), "people per arm at a lift of " + lift);
        }

        @SuppressWarnings("unchecked")
        ComboBox<SampleSize.LiftKind> kind = robot.lookup("#liftKindChoice").queryAs(ComboBox.class);
        fx(() -> kind.setValue(SampleSize.LiftKind.ABSOLUTE));
        type(robot, "#liftField", "0.5");
        WaitForAsyncUtils.waitForFxEvents();
        SampleSize.Plan absolute = SampleSize.plan(new SampleSize.Inputs(0.03, 0.005, SampleSize.LiftKind.ABSOLUTE,
                0.9, 0.05, 3), 2500, false);
        assertEquals(text.integer(absolute.perArm()), label(robot, "#perArmValue"), label(robot, "#sizeProblemLabel"));

        type(robot, "#baselineField", "150");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Reason.of("experiment.size.error.baseline", 1.5).english(), label(robot, "#sizeProblemLabel"));
        assertEquals("\u2013", label(robot, "#perArmValue"), "no plan for a rate above 100%");
        assertTrue(chart.getData().isEmpty());
        Screenshots.save(stage.getScene(), "experiments-size");
    }

    @Test
    void pastedAndImportedDailyTotalsShowTheDomainsAlwaysValidReading(FxRobot robot) throws Exception {
        openExperiments();
        selectTab(robot, 2);
        String pasted = ViewTourTest.WEEK.replace(',', '\t');
        fx(() -> robot.lookup("#totalsArea").queryAs(TextArea.class).setText(pasted));
        type(robot, "#sequentialMinLiftField", "1");
        type(robot, "#sequentialAlphaField", "5");
        robot.push(KeyCode.F5);
        TableView<?> days = robot.lookup("#dayTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> days.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();

        SequentialTest.Result expected = SequentialTest.run(DailyTotals.parse(ViewTourTest.WEEK),
                SequentialTest.Settings.of(0.05, 0.01));
        assertSequential(robot, expected);
        Screenshots.save(stage.getScene(), "experiments-sequential");

        Path csv = folder.resolve("running.csv");
        String fewer = ViewTourTest.WEEK.lines().limit(4).collect(Collectors.joining("\n"));
        Files.writeString(csv, "\uFEFF" + fewer);
        List<String> asked = new ArrayList<>();
        window.useFileQuestions((chooser, kind, owner) -> {
            asked.add(kind + " " + chooser.getTitle());
            return csv.toFile();
        });
        robot.clickOn("#importCsvButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> days.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("OPEN Import daily running totals"), asked);
        assertSequential(robot, SequentialTest.run(DailyTotals.parse(fewer), SequentialTest.Settings.of(0.05, 0.01)));
    }

    private void assertSequential(FxRobot robot, SequentialTest.Result expected) throws Exception {
        assertEquals(headline(expected.verdict(), "B", "A"), label(robot, "#verdictLabel"));
        assertEquals(expected.decidedOn().map(look -> "Decided on day " + look.day().label() + ": "
                        + headline(look.verdict(), "B", "A") + ". You may stop the test there.")
                .orElse("Not decided yet: keep the test running."), label(robot, "#decidedLabel"));
        TableView<?> days = robot.lookup("#dayTable").queryAs(TableView.class);
        List<Executable> checks = new ArrayList<>();
        for (int d = 0; d < expected.looks().size(); d++) {
            SequentialTest.Look look = expected.looks().get(d);
            int row = d;
            checks.add(() -> assertEquals(look.day().label(), cell(days, row, "Day")));
            checks.add(() -> assertEquals(points(look.lift()), cell(days, row, "Lift")));
            checks.add(() -> assertEquals(range(look.interval(), true), cell(days, row, "Always-valid interval")));
            checks.add(() -> assertEquals(pValue(look.pValue()), cell(days, row, "Always-valid p-value")));
            checks.add(() -> assertEquals(headline(look.verdict(), "B", "A"), cell(days, row, "Verdict")));
        }
        assertAll("days", checks);
        BandedLineChart lift = robot.lookup("#dayLiftChart").queryAs(BandedLineChart.class);
        List<? extends XYChart.Data<Number, Number>> points = lift.getData().getFirst().getData();
        BandedLineChart.Band band = lift.bands().getFirst();
        for (int d = 0; d < expected.looks().size(); d++) {
            SequentialTest.Look look = expected.looks().get(d);
            assertEquals(d + 1, points.get(d).getXValue().intValue());
            assertEquals(look.lift() * 100, points.get(d).getYValue().doubleValue(), 1e-9);
            int at = d - (expected.looks().size() - band.x().length);
            if (at >= 0) {
                assertEquals(look.interval().low() * 100, band.low()[at], 1e-9, "band, day " + (d + 1));
                assertEquals(look.interval().high() * 100, band.high()[at], 1e-9, "band, day " + (d + 1));
            } else {
                assertEquals(-1, look.interval().low(), "only days without evidence are left out of the band");
            }
        }
        BandedLineChart p = robot.lookup("#pValueChart").queryAs(BandedLineChart.class);
        assertEquals(expected.looks().stream().map(SequentialTest.Look::pValue).toList(),
                p.getData().getFirst().getData().stream().map(point -> point.getYValue().doubleValue()).toList());
        assertEquals(List.of(0.05), p.referenceLines().stream().map(ReferenceLine::value).toList());
    }

    /** Each comparison's row: lift, intervals, relative lift, (adjusted) p-value, P(better), loss and verdict. */
    private void assertComparisons(TableView<?> table, ExperimentAnalysis.Analysis expected, String intervalTitle,
                                   String pTitle) throws Exception {
        assertEquals(expected.comparisons().size(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.comparisons().size(); row++) {
            ExperimentAnalysis.Comparison c = expected.comparisons().get(row);
            int r = row;
            checks.add(() -> assertEquals(c.variant(), cell(table, r, "Variant")));
            checks.add(() -> assertEquals(points(c.test().absoluteLift()), cell(table, r, "Lift")));
            checks.add(() -> assertEquals(range(c.test().absoluteInterval(), true), cellAt(table, r, intervalTitle, 0)));
            checks.add(() -> assertEquals(c.test().relativeLift().map(ExperimentsViewTest::signedPercent).orElse("\u2013"),
                    cell(table, r, "Relative lift")));
            checks.add(() -> assertEquals(c.test().relativeInterval().map(i -> signedPercent(i.low()) + " to "
                    + signedPercent(i.high())).orElse("\u2013"), cellAt(table, r, intervalTitle, 1)));
            checks.add(() -> assertEquals(pValue(c.adjustedPValue()), cell(table, r, pTitle)));
            checks.add(() -> assertEquals(text.percent(c.probabilityBetter()), cell(table, r, "P(better than control)")));
            checks.add(() -> assertEquals(loss(c.lossChoosingVariant()), cell(table, r, "Expected loss if chosen")));
            checks.add(() -> assertEquals(headline(c.verdict(), c.variant(), c.control()), cell(table, r, "Verdict")));
        }
        assertAll("comparisons", checks);
    }

    /** Each variant's row: counts, rate and Wilson interval, chance to be best and expected loss. */
    private void assertArms(TableView<?> table, ExperimentAnalysis.Analysis expected) throws Exception {
        assertEquals(expected.arms().size(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.arms().size(); row++) {
            ExperimentAnalysis.Arm arm = expected.arms().get(row);
            int r = row;
            checks.add(() -> assertEquals(arm.variant().name(), cell(table, r, "Variant")));
            checks.add(() -> assertEquals(text.integer(arm.variant().visitors()), cell(table, r, "Visitors")));
            checks.add(() -> assertEquals(text.integer(arm.variant().conversions()), cell(table, r, "Conversions")));
            checks.add(() -> assertEquals(rate(arm.rate()), cell(table, r, "Conversion rate")));
            checks.add(() -> assertEquals(rate(arm.wilson().low()) + " to " + rate(arm.wilson().high()),
                    cell(table, r, "95% interval")));
            checks.add(() -> assertEquals(text.percent(arm.chanceToBeBest()), cell(table, r, "Chance to be best")));
            checks.add(() -> assertEquals(loss(arm.expectedLoss()), cell(table, r, "Expected loss")));
        }
        assertAll("variants", checks);
    }

    /** A point per variant at its rate in percent, with its Wilson interval. */
    private static void assertRateChart(IntervalPointChart chart, ExperimentAnalysis.Analysis expected) {
        List<XYChart.Data<String, Number>> points = chart.getData().getFirst().getData();
        assertEquals(expected.arms().size(), points.size());
        for (int i = 0; i < points.size(); i++) {
            ExperimentAnalysis.Arm arm = expected.arms().get(i);
            assertEquals(arm.variant().name(), points.get(i).getXValue());
            assertEquals(arm.rate() * 100, points.get(i).getYValue().doubleValue(), 1e-9);
            double[] interval = chart.intervals().get(arm.variant().name());
            assertEquals(arm.wilson().low() * 100, interval[0], 1e-9);
            assertEquals(arm.wilson().high() * 100, interval[1], 1e-9);
        }
    }

    /** A point per comparison at its lift in percentage points, with its (adjusted) interval. */
    private static void assertLiftChart(IntervalPointChart chart, ExperimentAnalysis.Analysis expected) {
        List<XYChart.Data<String, Number>> points = chart.getData().getFirst().getData();
        assertEquals(expected.comparisons().size(), points.size());
        for (int i = 0; i < points.size(); i++) {
            ExperimentAnalysis.Comparison c = expected.comparisons().get(i);
            assertEquals(c.variant(), points.get(i).getXValue());
            assertEquals(c.test().absoluteLift() * 100, points.get(i).getYValue().doubleValue(), 1e-9);
            double[] interval = chart.intervals().get(c.variant());
            assertEquals(c.test().absoluteInterval().low() * 100, interval[0], 1e-9);
            assertEquals(c.test().absoluteInterval().high() * 100, interval[1], 1e-9);
        }
    }

    private Project openExperiments() throws Exception {
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.EXPERIMENTS);
        return project;
    }

    /** Replaces a field's text by typing, as a person would. */
    private static void type(FxRobot robot, String field, String typed) throws Exception {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(input);
        fx(input::selectAll);
        robot.eraseText(1);
        robot.write(typed);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed, input.getText(), field);
    }

    /** Answers the name dialog: types {@code name}, or keeps the name it offers when null, and presses OK. */
    private void answerName(FxRobot robot, String name) throws Exception {
        DialogPane pane = UiFixture.dialog(robot, stage);
        TextField editor = (TextField) pane.lookup(".text-field");
        if (name != null) {
            fx(() -> editor.setText(name));
        } else {
            assertEquals("Price test", editor.getText(), "the name it was saved under is offered");
        }
        javafx.stage.Window dialog = pane.getScene().getWindow();
        fx(UiFixture.button(pane, "OK")::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectTab(FxRobot robot, int tab) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the {@code which}-th column titled {@code title} (two interval columns share a title). */
    private static String cellAt(TableView<?> table, int row, String title, int which) throws Exception {
        List<? extends javafx.scene.control.TableColumn<?, ?>> columns = fx(() -> table.getVisibleLeafColumns().stream()
                .filter(c -> title.equals(c.getText())).toList());
        assertEquals(2, columns.size(), "two columns titled " + title);
        Object value = columns.get(which).getCellObservableValue(row).getValue();
        return String.valueOf(value);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String headline(Verdict verdict, String variant, String control) {
        return text.get("experiment.headline." + verdict.name(), variant, control);
    }

    private static String rate(double share) {
        return String.format(Locale.US, "%.2f%%", share * 100);
    }

    private static String points(double difference) {
        return String.format(Locale.US, "%+.2f pp", difference * 100);
    }

    private static String loss(double difference) {
        return String.format(Locale.US, "%.2f pp", difference * 100);
    }

    private static String signedPercent(double share) {
        return String.format(Locale.US, "%+.1f%%", share * 100);
    }

    private static String range(Interval interval, boolean inPoints) {
        return inPoints ? points(interval.low()) + " to " + points(interval.high())
                : rate(interval.low()) + " to " + rate(interval.high());
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.US, "%.4f", p);
    }
}
