package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.SlotRates;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * The best-time view's tables: the top slots and all 168 slots, each row a slot with its figures. Cells hold numbers
 * (rates and lift as fractions), so a CSV export gets values a spreadsheet calculates with.
 */
final class BestTimeTables {

    /** One slot of a table, with its own (unshrunk) rate. */
    record SlotRow(SlotRates.Slot slot, double rawRate) {
    }

    private final UiText text;
    private final BestTimeFormats formats;

    BestTimeTables(UiText text, BestTimeFormats formats) {
        this.text = text;
        this.formats = formats;
    }

    List<SlotRow> top(SlotRates rates, int count) {
        if (!rates.hasHistory()) {
            return List.of();
        }
        List<SlotRates.Slot> top = rates.top(count);
        return top.stream().map(slot -> row(rates, slot)).toList();
    }

    List<SlotRow> all(SlotRates rates) {
        List<SlotRow> rows = new ArrayList<>(SlotRates.WEEKDAYS * SlotRates.HOURS);
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                rows.add(row(rates, rates.slot(weekday, hour)));
            }
        }
        return rows;
    }

    private static SlotRow row(SlotRates rates, SlotRates.Slot slot) {
        return new SlotRow(slot, rates.rawRate(slot.weekday(), slot.hour()));
    }

    /** The best slots, best first; none when the platform has no posts (every slot is the same default). */
    void buildTop(TableView<SlotRow> table, Glossary glossary) {
        TableColumn<SlotRow, Number> lift = liftColumn();
        table.getColumns().setAll(List.of(weekdayColumn(), hourColumn(), rateColumn(), lift, postsColumn(),
                lowColumn(), highColumn()));
        glossary.attach(lift, Term.SLOT_LIFT);
        finish(table, 11);
    }

    void buildAll(TableView<SlotRow> table) {
        table.getColumns().setAll(List.of(weekdayColumn(), hourColumn(), postsColumn(),
                NumberColumn.of(text.get("bestTime.col.rawRate"), SlotRow::rawRate, n -> formats.rate(n.doubleValue())),
                rateColumn(), lowColumn(), highColumn(), liftColumn()));
        finish(table, 14);
    }

    private void finish(TableView<SlotRow> table, int rows) {
        table.setPlaceholder(new javafx.scene.control.Label(text.get("bestTime.table.empty")));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, rows);
    }

    private TableColumn<SlotRow, String> weekdayColumn() {
        TableColumn<SlotRow, String> column = new TableColumn<>(text.get("bestTime.col.weekday"));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(formats.weekday(row.getValue().slot().weekday())));
        column.setSortable(false);
        return column;
    }

    private TableColumn<SlotRow, Number> hourColumn() {
        return NumberColumn.of(text.get("bestTime.col.hour"), row -> row.slot().hour(),
                hour -> formats.hour(hour.intValue()));
    }

    private TableColumn<SlotRow, Number> rateColumn() {
        return NumberColumn.of(text.get("bestTime.col.rate"), row -> row.slot().rate(),
                rate -> formats.rate(rate.doubleValue()));
    }

    private TableColumn<SlotRow, Number> liftColumn() {
        return NumberColumn.of(text.get("bestTime.col.lift"), row -> row.slot().lift(),
                lift -> formats.lift(lift.doubleValue()));
    }

    private TableColumn<SlotRow, Number> postsColumn() {
        return NumberColumn.of(text.get("bestTime.col.posts"), row -> row.slot().posts(),
                posts -> text.integer(posts.longValue()));
    }

    private TableColumn<SlotRow, Number> lowColumn() {
        return NumberColumn.of(text.get("bestTime.col.low"), row -> row.slot().low(),
                low -> formats.rate(low.doubleValue()));
    }

    private TableColumn<SlotRow, Number> highColumn() {
        return NumberColumn.of(text.get("bestTime.col.high"), row -> row.slot().high(),
                high -> formats.rate(high.doubleValue()));
    }
}
