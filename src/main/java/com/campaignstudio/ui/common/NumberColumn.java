package com.campaignstudio.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/**
 * A table column whose cells hold numbers and show them formatted (¥1,299, 12.5%, 1.2万 ...). Holding the number, not
 * its text, lets the column sort by value and lets exports write the number a spreadsheet can calculate with.
 */
public final class NumberColumn {

    /** Where a column keeps how it shows its numbers, for whoever measures what it shows ({@link TableFit}). */
    private static final String SHOWN = NumberColumn.class.getName() + ".shown";

    private NumberColumn() {
    }

    public static <T> TableColumn<T, Number> of(String title, Function<T, Number> value, Function<Number, String> shown) {
        TableColumn<T, Number> column = new TableColumn<>(title);
        column.getProperties().put(SHOWN, shown);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.apply(item));
            }
        });
        return column;
    }

    /** The text a cell of {@code column} shows for {@code value}: formatted in a number column, else as it is. */
    @SuppressWarnings("unchecked")
    static String shownText(TableColumn<?, ?> column, Object value) {
        Object shown = column.getProperties().get(SHOWN);
        return shown != null && value instanceof Number number ? ((Function<Number, String>) shown).apply(number)
                : value.toString();
    }
}
