package com.campaignstudio.ui;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import wizard, in Chinese, takes a GBK list of reach snapshots for posts the project has. */
@ExtendWith(ApplicationExtension.class)
class ReachSnapshotWizardTest {

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
    void aChineseSnapshotListIsRecognisedMappedAndImported(FxRobot robot) throws Exception {
        Path projectFile = folder.resolve("creator.campaign");
        Path posts = Files.writeString(folder.resolve("posts.csv"), "作品ID,平台,发布时间\nP1,抖音,2024-03-05 20:00\n");
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("maker")), projectFile,
                ZoneId.of("Asia/Shanghai"))) {
            new Importer(project.database()).run(new ImportPlan(posts, EntityKind.POSTS, MappingSuggester.suggest(
                    EntityKind.POSTS, List.of("作品ID", "平台", "发布时间")), ImportPlan.Duplicates.UPDATE,
                    ImportPlan.RejectionPolicy.ALL_OR_NOTHING), TaskContext.silent());
            project.save();
        }
        Path snapshots = folder.resolve("触达.csv");
        Files.write(snapshots, ("作品ID,平台,统计时间,累计触达\n"
                + "P1,抖音,2024-03-05 21:00,1.2万\nP1,抖音,2024-03-06 20:00,5400\n"
                + "P1,抖音,2024-03-08 20:00,7100\nP9,抖音,2024-03-06 20:00,90\n").getBytes(Charset.forName("GBK")));
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(projectFile)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());

        WaitForAsyncUtils.asyncFx(() -> window.openImportWizard(snapshots)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window wizard = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        TableView<?> preview = (TableView<?>) wizard.getScene().lookup("#previewTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !preview.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<EntityKind> kind = (ComboBox<EntityKind>) wizard.getScene().lookup("#kindChoice");
        assertEquals(EntityKind.REACH_SNAPSHOTS, kind.getValue(), "judged from the headers");
        ResourceBundle chinese = ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertEquals(chinese.getString("kind.REACH_SNAPSHOTS"), kind.getConverter().toString(kind.getValue()));
        Screenshots.save(wizard.getScene(), "reach-import-1-source-zh");

        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(wizard.getScene(), "reach-import-2-mapping-zh");
        assertEquals("", ((Label) wizard.getScene().lookup("#missingLabel")).getText(), "every required field mapped");

        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        robot.clickOn((Button) wizard.getScene().lookup("#importButton"));
        Label summary = (Label) wizard.getScene().lookup("#summaryLabel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().startsWith("已导入。"));
        assertTrue(summary.getText().contains("读取 4 行：新增 3，更新 0，跳过 0，拒绝 1。"), summary.getText());
        TableView<?> rejected = (TableView<?>) wizard.getScene().lookup("#rejectionTable");
        assertEquals(1, rejected.getItems().size());
        Screenshots.save(wizard.getScene(), "reach-import-3-result-zh");
        long stored = window.state().project().orElseThrow().database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT SUM(reach) FROM post_reach_snapshot")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(12_000 + 5_400 + 7_100, stored);

        robot.clickOn((Button) wizard.getScene().lookup("#closeButton"));
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }
}
