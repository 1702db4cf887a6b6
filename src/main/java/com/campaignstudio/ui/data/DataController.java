package com.campaignstudio.ui.data;

import com.campaignstudio.data.TableBrowser;
import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.data.TableCatalog.TableCount;
import com.campaignstudio.export.RowSource;
import com.campaignstudio.importer.ImportHistory;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.TableSnapshot;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/** Browses every table of the project: a list of tables with row counts, and a virtualised, sortable grid. */
public final class DataController {

    /** Columns of ids and names, wide enough for a pseudonymised id or a product's name. */
    private static final java.util.Set<String> WIDE = java.util.Set.of("external_id", "customer_ref", "order_ref",
            "follower", "product", "campaign", "post", "topic", "name", "file_name", "refund_of");

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Dialogs dialogs;
    private final Runnable importData;
    private final Runnable dataChanged;
    private final CellText cells;
    private LazyRows rows;
    private TableBrowser browser;
    private SortKey shownOrder;

    @FXML
    private ListView<TableCount> tableList;
    @FXML
    private Label tableTitle;
    @FXML
    private TableView<Integer> grid;
    @FXML
    private Button undoImportButton;

    public DataController(ProjectDatabase database, BackgroundRunner runner, UiText text, Dialogs dialogs,
                          Runnable importData, Runnable dataChanged) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.dialogs = dialogs;
        this.importData = importData;
        this.dataChanged = dataChanged;
        this.cells = new CellText(text);
    }

    @FXML
    private void initialize() {
        tableList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TableCount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : text.get("data.tableItem", text.get("table." + item.table()), text.integer(item.rows())));
            }
        });
        tableList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                showTable(selected);
            }
        });
        grid.setPlaceholder(new Label(text.get("data.empty")));
        TableFit.columnsToContent(grid);
        undoImportButton.disableProperty().bind(grid.getSelectionModel().selectedItemProperty().isNull());
        grid.setSortPolicy(table -> {
            sortBySelectedColumn();
            return true;
        });
        new ExportMenu(text, runner).install(grid, () -> browser == null ? text.get("data.title")
                : text.get("table." + browser.table()), this::shownRows);
        refresh();
    }

    /** The rows on show, for export: the shown columns of every row, in the shown order. */
    private RowSource shownRows() {
        if (browser == null || rows == null) {
            return new TableSnapshot(List.of(), List.of());
        }
        List<TableColumn<Integer, ?>> shown = grid.getVisibleLeafColumns();
        return new BrowsedRows(browser, rows.keys(), shown.stream().map(TableColumn::getText).toList(),
                shown.stream().mapToInt(column -> browser.columns().indexOf((String) column.getUserData())).toArray());
    }

    /** Reads the table list with row counts. */
    private void refresh() {
        runner.run(text.get("data.loading", text.get("data.tables")), context -> new TableCatalog(database).counts(),
                counts -> {
                    TableCount selected = tableList.getSelectionModel().getSelectedItem();
                    tableList.getItems().setAll(counts);
                    int index = selected == null ? 1 : TableCatalog.BROWSABLE.indexOf(selected.table());
                    tableList.getSelectionModel().select(Math.max(0, index));
                }, dialogs::unexpected);
    }

    private void showTable(TableCount table) {
        boolean history = table.table().equals("import_batch");
        undoImportButton.setVisible(history);
        undoImportButton.setManaged(history);
        String name = text.get("table." + table.table());
        tableTitle.setText(name + "  \u00b7  " + text.get("data.rows", text.integer(table.rows())));
        runner.run(text.get("data.loading", name), context -> {
            TableBrowser opened = new TableBrowser(database, table.table());
            return new Loaded(opened, opened.orderedKeys(null, true, context));
        }, loaded -> {
            browser = loaded.browser();
            rows = new LazyRows(browser, loaded.keys());
            shownOrder = new SortKey(null, true);
            grid.getSortOrder().clear();
            grid.getColumns().setAll(columns(browser.table(), browser.columns()));
            grid.setItems(rows);
        }, dialogs::unexpected);
    }

    private record Loaded(TableBrowser browser, long[] keys) {
    }

    /** The order rows are shown in: by a column, or by key when {@code column} is null. */
    private record SortKey(String column, boolean ascending) {
    }

    /** A column per shown column, titled in the user's language; its id and user data are the column's name. */
    private List<TableColumn<Integer, String>> columns(String table, List<String> names) {
        return java.util.stream.IntStream.range(0, names.size()).mapToObj(i -> {
            String name = names.get(i);
            String title = cells.title(table, name);
            TableColumn<Integer, String> column = new TableColumn<>(title);
            column.setId(name);
            column.setUserData(name);
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                    cells.of(table, name, rows.value(cell.getValue(), i))));
            column.setPrefWidth(Math.max(name.endsWith("_at") || WIDE.contains(name) ? 150 : 90,
                    title.length() * (text.isChinese() ? 15 : 8) + 30));
            return column;
        }).toList();
    }

    @FXML
    private void importData() {
        importData.run();
    }

    /** Undoes the import selected in the import history, after asking. */
    @FXML
    private void undoImport() {
        Integer position = grid.getSelectionModel().getSelectedItem();
        if (position == null || browser == null) {
            return;
        }
        long importId = rows.key(position);
        Object file = rows.value(position, browser.columns().indexOf("file_name"));
        Object undone = rows.value(position, browser.columns().indexOf("undone_at"));
        if (undone != null) {
            dialogs.info(text.get("data.undoImport"), null, text.get("data.undoImport.already", file));
            return;
        }
        if (dialogs.confirm(text.get("data.undoImport"), text.get("data.undoImport.confirm", file))) {
            runner.run(text.get("data.undoImport"), context -> {
                new ImportHistory(database).undo(importId);
                return importId;
            }, done -> dataChanged.run(), dialogs::unexpected);
        }
    }

    private void sortBySelectedColumn() {
        if (browser == null || rows == null) {
            return;
        }
        TableColumn<Integer, ?> column = grid.getSortOrder().isEmpty() ? null : grid.getSortOrder().getFirst();
        SortKey wanted = new SortKey(column == null ? null : (String) column.getUserData(),
                column == null || column.getSortType() == TableColumn.SortType.ASCENDING);
        if (wanted.equals(shownOrder)) {
            return;
        }
        shownOrder = wanted;
        TableBrowser sorting = browser;
        runner.run(text.get("data.sorting", text.get("table." + sorting.table())),
                context -> sorting.orderedKeys(wanted.column(), wanted.ascending(), context), keys -> {
                    if (browser == sorting) {
                        rows = new LazyRows(sorting, keys);
                        grid.setItems(rows);
                    }
                }, dialogs::unexpected);
    }
}
