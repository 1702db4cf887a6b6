package com.campaignstudio.ui.common;

import com.campaignstudio.export.RowExport;
import com.campaignstudio.export.RowSource;
import com.campaignstudio.work.BackgroundRunner;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way charts and tables are exported: a context menu with "Save as PNG…" and "Copy image" on a chart (or
 * any node, such as the P(alive) map), "Save as CSV…" and "Copy table" on a table. What is written comes from
 * {@link ChartImage} and {@link RowSource}; this class only asks where, and writes in the background.
 */
public final class ExportMenu {

    /** Rows beyond this are not copied to the clipboard (a spreadsheet paste of more is slow); CSV files get all. */
    static final long CLIPBOARD_ROWS = 100_000;
    private static final String KEY = ExportMenu.class.getName();

    private final UiText text;
    private final BackgroundRunner runner;

    public ExportMenu(UiText text, BackgroundRunner runner) {
        this.text = text;
        this.runner = runner;
    }

    /** The export menu installed on {@code node}, if any. */
    public static Optional<ContextMenu> of(Node node) {
        return Optional.ofNullable((ContextMenu) node.getProperties().get(KEY));
    }

    /** Save as PNG…, Copy image; the file is named {@code baseName}.png unless the user says otherwise. */
    public void install(Node chart, String baseName) {
        attach(chart, new ContextMenu(
                item("export.savePng", () -> savePng(chart, baseName)),
                item("export.copyImage", () -> copyImage(chart))));
    }

    /** Save as CSV…, Copy table: every row of the table's items, its visible columns, values unformatted. */
    public void install(TableView<?> table, String baseName) {
        install(table, () -> baseName, () -> TableSnapshot.of(table));
    }

    /**
     * Save as CSV…, Copy table for a table whose rows are read on demand: {@code rows} is asked on the FX thread
     * when the user chooses, and read from in the background.
     */
    public void install(TableView<?> table, Supplier<String> baseName, Supplier<RowSource> rows) {
        attach(table, new ContextMenu(
                item("export.saveCsv", () -> saveCsv(table, baseName.get(), rows.get())),
                item("export.copyTable", () -> copyTable(table, rows.get()))));
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem(text.get(key));
        item.setOnAction(event -> action.run());
        return item;
    }

    private static void attach(Node node, ContextMenu menu) {
        node.getProperties().put(KEY, menu);
        if (node instanceof Control control) {
            control.setContextMenu(menu);
        } else {
            node.setOnContextMenuRequested(event -> {
                menu.show(node, event.getScreenX(), event.getScreenY());
                event.consume();
            });
        }
    }

    private void savePng(Node chart, String baseName) {
        askWhere(chart, baseName, "PNG", "png").ifPresent(target -> {
            WritableImage image = ChartImage.snapshot(chart);
            runner.run(text.get("export.saving", target.getFileName()), context -> {
                ChartImage.writePng(image, target);
                return target;
            }, done -> { }, failure -> failed(chart, failure));
        });
    }

    private void copyImage(Node chart) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(ChartImage.snapshot(chart));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void saveCsv(Node table, String baseName, RowSource rows) {
        askWhere(table, baseName, "CSV", "csv").ifPresent(target -> runner.run(
                text.get("export.saving", target.getFileName()), context -> RowExport.csv(rows, target, context),
                written -> { }, failure -> failed(table, failure)));
    }

    private void copyTable(Node table, RowSource rows) {
        runner.run(text.get("export.copying"), context -> RowExport.tabSeparated(rows, CLIPBOARD_ROWS, context),
                tabSeparated -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(tabSeparated);
                    Clipboard.getSystemClipboard().setContent(content);
                    if (rows.size() > CLIPBOARD_ROWS) {
                        new Dialogs(text, window(table)).info(text.get("export.copyTable"), null,
                                text.get("export.copiedFirst", text.integer(CLIPBOARD_ROWS), text.integer(rows.size())));
                    }
                }, failure -> failed(table, failure));
    }

    private Optional<Path> askWhere(Node node, String baseName, String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("export.saveTitle"));
        chooser.setInitialFileName(fileName(baseName) + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        File target = chooser.showSaveDialog(window(node));
        return Optional.ofNullable(target).map(File::toPath);
    }

    /** {@code baseName} without the characters Windows forbids in file names. */
    static String fileName(String baseName) {
        String name = baseName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.isEmpty() ? "export" : name;
    }

    private void failed(Node node, Throwable failure) {
        new Dialogs(text, window(node)).unexpected(failure);
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
