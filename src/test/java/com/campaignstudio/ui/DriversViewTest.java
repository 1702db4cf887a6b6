package com.campaignstudio.ui;

import com.campaignstudio.drivers.DriverInput;
import com.campaignstudio.drivers.DriverTableReader;
import com.campaignstudio.drivers.DriverText;
import com.campaignstudio.drivers.Drivers;
import com.campaignstudio.drivers.DriversResult;
import com.campaignstudio.drivers.Outcome;
import com.campaignstudio.drivers.Term;
import com.campaignstudio.export.RowExport;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Drivers tab on the demo project: the coefficients, intervals, chart points and sentences shown are those
 * {@link Drivers} gives for the same outcome and inputs, formatted as the view is meant to write them; the table and
 * chart export; the Chinese tab shows no English; a choice of inputs that move together shows its warning. Each
 * state is also drawn at 1240x800 and 1920x1080 (target/screenshots/drivers-*.png) and checked for cut-off text,
 * empty charts and overlapping ticks.
 */
@ExtendWith(ApplicationExtension.class)
class DriversViewTest {

    private static final List<DriverInput> CHOSEN = List.of(DriverInput.VIEWS, DriverInput.CLICKS,
            DriverInput.WATCH_MINUTES, DriverInput.PLATFORM);

    @TempDir
    static Path folder;
    static Path demo;
    static Path collinear;
    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void makeDemos() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
        // A second copy in which every follower's shares include their views: shares then move with views.
        collinear = folder.resolve("collinear.campaign");
        Files.copy(demo, collinear);
        try (Project project = Project.open(ProjectLocations.under(folder.resolve("maker")), collinear)) {
            project.database().transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO engagement (follower_id, occurred_at, kind, event_count) "
                            + "SELECT follower_id, MIN(occurred_at), 'share', SUM(event_count) FROM engagement "
                            + "WHERE kind = 'view' GROUP BY follower_id");
                }
                return null;
            });
            project.save();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeProject() throws Exception {
        if (window != null) {
            UiFixture.closeQuietly(window);
        }
    }

    @Test
    void theCoefficientsShownAreTheDomainsForTheInputsChosen(FxRobot robot) throws Exception {
        Project project = openDrivers(robot, Language.ENGLISH, demo);
        look("drivers-before-en");
        choose(robot, Outcome.BOUGHT, CHOSEN);
        robot.push(KeyCode.F5);
        TableView<?> table = waitForResults(robot);

        DriversResult expected = Drivers.fit(new DriverTableReader(project.database()).read(TaskContext.silent()),
                Outcome.BOUGHT, CHOSEN, TaskContext.silent());
        UiText text = new UiText(Locale.ENGLISH);
        DriverText words = new DriverText(text.bundle(), text::platform);
        assertEquals(expected.terms(), List.copyOf(table.getItems()), "the rows are the domain's coefficients");
        for (int row = 0; row < expected.terms().size(); row++) {
            Term term = expected.terms().get(row);
            assertEquals(words.term(term), cell(table, row, "Input"));
            assertEquals(words.significant(term.estimate(), 4), cell(table, row, "Log-odds per unit"));
            assertEquals(words.significant(term.low(), 3), cell(table, row, "95% low"));
            assertEquals(words.significant(term.high(), 3), cell(table, row, "95% high"));
            assertEquals(term.level() == null ? text.integer(Math.round(term.unit())) : "level",
                    cell(table, row, "Step"));
        }
        assertEquals("Logistic regression of buying on 4 inputs: " + text.integer(expected.rows()) + " followers, "
                + text.integer(expected.buyers()) + " bought (" + text.percent(expected.meanOutcome())
                + "); pseudo-R\u00b2 " + words.significant(expected.fit(), 2), label(robot, "#driversResultTitle"));
        assertEquals("Compared with: Platform \u2013 " + text.platform(expected.references().get(DriverInput.PLATFORM)),
                label(robot, "#driversStateLabel"));

        IntervalPointChart chart = robot.lookup("#driversChart").queryAs(IntervalPointChart.class);
        List<Double> points = fx(() -> chart.getData().getFirst().getData().stream()
                .map(point -> point.getYValue().doubleValue()).toList());
        assertEquals(expected.terms().stream().map(term -> term.pointsAtMean() * 100).toList(), points);
        double[] first = fx(() -> chart.intervals().get("Views +" + text.integer(Math.round(
                expected.terms().getFirst().unit()))));
        assertEquals(expected.terms().getFirst().pointsLow() * 100, first[0], 1e-12);
        assertEquals(expected.terms().getFirst().pointsHigh() * 100, first[1], 1e-12);
        assertEquals(List.of(0.0), fx(() -> chart.referenceLines().stream().map(line -> line.value()).toList()));

        VBox sentences = robot.lookup("#driversSentences").queryAs(VBox.class);
        assertEquals(expected.terms().stream().map(term -> "\u2022 " + words.sentence(term, expected)).toList(),
                fx(() -> sentences.getChildren().stream().map(node -> ((Label) node).getText()).toList()));
        assertTrue(fx(() -> !robot.lookup("#driversWarningBox").query().isVisible()), "no warning for these inputs");

        fx(() -> Clipboard.getSystemClipboard().clear());
        MenuItem copyTable = ExportMenu.of(table).orElseThrow().getItems().get(1);
        fx(copyTable::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> Clipboard.getSystemClipboard().hasString()));
        String[] lines = fx(() -> Clipboard.getSystemClipboard().getString()).split("\n");
        assertEquals(1 + expected.terms().size(), lines.length);
        assertEquals(RowExport.cell(expected.terms().getFirst().estimate()), lines[1].split("\t")[2],
                "the export carries the number, not its rounded text");
        MenuItem copyChart = ExportMenu.of(chart).orElseThrow().getItems().get(1);
        javafx.scene.image.Image copied = fx(() -> {
            copyChart.fire();
            return Clipboard.getSystemClipboard().getImage();
        });
        assertEquals(Math.round(fx(chart::getWidth)), Math.round(copied.getWidth()));
        look("drivers-bought-en");

        choose(robot, Outcome.ORDERS, List.of(DriverInput.CLICKS, DriverInput.TENURE_DAYS, DriverInput.PLATFORM));
        robot.push(KeyCode.F5);
        DriversResult linear = Drivers.fit(new DriverTableReader(project.database()).read(TaskContext.silent()),
                Outcome.ORDERS, List.of(DriverInput.CLICKS, DriverInput.TENURE_DAYS, DriverInput.PLATFORM),
                TaskContext.silent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> table.getItems().equals(linear.terms())));
        assertEquals(words.significant(linear.terms().getFirst().estimate(), 4),
                cell(table, 0, "Coefficient per unit"));
        look("drivers-orders-en");
    }

    @Test
    void inChineseTheTabShowsNoEnglish(FxRobot robot) throws Exception {
        openDrivers(robot, Language.SIMPLIFIED_CHINESE, demo);
        List<String> english = new ArrayList<>(englishShown("before a run"));
        look("drivers-before-zh");
        choose(robot, Outcome.BOUGHT, CHOSEN);
        robot.push(KeyCode.F5);
        waitForResults(robot);
        english.addAll(englishShown("results"));
        look("drivers-bought-zh");
        choose(robot, Outcome.BOUGHT, List.of());
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#driversStateLabel").equals("请至少选择一个输入。"));
        english.addAll(englishShown("a refusal"));

        assertEquals(List.of(), english);
    }

    @Test
    void inputsThatMoveTogetherShowTheirWarning(FxRobot robot) throws Exception {
        Project project = openDrivers(robot, Language.ENGLISH, collinear);
        List<DriverInput> inputs = List.of(DriverInput.VIEWS, DriverInput.SHARES, DriverInput.CLICKS);
        choose(robot, Outcome.BOUGHT, inputs);
        robot.push(KeyCode.F5);
        waitForResults(robot);

        DriversResult expected = Drivers.fit(new DriverTableReader(project.database()).read(TaskContext.silent()),
                Outcome.BOUGHT, inputs, TaskContext.silent());
        List<String> warnings = DriverText.english().warnings(expected);
        assertTrue(warnings.getFirst().startsWith("Views moves together with Shares (variance inflation "),
                warnings.toString());
        VBox box = robot.lookup("#driversWarningBox").queryAs(VBox.class);
        assertTrue(fx(box::isVisible));
        List<String> shown = fx(() -> box.getChildren().stream().map(node -> ((Label) node).getText()).toList());
        List<String> wanted = new ArrayList<>(List.of("Read with care"));
        wanted.addAll(warnings);
        assertEquals(wanted, shown);
        look("drivers-collinear-en");
    }

    private Project openDrivers(FxRobot robot, Language language, Path file) throws Exception {
        fx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-" + language), language, false);
            return null;
        });
        Project project = UiFixture.open(window, file);
        UiFixture.show(window, Section.FUNNELS);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(3));
        Button run = robot.lookup("#driversRunButton").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !run.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        return project;
    }

    /** Ticks exactly {@code inputs} and picks {@code outcome}. */
    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, Outcome outcome, List<DriverInput> inputs) throws Exception {
        ComboBox<Outcome> outcomes = robot.lookup("#driversOutcomeChoice").queryAs(ComboBox.class);
        Set<String> wanted = Set.copyOf(inputs.stream().map(input -> "drivers-input-" + input.key()).toList());
        fx(() -> {
            outcomes.setValue(outcome);
            robot.lookup(".check-box").queryAllAs(CheckBox.class)
                    .forEach(box -> box.setSelected(wanted.contains(box.getId())));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableView<?> waitForResults(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#driversTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty() && table.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private List<String> englishShown(String context) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ShownText shown = new ShownText(column -> false, node -> false);
        List<String> english = new ArrayList<>();
        for (ShownText.Piece piece : fx(() -> shown.collect(stage.getScene().getRoot(), context))) {
            if (!LatinWords.in(piece.text()).isEmpty()) {
                english.add(LatinWords.in(piece.text()) + " in " + piece);
            }
        }
        return english;
    }

    /**
     * Draws the window at 1240x800 and, in a scene of its own off screen (the headless screen is smaller), at
     * 1920x1080; fails on what a person would see as broken.
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
}
