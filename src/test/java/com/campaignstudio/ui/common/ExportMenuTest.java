package com.campaignstudio.ui.common;

import com.campaignstudio.export.RowExport;
import com.campaignstudio.work.SameThreadRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts saved as pictures and tables as CSV, through the one export menu. */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {

    @TempDir
    Path folder;
    private TableView<Post> table;
    private BarChart<String, Number> chart;

    private record Post(String post, double value, long engagers, String topic) {
    }

    @Start
    void start(Stage stage) {
        UiText text = new UiText(Locale.ENGLISH);
        table = new TableView<>();
        TableColumn<Post, String> post = new TableColumn<>("Post");
        post.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().post()));
        TableColumn<Post, Number> value = NumberColumn.of("Value R", Post::value, n -> String.format("%.2f", n.doubleValue()));
        new Glossary(text).attach(value, Term.CONTENT_VALUE_R);
        TableColumn<Post, Number> engagers = NumberColumn.of("Engaged followers", Post::engagers,
                n -> text.integer(n.longValue()));
        TableColumn<Post, String> topic = new TableColumn<>("Topic");
        topic.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().topic()));
        topic.setVisible(false);
        table.getColumns().setAll(List.of(post, value, engagers, topic));
        table.getItems().setAll(new Post("抖音 · 1", 0.4213, 12_000, "hidden"),
                new Post("=HYPERLINK(\"http://evil.example\")", 0.875, 3, "hidden"),
                new Post("微博 · 2", 0.1, 1_234_567, "hidden"));
        value.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(value));

        chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setTitle("Followers by platform");
        XYChart.Series<String, Number> followers = new XYChart.Series<>();
        followers.getData().setAll(List.of(new XYChart.Data<>("抖音", 1200), new XYChart.Data<>("微博", 800),
                new XYChart.Data<>("B站", 300)));
        chart.getData().setAll(List.of(followers));

        ExportMenu exports = new ExportMenu(text, new SameThreadRunner());
        exports.install(table, "Content");
        exports.install(chart, "Followers by platform");
        stage.setScene(new Scene(new VBox(table, chart), 640, 640));
        stage.show();
    }

    @Test
    void theCsvOfATableHoldsItsShownColumnsAndEveryRowInTheShownOrderWithValuesUnformatted() throws Exception {
        Path file = folder.resolve("content.csv");
        TableSnapshot snapshot = WaitForAsyncUtils.asyncFx(() -> TableSnapshot.of(table)).get();

        RowExport.csv(snapshot, file, TaskContext.silent());

        assertEquals("\uFEFFPost,Value R,Engaged followers\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\")\",0.875,3\r\n"
                + "抖音 · 1,0.4213,12000\r\n"
                + "微博 · 2,0.1,1234567\r\n", Files.readString(file, StandardCharsets.UTF_8),
                "hidden Topic left out, sorted by value, numbers unformatted, the formula neutralised");
    }

    @Test
    void thePngOfAChartHasTheChartsSizeAndShowsIt() throws Exception {
        Path file = folder.resolve("chart.png");
        Callable<WritableImage> snapshot = () -> ChartImage.snapshot(chart);
        WritableImage image = WaitForAsyncUtils.asyncFx(snapshot).get();

        ChartImage.writePng(image, file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(Math.round(chart.getWidth()), png.getWidth());
        assertEquals(Math.round(chart.getHeight()), png.getHeight());
        long drawn = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                drawn += (png.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        double share = drawn / (double) (png.getWidth() * png.getHeight());
        assertTrue(share > 0.05 && share < 0.9, "bars, axes and title drawn on white: " + share);
    }

    @Test
    void aRightClickOnAChartOffersToSaveOrCopyItsPicture(FxRobot robot) {
        robot.rightClickOn(chart);
        ContextMenu menu = ExportMenu.of(chart).orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(menu.isShowing());
        assertEquals(List.of("Save as PNG\u2026", "Copy image"), menu.getItems().stream().map(MenuItem::getText).toList());
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void copyingAChartPutsItsPictureOnTheClipboard() throws Exception {
        MenuItem copy = ExportMenu.of(chart).orElseThrow().getItems().get(1);

        javafx.scene.image.Image copied = WaitForAsyncUtils.asyncFx(() -> {
            copy.fire();
            return javafx.scene.input.Clipboard.getSystemClipboard().getImage();
        }).get();

        assertEquals(Math.round(chart.getWidth()), Math.round(copied.getWidth()));
        assertEquals(Math.round(chart.getHeight()), Math.round(copied.getHeight()));
    }

    @Test
    void aTableOffersToSaveOrCopyItsRows() {
        ContextMenu menu = ExportMenu.of(table).orElseThrow();

        assertEquals(menu, table.getContextMenu());
        assertEquals(List.of("Save as CSV\u2026", "Copy table"), menu.getItems().stream().map(MenuItem::getText).toList());
    }

    @Test
    void copyingATablePutsItsRowsOnTheClipboardForASpreadsheet() throws Exception {
        MenuItem copy = ExportMenu.of(table).orElseThrow().getItems().get(1);

        String pasted = WaitForAsyncUtils.asyncFx(() -> {
            copy.fire();
            return javafx.scene.input.Clipboard.getSystemClipboard().getString();
        }).get();

        assertEquals("Post\tValue R\tEngaged followers\n'=HYPERLINK(\"http://evil.example\")\t0.875\t3\n"
                + "抖音 · 1\t0.4213\t12000\n微博 · 2\t0.1\t1234567\n", pasted);
    }

    @Test
    void fileNamesLoseTheCharactersWindowsForbids() {
        assertEquals("Revenue _ week_ 2024_03", ExportMenu.fileName("Revenue / week: 2024?03"));
        assertEquals("各平台粉丝数", ExportMenu.fileName("各平台粉丝数"));
        assertEquals("export", ExportMenu.fileName("  "));
    }
}
