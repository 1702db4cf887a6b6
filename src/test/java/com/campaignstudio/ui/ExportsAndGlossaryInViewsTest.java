package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every chart and table of every built view can be exported, and the views explain their terms. */
@ExtendWith(ApplicationExtension.class)
class ExportsAndGlossaryInViewsTest {

    @TempDir
    static Path folder;
    static Path demo;
    private MainWindow window;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 11L,
                TaskContext.silent());
    }

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeProject() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }

    @Test
    void theDashboardsChartsAndTheDataGridCanBeExported(FxRobot robot) throws Exception {
        Parent dashboard = visit(robot, Section.DASHBOARD);
        assertExportable(dashboard, 2, 0);

        Parent data = visit(robot, Section.DATA);
        TableView<?> grid = robot.lookup("#grid").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !grid.getItems().isEmpty());
        assertExportable(data, 0, 1);
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().clear()).get();
        MenuItem copy = ExportMenu.of(grid).orElseThrow().getItems().get(1);
        WaitForAsyncUtils.asyncFx(copy::fire).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> Clipboard.getSystemClipboard().hasString()).get());
        String[] lines = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get().split("\n");
        assertEquals(1 + grid.getItems().size(), lines.length, "the header and every row, read from the project");
        assertEquals(String.join("\t", grid.getColumns().stream().map(TableColumn::getText).toList()), lines[0]);
        assertTrue(java.util.Arrays.stream(lines).allMatch(line -> line.split("\t", -1).length == grid.getColumns().size()));
    }

    @Test
    void segmentsExportsEveryChartAndTableAndExplainsItsTerms(FxRobot robot) throws Exception {
        Parent segments = visit(robot, Section.SEGMENTS);
        robot.push(KeyCode.F5);
        TableView<?> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        assertExportable(segments, 5, 2);
        List<String> explained = explanations(segments);
        assertTrue(explained.size() >= 23, explained.toString());
        assertEquals(2, robot.lookup("#kLabel").queryAs(Label.class).getTooltip().getText().lines()
                .filter(line -> line.startsWith("k: ") || line.startsWith("Silhouette: ")).count());
        assertTrue(explained.stream().anyMatch(line -> line.startsWith("Value R: R_j = ")), "the R_j formula");
        assertTrue(explained.stream().anyMatch(line -> line.startsWith("AUC: ")));
        Screenshots.save(robot.lookup("#kLabel").query().getScene(), "segments-glossary-marks");
    }

    @Test
    void lifetimeValueExportsEveryChartTableAndTheAliveMapAndExplainsEachParameter(FxRobot robot) throws Exception {
        Parent ltv = visit(robot, Section.LIFETIME_VALUE);
        javafx.scene.control.DatePicker calibrationEnd = robot.lookup("#calibrationEnd")
                .queryAs(javafx.scene.control.DatePicker.class);
        WaitForAsyncUtils.asyncFx(() -> calibrationEnd.setValue(java.time.LocalDate.of(2026, 3, 31))).get();
        robot.push(KeyCode.F5);
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> parameters.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();

        assertExportable(ltv, 7, 4); // the forecast tab's table of models tried is the fourth
        assertTrue(ExportMenu.of(robot.lookup("#aliveGrid").query()).isPresent(), "the P(alive) map");
        TableColumn<?, ?> meaning = parameters.getColumns().getLast();
        assertEquals("Meaning", meaning.getText());
        TableColumn<?, ?> name = parameters.getColumns().get(1);
        for (int row = 0; row < 7; row++) {
            // The table writes Greek letters as letters (α); the glossary line names the parameter in full.
            String parameter = ((String) name.getCellData(row)).replace("\u03b1", "alpha").replace("\u03b3", "gamma");
            String line = (String) meaning.getCellData(row);
            assertTrue(line.startsWith(parameter + ": ") || line.startsWith(parameter + " ("), parameter + ": " + line);
        }
        List<String> explained = explanations(ltv);
        assertTrue(explained.size() >= 30, explained.toString());
        for (String term : List.of("t_x: ", "T: ", "P(alive): ", "CLV (customer lifetime value): ", "Discount rate: ",
                "Calibration end: ")) {
            assertTrue(explained.stream().anyMatch(line -> line.startsWith(term)), term);
        }
        Screenshots.save(parameters.getScene(), "ltv-parameter-meanings");
    }

    @Test
    void experimentsExportEveryChartAndTableAndExplainTheirTerms(FxRobot robot) throws Exception {
        Parent experiments = visit(robot, Section.EXPERIMENTS);
        assertExportable(experiments, 5, 3); // rates, lifts; people per arm; lift and p-value by day
        List<String> explained = explanations(experiments);
        for (String term : List.of("Control: ", "Wilson interval: ", "Lift: ", "Relative lift: ", "p-value: ",
                "P(better than control): ", "Chance to be best: ", "Expected loss: ", "Smallest lift that matters: ",
                "Sample ratio mismatch: ", "Power: ", "Significance level: ", "Always-valid: ")) {
            assertTrue(explained.stream().anyMatch(line -> line.startsWith(term)), term + " in " + explained);
        }
    }

    @Test
    void boughtTogetherExportsItsTablesAndMapAndExplainsItsTerms(FxRobot robot) throws Exception {
        Parent basket = visit(robot, Section.BOUGHT_TOGETHER);
        assertExportable(basket, 0, 4); // rules, most alike pairs, one customer's suggestions, products to pitch
        assertTrue(ExportMenu.of(robot.lookup("#similarityGrid").query()).isPresent(), "the similarity map");
        List<String> explained = explanations(basket);
        for (String term : List.of("Basket: ", "Support: ", "Confidence: ", "Lift: ", "Cosine: ", "Pitch score: ")) {
            assertTrue(explained.stream().anyMatch(line -> line.startsWith(term)), term + " in " + explained);
        }
    }

    private Parent visit(FxRobot robot, Section section) throws Exception {
        if (window.state().project().isEmpty()) {
            WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        }
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(section)).get();
        WaitForAsyncUtils.waitForFxEvents();
        return (Parent) robot.lookup("#sectionContent").queryAs(StackPane.class).getChildren().getFirst();
    }

    /** Each chart and table of the view, found by type, has the export menu; {@code charts} and {@code tables} of them. */
    private static void assertExportable(Parent view, int charts, int tables) {
        List<Chart> foundCharts = all(view, Chart.class);
        List<TableView> foundTables = all(view, TableView.class);
        assertEquals(charts, foundCharts.size(), foundCharts.toString());
        assertEquals(tables, foundTables.size(), foundTables.toString());
        for (Node node : concat(foundCharts, foundTables)) {
            ContextMenu menu = ExportMenu.of(node).orElseThrow(() -> new AssertionError("no export menu on " + node));
            assertEquals(2, menu.getItems().size(), node.toString());
        }
    }

    /** The lines of explanation the view offers: tooltips of labels marked ⓘ and of the marks on column titles. */
    private static List<String> explanations(Parent view) {
        List<String> lines = new ArrayList<>();
        for (javafx.scene.control.Labeled labeled : all(view, javafx.scene.control.Labeled.class)) {
            if (labeled.getGraphic() != null && labeled.getGraphic().getStyleClass().contains(Glossary.MARK)) {
                lines.addAll(labeled.getTooltip().getText().lines().toList());
            }
        }
        for (TableView<?> table : all(view, TableView.class)) {
            for (TableColumn<?, ?> column : table.getColumns()) {
                if (column.getGraphic() instanceof Label mark && mark.getStyleClass().contains(Glossary.MARK)) {
                    lines.addAll(mark.getTooltip().getText().lines().toList());
                }
            }
        }
        lines.forEach(line -> assertFalse(line.isBlank()));
        return lines;
    }

    private static List<Node> concat(List<? extends Node> first, List<? extends Node> second) {
        List<Node> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The nodes of {@code type} in the view, also in tabs not on show and in scroll and split panes' content. */
    private static <T> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
            if (node instanceof TabPane tabs) {
                tabs.getTabs().stream().map(Tab::getContent).filter(java.util.Objects::nonNull).forEach(todo::push);
            }
            if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
                todo.push(scroll.getContent());
            }
            if (node instanceof SplitPane split) {
                split.getItems().forEach(todo::push);
            }
            if (node instanceof Parent parent && !(node instanceof TableView)) {
                parent.getChildrenUnmodifiable().forEach(todo::push);
            }
        }
        return found;
    }
}
