package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.ChartImage;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Retention and Live selling view tests share: showing a tab of Funnels &amp; retention, exporting a chart
 * as its menu does, pictures at a small and a large window, and the English words shown in the Chinese interface.
 */
final class RetentionLiveFixture {

    private RetentionLiveFixture() {
    }

    /** The main window again, in Chinese, with the small Chinese demo (seed 3) open. */
    static MainWindow chineseDemo(Stage stage, Path folder) throws Exception {
        Path chinese = folder.resolve("示例.campaign");
        if (!java.nio.file.Files.exists(chinese)) {
            DemoProjects.write(ProjectLocations.under(folder.resolve("maker-zh")), chinese, DemoSize.SMALL, 3L,
                    Locale.SIMPLIFIED_CHINESE, TaskContext.silent());
        }
        MainWindow window = fx(() -> {
            try {
                return TestWindows.show(stage, folder.resolve("home-zh"), Language.SIMPLIFIED_CHINESE, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        UiFixture.open(window, chinese);
        return window;
    }

    /** Shows Funnels &amp; retention with its tab {@code index} (1: retention, 2: live selling) selected. */
    static void showTab(MainWindow window, FxRobot robot, int index) throws Exception {
        UiFixture.show(window, Section.FUNNELS);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /**
     * Exports {@code chart} as its menu does: Copy image puts its picture on the clipboard, and the picture Save as
     * PNG writes is read back from {@code file}; both have the chart's size, and the PNG is not blank.
     */
    static void exportChart(Node chart, Path file) throws Exception {
        List<String> items = fx(() -> ExportMenu.of(chart).orElseThrow().getItems().stream().map(MenuItem::getText)
                .toList());
        assertEquals(2, items.size(), "save and copy: " + items);
        MenuItem copy = fx(() -> ExportMenu.of(chart).orElseThrow().getItems().get(1));
        Image copied = fx(() -> {
            copy.fire();
            return Clipboard.getSystemClipboard().getImage();
        });
        assertNotNull(copied, "the picture is on the clipboard");
        Bounds size = fx(() -> new Bounds(chart.getLayoutBounds().getWidth(), chart.getLayoutBounds().getHeight()));
        assertEquals(Math.round(size.width()), Math.round(copied.getWidth()));
        Callable<WritableImage> snapshot = () -> ChartImage.snapshot(chart);
        ChartImage.writePng(WaitForAsyncUtils.asyncFx(snapshot).get(), file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(Math.round(size.width()), png.getWidth());
        assertEquals(Math.round(size.height()), png.getHeight());
        long drawn = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                drawn += (png.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        assertTrue(drawn > png.getWidth() * png.getHeight() / 50, "lines, axes and title drawn: " + drawn);
    }

    private record Bounds(double width, double height) {
    }

    /**
     * Pictures of the window at 1240 x 800 and 1920 x 1080 in target/screenshots/NAME-SIZE.png. The headless screen
     * is too small for the larger size, so that one is laid out in a scene of its own, off screen, as ViewTourTest
     * does; returns what {@link ViewChecks} finds wrong in either.
     */
    static List<String> pictures(Stage stage, String name) throws Exception {
        List<String> findings = new ArrayList<>();
        fx(() -> {
            stage.setWidth(1240);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), name + "-1240x800");
        findings.addAll(fx(() -> ViewChecks.findings(stage.getScene().getRoot())));
        Scene original = stage.getScene();
        Scene sized = fx(() -> {
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offScreen = new Scene(root, 1920, 1080);
            offScreen.getStylesheets().setAll(original.getStylesheets());
            return offScreen;
        });
        Screenshots.snapshot(sized);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(sized, name + "-1920x1080");
        findings.addAll(fx(() -> ViewChecks.findings(sized.getRoot())));
        fx(() -> {
            Parent root = sized.getRoot();
            sized.setRoot(new Region());
            original.setRoot(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return findings;
    }

    /** The whole page of a tab ({@code #retentionPage}, {@code #livePage}), scrolled or not, in target/screenshots/NAME.png. */
    static void page(FxRobot robot, String id, String name) throws Exception {
        Node page = robot.lookup(id).query();
        Callable<WritableImage> snapshot = () -> page.snapshot(null, null);
        Screenshots.write(WaitForAsyncUtils.asyncFx(snapshot).get(), Path.of("target", "screenshots"), name);
    }

    /** Every text shown under the window's root with English words in it, and where. */
    static List<String> english(Stage stage, String context) throws Exception {
        ShownText shown = new ShownText(column -> false, node -> false);
        List<ShownText.Piece> pieces = fx(() -> shown.collect(stage.getScene().getRoot(), context));
        return pieces.stream().filter(piece -> !LatinWords.in(piece.text()).isEmpty())
                .map(piece -> LatinWords.in(piece.text()) + " in " + piece).toList();
    }
}
