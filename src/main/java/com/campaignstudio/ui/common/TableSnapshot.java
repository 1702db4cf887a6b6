package com.campaignstudio.ui.common;

import com.campaignstudio.export.RowExport;
import com.campaignstudio.export.RowSource;
import com.campaignstudio.work.TaskContext;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table view's rows as they are to be exported: its visible columns in their order, under their titles, and every
 * item in the shown order (not only the rows on screen). Cells are the columns' values, not their formatted text, so
 * that a spreadsheet gets numbers it can calculate with. Taken on the FX thread; written from any.
 */
public record TableSnapshot(List<String> header, List<List<String>> rows) implements RowSource {

    public TableSnapshot {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static <S> TableSnapshot of(TableView<S> table) {
        List<TableColumn<S, ?>> columns = List.copyOf(table.getVisibleLeafColumns());
        List<String> header = columns.stream().map(TableSnapshot::title).toList();
        List<List<String>> rows = new ArrayList<>(table.getItems().size());
        for (int i = 0; i < table.getItems().size(); i++) {
            List<String> row = new ArrayList<>(columns.size());
            for (TableColumn<S, ?> column : columns) {
                row.add(RowExport.cell(column.getCellData(i)));
            }
            rows.add(row);
        }
        return new TableSnapshot(header, rows);
    }

    /** A column's title: its text, or the text of a label it shows instead. */
    static String title(TableColumn<?, ?> column) {
        String text = column.getText();
        if ((text == null || text.isEmpty()) && column.getGraphic() instanceof Labeled label) {
            return label.getText();
        }
        return text == null ? "" : text;
    }

    @Override
    public long size() {
        return rows.size();
    }

    @Override
    public void forEach(long limit, Consumer<List<String>> sink, TaskContext context) {
        rows.stream().limit(limit).forEach(sink);
    }
}
