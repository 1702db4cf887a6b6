package com.campaignstudio.ui.common;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes a table to what it shows, so that no header or value is cut short with an ellipsis while space beside
 * it goes unused: each column as wide as its header and its widest value among the first rows, measured in the
 * table's own fonts and paddings; and, for short result tables, the table as tall as its rows.
 */
public final class TableFit {

    /** Values measured per column: the first page of a long table is what a person sees and sorts from. */
    private static final int ROWS_MEASURED = 200;
    /** Room for the arrow a header shows once its column is sorted. */
    private static final double SORT_ARROW = 18;
    /** Rounding of text measures and cell borders. */
    private static final double SLACK = 2;
    /** Room kept for a vertical scroll bar, so that a column that takes the rest never causes a horizontal one. */
    private static final double SCROLL_BAR_ROOM = 16;

    private TableFit() {
    }

    /**
     * Fits every column that shows text or numbers to its content, now and whenever the rows or columns change;
     * a column whose width the view has bound (see {@link #lastColumnTakesTheRest}) keeps it.
     */
    public static void columnsToContent(TableView<?> table) {
        whenShownContentChanges(table, () -> fitColumns(table));
    }

    /**
     * The last column takes the width the others leave, at least {@code minWidth}: for sentences that wrap, or a
     * choice that may grow. (The constrained resize policies share out the width on their own terms, often to the
     * first columns.)
     */
    public static void lastColumnTakesTheRest(TableView<?> table, double minWidth) {
        List<? extends TableColumn<?, ?>> others = table.getColumns().subList(0, table.getColumns().size() - 1);
        List<Observable> dependencies = new ArrayList<>(List.of(table.widthProperty()));
        others.forEach(column -> dependencies.add(column.widthProperty()));
        table.getColumns().getLast().prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(minWidth,
                table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_ROOM
                        - others.stream().mapToDouble(TableColumn::getWidth).sum()),
                dependencies.toArray(Observable[]::new)));
    }

    /**
     * Makes the table as tall as its header and rows (at most {@code maxRows}; without rows, its placeholder),
     * so that a short result table needs no scroll bar of its own and leaves the rest of its pane to what follows.
     * The table becomes dense: rows of one fixed height (see the stylesheet), which is what makes them countable.
     */
    public static void heightToRows(TableView<?> table, int maxRows) {
        if (!table.getStyleClass().contains(Styles.DENSE)) {
            table.getStyleClass().add(Styles.DENSE);
        }
        whenShownContentChanges(table, () -> fitHeight(table, maxRows));
        table.widthProperty().addListener((observable, old, width) -> Platform.runLater(() -> fitHeight(table, maxRows)));
    }

    private static void whenShownContentChanges(TableView<?> table, Runnable fit) {
        boolean[] pending = {false};
        Runnable later = () -> {
            if (!pending[0]) {
                pending[0] = true;
                // After the change is laid out: the skin (headers, fonts) exists only once the table is shown.
                Platform.runLater(() -> {
                    pending[0] = false;
                    if (table.getSkin() != null) {
                        // Headers of new columns exist only after a layout pass.
                        table.applyCss();
                        table.layout();
                        fit.run();
                    }
                });
            }
        };
        InvalidationListener changed = observable -> later.run();
        table.itemsProperty().addListener((observable, old, items) -> {
            if (old != null) {
                old.removeListener(changed);
            }
            if (items != null) {
                items.addListener(changed);
            }
            later.run();
        });
        if (table.getItems() != null) {
            table.getItems().addListener(changed);
        }
        table.getColumns().addListener(changed);
        table.skinProperty().addListener(changed);
        later.run();
    }

    private static void fitColumns(TableView<?> table) {
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            Label header = headerLabel(table, column);
            if (header == null || column.prefWidthProperty().isBound() || !showsText(table, column)) {
                continue;
            }
            double width = Math.max(headerWidth(header, column), valueWidth(table, column, header));
            column.setMinWidth(Math.ceil(width + SLACK));
            column.setPrefWidth(Math.ceil(width + SLACK));
        }
    }

    private static double headerWidth(Label header, TableColumn<?, ?> column) {
        Region headerCell = (Region) header.getParent();
        // A glossary mark beside the title takes its own width and the gap before it.
        Node graphic = column.getGraphic();
        double mark = graphic == null ? 0 : graphic.prefWidth(-1) + header.getGraphicTextGap();
        return textWidth(header.getFont(), column.getText()) + mark + header.snappedLeftInset()
                + header.snappedRightInset() + headerCell.snappedLeftInset() + headerCell.snappedRightInset()
                + (column.isSortable() ? SORT_ARROW : 0);
    }

    /** The widest value as a cell shows it: the cells' font (the header's, not bold) and the cells' padding. */
    private static double valueWidth(TableView<?> table, TableColumn<?, ?> column, Label header) {
        Font font = header.getFont();
        double padding = header.snappedLeftInset() + header.snappedRightInset();
        Node cell = table.lookup(".table-row-cell > .table-cell");
        if (cell instanceof Labeled labeled) {
            font = labeled.getFont();
            padding = labeled.snappedLeftInset() + labeled.snappedRightInset();
        } else {
            font = Font.font(font.getFamily(), FontWeight.NORMAL, font.getSize());
        }
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        int rows = Math.min(ROWS_MEASURED, table.getItems().size());
        for (int row = 0; row < rows; row++) {
            Object value = column.getCellData(row);
            if (value != null) {
                measure.setText(NumberColumn.shownText(column, value));
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
        }
        return widest + padding;
    }

    /** Columns of text or numbers; a column of controls (a choice per row) keeps the width its view gave it. */
    private static boolean showsText(TableView<?> table, TableColumn<?, ?> column) {
        int rows = Math.min(ROWS_MEASURED, table.getItems().size());
        for (int row = 0; row < rows; row++) {
            Object value = column.getCellData(row);
            if (value != null) {
                return value instanceof CharSequence || value instanceof Number;
            }
        }
        return true;
    }

    private static Label headerLabel(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof Label label) {
                return label;
            }
        }
        return null;
    }

    private static void fitHeight(TableView<?> table, int maxRows) {
        if (!(table.lookup(".column-header-background") instanceof Region header) || table.getFixedCellSize() <= 0) {
            return;
        }
        int rows = Math.min(maxRows, table.getItems().size());
        double inside = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        double body = rows > 0 || !(table.getPlaceholder() instanceof Region placeholder)
                ? Math.max(1, rows) * table.getFixedCellSize()
                : Math.max(table.getFixedCellSize(), placeholder.prefHeight(inside) + 2 * SLACK);
        double height = table.snappedTopInset() + table.snappedBottomInset() + header.prefHeight(-1) + body
                + horizontalScrollBarHeight(table) + SLACK;
        table.setMinHeight(height);
        table.setPrefHeight(height);
        table.setMaxHeight(height);
    }

    /** The height of the horizontal scroll bar when the columns are wider than the table, else 0. */
    private static double horizontalScrollBarHeight(TableView<?> table) {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        if (columns <= table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()) {
            return 0;
        }
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return Math.max(bar.getHeight(), bar.prefHeight(-1));
            }
        }
        return 0;
    }

    private static double textWidth(Font font, String text) {
        Text measure = new Text(text == null ? "" : text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
