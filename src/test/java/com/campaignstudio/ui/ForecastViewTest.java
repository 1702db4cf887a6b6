package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The revenue forecast tab at the window's default size (1240 x 800) in both languages: the table of models tried
 * sits beside the chart, lowest error first with the chosen one marked, and no column cuts its text short.
 */
@ExtendWith(ApplicationExtension.class)
class ForecastViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemo() throws Exception {
        demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 11L,
                TaskContext.silent());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeProject() throws Exception {
        if (window == null) {
            return;
        }
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }

    @Test
    void theModelsTriedAreListedBesideTheForecastInEnglish(FxRobot robot) throws Exception {
        TableView<?> table = forecast(robot, Language.ENGLISH);
        assertTrue(robot.lookup("#forecastLabel").queryAs(Label.class).getText()
                .matches("Chosen: .+ \u2014 lowest average error over 10 back-tests\\."), label(robot));
    }

    @Test
    void theModelsTriedAreListedBesideTheForecastInChinese(FxRobot robot) throws Exception {
        TableView<?> table = forecast(robot, Language.SIMPLIFIED_CHINESE);
        assertTrue(label(robot).startsWith("选用："), label(robot));
        for (int row = 0; row < table.getItems().size(); row++) {
            assertFalse(cellText(table, row, 0).matches(".*[A-Za-z].*"), cellText(table, row, 0));
        }
    }

    /** Opens the demo in {@code language}, runs the forecast and checks what both languages share. */
    private TableView<?> forecast(FxRobot robot, Language language) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-" + language), language, false);
            return null;
        }).get();
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(Section.LIFETIME_VALUE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().selectLast()).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#forecastButton");
        TableView<?> table = robot.lookup("#candidateTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "ltv-forecast-models-" + language.name().toLowerCase());
        assertEquals(1240, stage.getScene().getWidth(), 1);
        assertTrue(table.getItems().size() >= 5, "the candidates: " + table.getItems());
        List<Labeled> texts = Stream.concat(table.lookupAll(".column-header .label").stream(),
                        table.lookupAll(".table-cell").stream())
                .filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()).toList();
        assertEquals(2 + 2 * table.getItems().size(), texts.size(),
                "two headers, a name and an error in every row: every row shows without scrolling");
        for (Labeled text : texts) {
            assertFalse(text.isTextTruncated(), "cut short: " + text.getText());
        }
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        assertTrue(tableBounds.getMaxX() <= stage.getScene().getWidth(), "inside the window: " + tableBounds);
        List<Node> marks = table.lookupAll(".chosen-mark").stream()
                .filter(mark -> "\u2713".equals(((Label) mark).getText())).toList();
        assertEquals(1, marks.size(), "one model is marked chosen");
        Node markedRow = marks.getFirst();
        while (!(markedRow instanceof TableRow<?>)) {
            markedRow = markedRow.getParent();
        }
        assertEquals(0, ((TableRow<?>) markedRow).getIndex(), "the chosen model comes first");
        for (String note : new String[]{"#backTestNote", "#bandsNote"}) {
            Label label = robot.lookup(note).queryAs(Label.class);
            assertFalse(label.isTextTruncated(), label.getText());
            assertTrue(label.localToScene(label.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth(), note);
        }
        Node chart = robot.lookup("#forecastChart").query();
        assertTrue(chart.getBoundsInLocal().getWidth() >= 300, "the chart keeps room: " + chart.getBoundsInLocal());
        return table;
    }

    private static String label(FxRobot robot) {
        return robot.lookup("#forecastLabel").queryAs(Label.class).getText();
    }

    private static String cellText(TableView<?> table, int row, int column) {
        Object value = table.getColumns().get(column).getCellObservableValue(row).getValue();
        return String.valueOf(value);
    }
}
