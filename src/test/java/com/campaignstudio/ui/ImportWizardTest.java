package com.campaignstudio.ui;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks the import wizard end to end on the messy GBK order export, then looks at the dashboard. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {

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
    void aMessyGbkOrderExportImportsAndShowsOnTheDashboard(FxRobot robot) throws Exception {
        Path projectFile = folder.resolve("shop.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), projectFile, ZoneId.of("Asia/Shanghai")).close();
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(projectFile)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        Path orders = Path.of(ImportWizardTest.class.getResource("/import/orders-gbk.csv").toURI());

        WaitForAsyncUtils.asyncFx(() -> window.openImportWizard(orders)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window wizard = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        TableView<?> preview = (TableView<?>) wizard.getScene().lookup("#previewTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !preview.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(wizard.getScene(), "import-1-source");
        assertEquals(10, preview.getItems().size(), "the title line above the header is skipped");
        assertTrue(preview.getColumns().stream().anyMatch(c -> c.getText().equals("实付金额")), "GBK headers read");

        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(wizard.getScene(), "import-2-mapping");
        assertEquals("", ((Label) wizard.getScene().lookup("#missingLabel")).getText(), "every required field mapped");

        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        robot.clickOn((Button) wizard.getScene().lookup("#importButton"));
        Label summary = (Label) wizard.getScene().lookup("#summaryLabel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().startsWith("Imported."));
        assertTrue(summary.getText().contains("10 rows read: 5 added, 0 updated, 0 skipped, 5 rejected."),
                summary.getText());
        TableView<?> rejected = (TableView<?>) wizard.getScene().lookup("#rejectionTable");
        assertEquals(5, rejected.getItems().size());
        Screenshots.save(wizard.getScene(), "import-3-result");

        robot.clickOn((Button) wizard.getScene().lookup("#closeButton"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#revenueValue").tryQueryAs(Label.class)
                .map(label -> "¥3,385".equals(label.getText())).orElse(false));
        assertTrue(window.state().unsavedProperty().get(), "the import is unsaved work until the user saves");
        Screenshots.save(stage.getScene(), "import-4-dashboard");
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }

    @Test
    void aPlatformTheProjectDoesNotKnowIsOfferedAsNewOrAsOneItHas(FxRobot robot) throws Exception {
        Path projectFile = folder.resolve("channels.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), projectFile, ZoneId.of("Asia/Shanghai")).close();
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(projectFile)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        Path orders = Path.of(ImportWizardTest.class.getResource("/import/real/orders-channels-shop.csv").toURI());
        WaitForAsyncUtils.asyncFx(() -> window.openImportWizard(orders)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window wizard = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        TableView<?> preview = (TableView<?>) wizard.getScene().lookup("#previewTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !preview.getItems().isEmpty());
        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        robot.clickOn((Button) wizard.getScene().lookup("#checkButton"));
        @SuppressWarnings("unchecked")
        TableView<com.campaignstudio.ui.importer.ImportWizardModel.PlatformChoice> platforms =
                (TableView<com.campaignstudio.ui.importer.ImportWizardModel.PlatformChoice>) wizard.getScene()
                        .lookup("#platformTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !platforms.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("创客匠人", platforms.getItems().getFirst().name());
        assertEquals(2, platforms.getItems().getFirst().rows());
        Label summary = (Label) wizard.getScene().lookup("#summaryLabel");
        assertTrue(summary.getText().contains("This file names platforms the project does not have: 创客匠人."),
                summary.getText());
        assertTrue(summary.getText().contains("It will add these known platforms to the project: WeChat Channels"),
                summary.getText());
        Screenshots.save(wizard.getScene(), "import-platform-choice");

        WaitForAsyncUtils.asyncFx(() -> platforms.getItems().getFirst().target().set("wechat")).get();
        robot.clickOn((Button) wizard.getScene().lookup("#importButton"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().startsWith("Imported."));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(summary.getText().contains("14 added"), summary.getText());
        assertTrue(summary.getText().contains("Added to the project's platforms: WeChat Channels, Xiaoe-tech, Youzan"),
                summary.getText());
        assertTrue(platforms.getItems().isEmpty(), "nothing left to choose once imported");
        Screenshots.save(wizard.getScene(), "import-platform-result");
        long aliased = window.state().project().orElseThrow().database().read(connection -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT COUNT(*) FROM customer_order o JOIN platform p "
                         + "ON p.id = o.platform_id WHERE p.code = 'wechat' AND o.order_ref IN ('SP013', 'SP014')")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(2, aliased);
        robot.clickOn((Button) wizard.getScene().lookup("#closeButton"));
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }
}
