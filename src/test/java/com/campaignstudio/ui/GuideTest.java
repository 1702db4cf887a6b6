package com.campaignstudio.ui;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.help.GuidePage;
import com.campaignstudio.ui.shell.Section;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → Guide: a page per view, opened by F1 at the page of the view on show, in the user's language. */
@ExtendWith(ApplicationExtension.class)
class GuideTest {

    @TempDir
    static Path folder;
    static Path empty;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeProject() throws Exception {
        empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeEverything() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.state().project().ifPresent(project -> {
                window.state().setProject(null);
                project.close();
            });
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        }).get();
    }

    @Test
    void f1OpensTheGuideWithAPageForEveryBuiltSectionAndTheImportWizard(FxRobot robot) throws Exception {
        robot.push(KeyCode.F1);
        Window guide = guide(robot, "Campaign Studio guide");
        ListView<GuidePage> pages = pages(guide);
        assertEquals(GuidePage.START, pages.getSelectionModel().getSelectedItem(), "no project open: the first page");

        Set<GuidePage> built = EnumSet.noneOf(GuidePage.class);
        for (Section section : Section.values()) {
            if (section.isBuilt()) {
                GuidePage page = GuidePage.of(section);
                assertNotEquals(GuidePage.COMING, page, section + " has a page of its own");
                assertTrue(built.add(page), section + " shares its page with another section");
            }
        }
        built.add(GuidePage.IMPORT);
        assertTrue(pages.getItems().containsAll(built));
        for (GuidePage page : built) {
            List<String> shown = show(pages, guide, page);
            assertTrue(shown.size() >= 7, page + ": a title, then what it answers, how to read it, what next: " + shown);
            assertTrue(shown.stream().noneMatch(String::isBlank), page + ": " + shown);
            assertEquals("What it answers", shown.get(1));
        }
        List<String> coming = show(pages, guide, GuidePage.COMING);
        for (Section section : Section.values()) {
            assertEquals(!section.isBuilt(), coming.contains(sectionTitle(section)), "what is coming: " + section);
        }
        assertTrue(show(pages, guide, GuidePage.GLOSSARY).stream().anyMatch(line -> line.startsWith("AUC: ")));
        show(pages, guide, GuidePage.SEGMENTS);
        Screenshots.save(guide.getScene(), "guide-segments");
    }

    @Test
    void f1InAViewOpensTheGuideAtThatViewsPage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(empty)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        for (Section section : List.of(Section.SEGMENTS, Section.LIFETIME_VALUE, Section.DATA, Section.FUNNELS,
                Section.SCHEDULE)) {
            WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(section)).get();
            WaitForAsyncUtils.waitForFxEvents();
            robot.push(KeyCode.F1);
            Window guide = guide(robot, "Campaign Studio guide");
            assertEquals(section.isBuilt() ? GuidePage.of(section) : GuidePage.COMING,
                    pages(guide).getSelectionModel().getSelectedItem(), section.name());
            WaitForAsyncUtils.asyncFx(guide::hide).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void inChineseNoPageOfTheGuideIsInEnglish(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-zh"), Language.SIMPLIFIED_CHINESE, false);
            window.openGuide();
            return null;
        }).get();
        Window guide = guide(robot, "Campaign Studio 使用指南");
        ListView<GuidePage> pages = pages(guide);
        for (GuidePage page : GuidePage.values()) {
            for (String line : show(pages, guide, page)) {
                assertTrue(line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        page + " has a line without Chinese: " + line);
            }
        }
        for (Node cell : pages.lookupAll(".list-cell")) {
            String title = ((ListCell<?>) cell).getText();
            assertTrue(title == null || title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), title);
        }
        show(pages, guide, GuidePage.LIFETIME_VALUE);
        Screenshots.save(guide.getScene(), "guide-ltv-zh");
    }

    private static String sectionTitle(Section section) {
        return new com.campaignstudio.ui.common.UiText(java.util.Locale.ENGLISH).bundle()
                .getString(section.titleKey());
    }

    private static Window guide(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static ListView<GuidePage> pages(Window guide) {
        return (ListView<GuidePage>) guide.getScene().lookup("#pageList");
    }

    /** Turns the guide to {@code page} and returns the text of every label on it. */
    private static List<String> show(ListView<GuidePage> pages, Window guide, GuidePage page) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> pages.getSelectionModel().select(page)).get();
        WaitForAsyncUtils.waitForFxEvents();
        VBox content = (VBox) guide.getScene().lookup("#pageContent");
        assertFalse(content.getChildren().isEmpty(), page.name());
        return content.getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }
}
