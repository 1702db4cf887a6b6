package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching the language rebuilds the window; what was worked out stays on screen, in the new language. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    @TempDir
    static Path folder;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @Test
    void segmentsAndLifetimeValueStayOnScreenInTheNewLanguage(FxRobot robot) throws Exception {
        Screenshots.save(stage.getScene(), "start-screen-en");
        Path demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 5L, TaskContext.silent());
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());

        show(Section.SEGMENTS);
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> robot.lookup("#profileTable").queryAs(TableView.class).getItems().size() == 4);
        String segmentsTitle = robot.lookup("#resultTitle").queryAs(Label.class).getText();
        show(Section.LIFETIME_VALUE);
        DatePicker calibrationEnd = robot.lookup("#calibrationEnd").queryAs(DatePicker.class);
        WaitForAsyncUtils.asyncFx(() -> calibrationEnd.setValue(LocalDate.of(2026, 3, 31))).get();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> robot.lookup("#parameterTable").queryAs(TableView.class).getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#distributionLabel").queryAs(Label.class).getText().startsWith("Median CLV"));
        Screenshots.save(stage.getScene(), "language-switch-ltv-en");
        String latin = robot.lookup("#resultTitle").queryAs(Label.class).getFont().getFamily();
        assertTrue(!latin.contains("CJK"), "English in a Latin font, so that ’ and … are Latin: " + latin);

        chooseChinese(robot);

        assertEquals("文件(_F)", robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().getFirst().getText(),
                "the window speaks Chinese");
        assertEquals(7, robot.lookup("#parameterTable").queryAs(TableView.class).getItems().size(),
                "the fitted models are still shown");
        javafx.scene.chart.BarChart<?, ?> platforms = robot.lookup("#platformChart")
                .queryAs(javafx.scene.chart.BarChart.class);
        assertEquals("微博", platforms.getData().getFirst().getData().getFirst().getXValue(), "and drawn, in Chinese");
        assertTrue(robot.lookup("#distributionLabel").queryAs(Label.class).getText().startsWith("终身价值中位数"),
                "and described in Chinese");
        assertTrue(robot.lookup("#resultTitle").queryAs(Label.class).getText().contains("校准截至 2026-03-31"));
        assertEquals("Noto Sans CJK SC", robot.lookup("#resultTitle").queryAs(Label.class).getFont().getFamily(),
                "Chinese in a Chinese font, so that its punctuation is Chinese");
        Screenshots.save(stage.getScene(), "language-switch-ltv-zh");

        show(Section.SEGMENTS);
        TableView<?> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        assertEquals(4, profiles.getItems().size(), "the segments are still shown");
        assertEquals("潜力", profiles.getColumns().get(1).getText());
        String title = robot.lookup("#resultTitle").queryAs(Label.class).getText();
        assertTrue(segmentsTitle.startsWith("Segments "), segmentsTitle);
        assertTrue(title.startsWith("分群 ") && title.contains("5,000 位粉丝"), "the name the app gave, in Chinese: " + title);
        assertEquals("高潜力", cell(profiles, 0, 1), "their potential in Chinese");
        assertEquals("高潜力", cell(profiles, 0, 0), "and the names the app gave them");
        Screenshots.save(stage.getScene(), "language-switch-segments-zh");
    }

    @Test
    void experimentsAndProductsBoughtTogetherStayOnScreenInTheNewLanguage(FxRobot robot) throws Exception {
        Path demo = folder.resolve("demo-basket.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 5L, TaskContext.silent());
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());

        show(Section.BOUGHT_TOGETHER);
        robot.push(KeyCode.F5);
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !rules.getItems().isEmpty());
        int ruleCount = rules.getItems().size();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#pitchButton").queryButton().fire()).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#tallyTable").queryAs(TableView.class).getItems().isEmpty());
        int pitched = robot.lookup("#tallyTable").queryAs(TableView.class).getItems().size();

        show(Section.EXPERIMENTS);
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#variantVisitors0").queryAs(javafx.scene.control.TextField.class).setText("4000");
            robot.lookup("#variantConversions0").queryAs(javafx.scene.control.TextField.class).setText("200");
            robot.lookup("#variantVisitors1").queryAs(javafx.scene.control.TextField.class).setText("4000");
            robot.lookup("#variantConversions1").queryAs(javafx.scene.control.TextField.class).setText("260");
            robot.lookup("#totalsArea").queryAs(javafx.scene.control.TextArea.class).setText(ViewTourTest.WEEK);
        }).get();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#armTable").queryAs(TableView.class).getItems().size() == 2);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#sequentialRunButton").queryButton().fire()).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#dayTable").queryAs(TableView.class).getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        Label verdict = (Label) robot.lookup("#verdictBox").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .getFirst();
        assertEquals("B wins", verdict.getText());

        chooseChinese(robot);

        assertEquals("4000", robot.lookup("#variantVisitors1").queryAs(javafx.scene.control.TextField.class).getText(),
                "the counts typed are still there");
        verdict = (Label) robot.lookup("#verdictBox").queryAs(javafx.scene.layout.VBox.class).getChildren().getFirst();
        assertEquals("B 胜出", verdict.getText(), "and their reading, in Chinese");
        assertEquals(2, robot.lookup("#armTable").queryAs(TableView.class).getItems().size());
        assertEquals(7, robot.lookup("#dayTable").queryAs(TableView.class).getItems().size(), "the days read too");
        assertTrue(robot.lookup("#decidedLabel").queryAs(Label.class).getText().startsWith("已在"),
                robot.lookup("#decidedLabel").queryAs(Label.class).getText());
        show(Section.BOUGHT_TOGETHER);
        assertEquals(ruleCount, robot.lookup("#ruleTable").queryAs(TableView.class).getItems().size(),
                "the rules are still shown");
        TableView<?> shownRules = robot.lookup("#ruleTable").queryAs(TableView.class);
        assertEquals("如果买了", shownRules.getColumns().getFirst().getText());
        assertEquals(pitched, robot.lookup("#tallyTable").queryAs(TableView.class).getItems().size(),
                "and the pitch");
        assertTrue(robot.lookup("#pitchSummary").queryAs(Label.class).getText().contains("位买家"),
                robot.lookup("#pitchSummary").queryAs(Label.class).getText());
    }

    private void chooseChinese(FxRobot robot) throws Exception {
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem language = menus.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> "_Language\u2026".equals(item.getText()) || "Language\u2026".equals(item.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Language menu item: " + menus.getMenus()));
        Platform.runLater(language::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = (ComboBox<String>) pane.lookup(".combo-box");
        WaitForAsyncUtils.asyncFx(() -> choice.setValue("简体中文")).get();
        Button ok = (Button) pane.lookupButton(pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow());
        WaitForAsyncUtils.asyncFx(ok::fire).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Object cell(TableView<?> table, int row, int column) {
        return table.getColumns().get(column).getCellObservableValue(row).getValue();
    }

    private void show(Section section) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(section)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
