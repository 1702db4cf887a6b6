package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the UI tests that check shown values and project files share: the small demo project, opening and closing
 * a project in the window, the text a table cell shows, the dialog on show and its buttons.
 */
final class UiFixture {

    private UiFixture() {
    }

    /** Writes the small demo (seed 11, as MainWindowTest's) to {@code folder/demo.campaign}. */
    static Path makeDemo(Path folder) throws Exception {
        Path demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 11L,
                TaskContext.silent());
        return demo;
    }

    /** Opens {@code file} in the window and waits until its workspace shows. */
    static Project open(MainWindow window, Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(file)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return window.state().project().orElseThrow();
    }

    /** Closes the open project without asking (its unsaved changes are thrown away). */
    static void closeQuietly(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }

    static void show(MainWindow window, Section section) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(section)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /**
     * The text the cell of row {@code row} in the column titled {@code title} shows: read from the cell on screen
     * (so it is formatted as the user reads it; a wrapping cell's from the text it draws), after scrolling the row
     * and the column into view.
     */
    static String cell(TableView<?> table, int row, String title) throws Exception {
        TableColumn<?, ?> column = fx(() -> table.getVisibleLeafColumns().stream()
                .filter(c -> title.equals(c.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no column \"" + title + "\"")));
        fx(() -> scrollToColumn(table, column));
        WaitForAsyncUtils.waitForFxEvents();
        Callable<Optional<String>> shown = () -> fx(() -> VisibleNodes.under(table, TableCell.class)
                .filter(c -> c.getTableColumn() == column && c.getIndex() == row && !c.isEmpty())
                .map(UiFixture::shownText).filter(java.util.Objects::nonNull).findFirst());
        try {
            // Asked again until the row shows: a scroll asked for in the same pulse as another can be lost.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                Optional<String> text = shown.call();
                if (text.isEmpty()) {
                    fx(() -> table.scrollTo(row));
                }
                return text.isPresent();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("row " + row + " of \"" + title + "\" is not on screen", e);
        }
        return shown.call().orElseThrow();
    }

    /** A cell's text, or the text it shows as its graphic (cells whose text wraps). */
    private static String shownText(TableCell<?, ?> cell) {
        return cell.getText() != null ? cell.getText()
                : cell.getGraphic() instanceof javafx.scene.text.Text shown ? shown.getText() : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void scrollToColumn(TableView table, TableColumn column) {
        table.scrollToColumn(column);
    }

    /** The text of the tooltip installed on {@code node}, or null. */
    static String tooltip(Node node) {
        Object installed = node.getProperties().get("javafx.scene.control.Tooltip");
        return installed instanceof Tooltip tip ? tip.getText() : null;
    }

    /** Waits for a window other than {@code stage} (a dialog) and returns its pane. */
    static DialogPane dialog(FxRobot robot, Stage stage) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.listWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> dialogs = robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
        assertEquals(1, dialogs.size(), "one dialog on show");
        return (DialogPane) dialogs.getFirst().getScene().getRoot();
    }

    /** Waits until no window but {@code stage} shows. */
    static void noDialog(FxRobot robot, Stage stage) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.listWindows().stream().noneMatch(w -> w != stage && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog's button that reads {@code text}. */
    static Button button(DialogPane pane, String text) throws Exception {
        return fx(() -> pane.getButtonTypes().stream().map(pane::lookupButton).map(Button.class::cast)
                .filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" in " + pane.getButtonTypes())));
    }

    static long count(Project project, String query) throws SQLException {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** What a test reads from a project. */
    @FunctionalInterface
    interface Reading<T> {
        T read(Project project) throws Exception;
    }

    /** Opens {@code file} apart from the window (with working folders under {@code scratch}), reads it, closes it. */
    static <T> T readFile(Path file, Path scratch, Reading<T> reading) throws Exception {
        try (Project project = Project.open(ProjectLocations.under(scratch), file)) {
            return reading.read(project);
        }
    }
}
