package com.campaignstudio.ui;

import com.campaignstudio.AppInfo;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.FileQuestions;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
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
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project file's life driven through the window: Save (Ctrl+S), Save As (Ctrl+Shift+S), New (Ctrl+N), Open
 * (Ctrl+O), Close (Ctrl+W) with unsaved changes and each answer to its question, and the recovery offered at
 * start-up after a crash. Each test changes a project through the project settings dialog (its time zone), and
 * what a file holds is checked by opening it apart from the window. The file dialogs, which JavaFX has not without
 * a display, are answered by the test after it has seen what was asked.
 *
 * <p>Covered elsewhere: a damaged file and its backup (MainWindowTest), closing while an analysis runs
 * (MainWindowTest), and that Cancel in the unsaved-changes question keeps a project open (NoEnglishInChineseUiTest;
 * here it is checked that the change is kept too).
 */
@ExtendWith(ApplicationExtension.class)
class ProjectFileLifecycleUiTest {

    private static final String SAVED_ZONE = "Asia/Shanghai";
    private static final String CHANGED_ZONE = "Europe/Berlin";

    @TempDir
    static Path folder;
    /** A saved project with two followers, copied for each test. */
    static Path original;
    private final UiText text = new UiText(Locale.ENGLISH);
    /** The files the test answers the file dialogs with, in order; the dialogs asked, with their kind. */
    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<FileChooser> asked = new ArrayList<>();
    private final List<FileQuestions.Kind> kinds = new ArrayList<>();
    private MainWindow window;
    private Stage stage;
    private int scratch;

    @BeforeAll
    static void makeProject() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        original = folder.resolve("original.campaign");
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("maker")), original,
                ZoneId.of(SAVED_ZONE))) {
            addFollower(project, "first");
            addFollower(project, "second");
            project.save();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
        window.useFileQuestions((chooser, kind, owner) -> {
            asked.add(chooser);
            kinds.add(kind);
            return answers.isEmpty() ? null : answers.poll().toFile();
        });
    }

    @AfterEach
    void closeProject() throws Exception {
        UiFixture.closeQuietly(window);
    }

    @Test
    void saveWritesTheChangeToTheFileAndTheStatusBarStopsSayingUnsaved(FxRobot robot) throws Exception {
        Path file = copy("saved.campaign");
        UiFixture.open(window, file);
        assertEquals("", projectState(robot));
        changeZone(robot, CHANGED_ZONE);
        assertEquals(text.get("status.unsaved"), projectState(robot));
        assertEquals(SAVED_ZONE, zoneIn(file), "nothing is written before Save");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.state().unsavedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", projectState(robot));
        assertEquals(CHANGED_ZONE, zoneIn(file));
        assertEquals(2, followersIn(file));
        assertTrue(kinds.isEmpty(), "Save asks for no file");
    }

    @Test
    void saveAsWritesANewFileThatOpensWithTheDataAndLeavesTheOldFileAsItWas(FxRobot robot) throws Exception {
        Path old = copy("before-save-as.campaign");
        Project project = UiFixture.open(window, old);
        changeZone(robot, CHANGED_ZONE);
        byte[] oldBytes = Files.readAllBytes(old);
        Path target = folder.resolve("after-save-as.campaign");
        answers.add(folder.resolve("after-save-as"));

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project.file().equals(target)
                && !window.state().unsavedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(FileQuestions.Kind.SAVE), kinds);
        FileChooser chooser = asked.getFirst();
        assertEquals(text.get("dialog.saveAs.title"), chooser.getTitle());
        assertEquals("before-save-as.campaign", chooser.getInitialFileName(), "the open file's name is offered");
        assertEquals(folder.toFile(), chooser.getInitialDirectory(), "in the open file's folder");
        assertEquals("after-save-as.campaign \u2014 " + AppInfo.NAME, stage.getTitle());
        assertArrayEquals(oldBytes, Files.readAllBytes(old), "the old file is not written");
        assertEquals(SAVED_ZONE, zoneIn(old));
        assertEquals(CHANGED_ZONE, zoneIn(target));
        assertEquals(2, followersIn(target));

        // From now on the project is the new file: the next save goes there, not to the old one.
        changeZone(robot, "Europe/London");
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.state().unsavedProperty().get());
        assertArrayEquals(oldBytes, Files.readAllBytes(old), "the old file is not written");
        assertEquals("Europe/London", zoneIn(target));

        // Closed and opened again through the window, the new file shows its data.
        robot.push(KeyCode.SHORTCUT, KeyCode.W);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isEmpty());
        Project reopened = openWithShortcut(robot, target);
        assertEquals("Europe/London", reopened.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
        assertEquals(2, UiFixture.count(reopened, "SELECT COUNT(*) FROM follower"));
    }

    @Test
    void newCreatesAnEmptyProjectAndLeavesTheOneThatWasOpenAsItWas(FxRobot robot) throws Exception {
        Path old = copy("before-new.campaign");
        UiFixture.open(window, old);
        byte[] oldBytes = Files.readAllBytes(old);
        Path created = folder.resolve("fresh.campaign");
        answers.add(created);

        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project()
                .filter(project -> project.file().equals(created)).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(FileQuestions.Kind.SAVE), kinds);
        assertEquals(text.get("dialog.new.title"), asked.getFirst().getTitle());
        assertEquals(text.get("dialog.new.defaultName") + AppInfo.PROJECT_EXTENSION,
                asked.getFirst().getInitialFileName());
        Project project = window.state().project().orElseThrow();
        assertEquals(0, UiFixture.count(project, "SELECT COUNT(*) FROM follower"));
        assertEquals(0, UiFixture.count(project, "SELECT COUNT(*) FROM customer_order"));
        assertFalse(window.state().unsavedProperty().get(), "a new project is saved at once");
        assertTrue(Files.isRegularFile(created));
        assertEquals(0, followersIn(created));
        assertEquals("fresh.campaign \u2014 " + AppInfo.NAME, stage.getTitle());
        assertArrayEquals(oldBytes, Files.readAllBytes(old));
        assertEquals(2, followersIn(old));
    }

    @Test
    void closingWithUnsavedChangesAndCancellingKeepsTheProjectAndTheChange(FxRobot robot) throws Exception {
        Path file = copy("close-cancel.campaign");
        Project project = UiFixture.open(window, file);
        changeZone(robot, CHANGED_ZONE);
        byte[] bytes = Files.readAllBytes(file);

        DialogPane question = askToClose(robot, "close-cancel.campaign");
        robot.clickOn(UiFixture.button(question, text.get("dialog.button.cancel")));
        UiFixture.noDialog(robot, stage);
        assertSame(project, window.state().project().orElseThrow());
        assertTrue(window.state().unsavedProperty().get());
        assertEquals(text.get("status.unsaved"), projectState(robot));
        assertEquals(CHANGED_ZONE, project.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void closingWithUnsavedChangesAndNotSavingLosesTheChange(FxRobot robot) throws Exception {
        Path file = copy("close-discard.campaign");
        UiFixture.open(window, file);
        changeZone(robot, CHANGED_ZONE);
        byte[] bytes = Files.readAllBytes(file);

        DialogPane question = askToClose(robot, "close-discard.campaign");
        robot.clickOn(UiFixture.button(question, text.get("dialog.unsaved.discard")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isEmpty());
        UiFixture.noDialog(robot, stage);
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertFalse(Project.findRecoverable(homeLocations()).contains(file.toAbsolutePath().normalize()),
                "nothing is left to recover");
        Project reopened = openWithShortcut(robot, file);
        assertEquals(SAVED_ZONE, reopened.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
        assertFalse(window.state().unsavedProperty().get());
    }

    @Test
    void closingWithUnsavedChangesAndSavingKeepsTheChangeInTheFile(FxRobot robot) throws Exception {
        Path file = copy("close-save.campaign");
        UiFixture.open(window, file);
        changeZone(robot, CHANGED_ZONE);

        DialogPane question = askToClose(robot, "close-save.campaign");
        robot.clickOn(UiFixture.button(question, text.get("dialog.unsaved.save")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isEmpty());
        UiFixture.noDialog(robot, stage);
        Project reopened = openWithShortcut(robot, file);
        assertEquals(CHANGED_ZONE, reopened.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
        assertEquals(2, UiFixture.count(reopened, "SELECT COUNT(*) FROM follower"));
        assertFalse(window.state().unsavedProperty().get());
    }

    @Test
    void afterACrashTheUnsavedChangesAreOfferedAndRecovered(FxRobot robot) throws Exception {
        Path file = crashWithAThirdFollower("crashed-recover.campaign");

        Platform.runLater(window::offerRecovery);
        DialogPane offer = UiFixture.dialog(robot, stage);
        assertEquals(text.get("dialog.recover.header", "crashed-recover.campaign"), offer.getHeaderText());
        robot.clickOn(UiFixture.button(offer, text.get("dialog.recover.recover")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        DialogPane recovered = UiFixture.dialog(robot, stage);
        assertEquals(text.get("dialog.recovered"), ((Label) recovered.getContent()).getText());
        robot.clickOn(UiFixture.button(recovered, text.get("dialog.button.ok")));
        UiFixture.noDialog(robot, stage);

        Project project = window.state().project().orElseThrow();
        assertEquals(file.toAbsolutePath().normalize(), project.file());
        assertEquals(3, UiFixture.count(project, "SELECT COUNT(*) FROM follower"), "the unsaved follower is back");
        assertTrue(window.state().unsavedProperty().get(), "recovered changes are still to be saved");
        assertEquals(text.get("status.unsaved"), projectState(robot));
        assertEquals(2, followersIn(file), "the file is as last saved until the user saves");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.state().unsavedProperty().get());
        assertEquals(3, followersIn(file));
    }

    @Test
    void afterACrashDiscardingTheOfferedChangesKeepsTheLastSavedVersion(FxRobot robot) throws Exception {
        Path file = crashWithAThirdFollower("crashed-discard.campaign");
        byte[] bytes = Files.readAllBytes(file);

        Platform.runLater(window::offerRecovery);
        DialogPane offer = UiFixture.dialog(robot, stage);
        assertEquals(text.get("dialog.recover.header", "crashed-discard.campaign"), offer.getHeaderText());
        robot.clickOn(UiFixture.button(offer, text.get("dialog.recover.discard")));
        UiFixture.noDialog(robot, stage);

        assertTrue(window.state().project().isEmpty(), "nothing is opened");
        assertFalse(Project.findRecoverable(homeLocations()).contains(file.toAbsolutePath().normalize()),
                "the changes are gone, not offered again");
        assertArrayEquals(bytes, Files.readAllBytes(file));
        Project reopened = openWithShortcut(robot, file);
        assertEquals(2, UiFixture.count(reopened, "SELECT COUNT(*) FROM follower"));
        assertFalse(window.state().unsavedProperty().get());
    }

    /**
     * A copy of the project, opened by the application's own folders, with a third follower added and not saved,
     * left as a crash leaves it.
     */
    private Path crashWithAThirdFollower(String name) throws Exception {
        Path file = copy(name);
        Project project = Project.open(homeLocations(), file);
        addFollower(project, "unsaved");
        project.closeKeepingUnsavedChanges();
        assertTrue(Project.findRecoverable(homeLocations()).contains(file.toAbsolutePath().normalize()));
        return file;
    }

    private static ProjectLocations homeLocations() {
        return ProjectLocations.under(folder.resolve("home"));
    }

    /** Closes the open project with Ctrl+W and returns the question about its unsaved changes. */
    private DialogPane askToClose(FxRobot robot, String fileName) throws Exception {
        robot.push(KeyCode.SHORTCUT, KeyCode.W);
        DialogPane question = UiFixture.dialog(robot, stage);
        assertEquals(text.get("dialog.unsaved.header", fileName), question.getHeaderText());
        return question;
    }

    /** Opens {@code file} with Ctrl+O, answering the file dialog with it. */
    private Project openWithShortcut(FxRobot robot, Path file) throws Exception {
        answers.add(file);
        robot.push(KeyCode.SHORTCUT, KeyCode.O);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(FileQuestions.Kind.OPEN, kinds.getLast());
        assertEquals(text.get("dialog.open.title"), asked.getLast().getTitle());
        Project project = window.state().project().orElseThrow();
        assertEquals(file.toAbsolutePath().normalize(), project.file());
        return project;
    }

    /** Sets the project's time zone in Settings › Project settings, and waits until it is stored. */
    @SuppressWarnings("unchecked")
    private void changeZone(FxRobot robot, String zone) throws Exception {
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = menus.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(candidate -> "projectSettingsItem".equals(candidate.getId())).findFirst().orElseThrow();
        Platform.runLater(item::fire);
        DialogPane pane = UiFixture.dialog(robot, stage);
        ComboBox<String> choice = (ComboBox<String>) pane.lookup(".combo-box");
        fx(() -> choice.setValue(zone));
        robot.clickOn(UiFixture.button(pane, text.get("dialog.button.ok")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().settings().zone().getId().equals(zone)
                && window.state().unsavedProperty().get());
        UiFixture.noDialog(robot, stage);
    }

    private String projectState(FxRobot robot) throws Exception {
        Label label = robot.lookup("#projectState").queryAs(Label.class);
        return fx(label::getText);
    }

    private Path copy(String name) throws Exception {
        return Files.copy(original, folder.resolve(name));
    }

    private String zoneIn(Path file) throws Exception {
        return UiFixture.readFile(file, folder.resolve("reader" + scratch++),
                project -> project.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
    }

    private long followersIn(Path file) throws Exception {
        return UiFixture.readFile(file, folder.resolve("reader" + scratch++),
                project -> UiFixture.count(project, "SELECT COUNT(*) FROM follower"));
    }

    private static void addFollower(Project project, String externalId) throws Exception {
        project.database().transaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO follower (platform_id, external_id) VALUES (1, ?)")) {
                statement.setString(1, externalId);
                return statement.executeUpdate();
            }
        });
    }
}
