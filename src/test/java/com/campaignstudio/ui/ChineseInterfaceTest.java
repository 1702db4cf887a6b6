package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interface in Simplified Chinese. */
@ExtendWith(ApplicationExtension.class)
class ChineseInterfaceTest {

    @TempDir
    static Path folder;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.SIMPLIFIED_CHINESE, false);
    }

    @Test
    void startScreenAndDashboardSpeakChinese(FxRobot robot) throws Exception {
        assertEquals("打开示例项目", robot.lookup("#demoButton").queryAs(Button.class).getText());
        Screenshots.save(stage.getScene(), "start-screen-zh");

        Path demo = folder.resolve("示例.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 3L,
                TaskContext.silent());
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
        // Looked up on the FX thread: a lookup from the test thread can race the section being built.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> UiFixture.fx(() -> robot.lookup(
                "#revenueChart").tryQueryAs(AreaChart.class).map(chart -> !chart.getData().isEmpty()).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("买家", robot.lookup(".kpi-title").nth(1).queryAs(Label.class).getText());
        Screenshots.save(stage.getScene(), "dashboard-zh");

        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(Section.LIFETIME_VALUE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(javafx.scene.input.KeyCode.F5);
        Label distribution = robot.lookup("#distributionLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !distribution.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(distribution.getText().startsWith("终身价值中位数"), distribution.getText());
        assertTrue(robot.lookup("#segmentNote").queryAs(Label.class).getText().startsWith("要按分群比较终身价值"),
                "no segmentation yet: the view says how to get one");
        javafx.scene.chart.BarChart<?, ?> platforms = robot.lookup("#platformChart").queryAs(javafx.scene.chart.BarChart.class);
        assertTrue(platforms.getData().getFirst().getData().stream().anyMatch(bar -> "抖音".equals(bar.getXValue())),
                "platforms by their Chinese names");
        Screenshots.save(stage.getScene(), "ltv-zh");
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }
}
