package com.campaignstudio.ui.portrait;

import com.campaignstudio.portrait.IndexRow;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * The index tables: each value of each trait with its count and share in the group, its share in the base group and
 * the index, the most distinctive first; a value with too few people to read is greyed ({@code .portrait-too-few}).
 */
final class PortraitTables {

    static final String TOO_FEW = "portrait-too-few";

    private final UiText text;
    private final TraitText names;
    private final Glossary glossary;

    PortraitTables(UiText text, TraitText names, Glossary glossary) {
        this.text = text;
        this.names = names;
        this.glossary = glossary;
    }

    /** Columns of an index table; {@code prefix} picks the headings ({@code portrait.tgi.*} or {@code portrait.compare.*}). */
    void build(TableView<IndexRow> table, String prefix) {
        TableColumn<IndexRow, String> trait = new TableColumn<>(text.get("portrait.column.trait"));
        trait.setCellValueFactory(cell -> new ReadOnlyStringWrapper(names.trait(cell.getValue().trait())));
        TableColumn<IndexRow, String> value = new TableColumn<>(text.get("portrait.column.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                names.value(cell.getValue().trait(), cell.getValue().key())));
        TableColumn<IndexRow, Number> count = NumberColumn.of(text.get(prefix + ".count"), IndexRow::count,
                number -> text.integer(number.longValue()));
        TableColumn<IndexRow, Number> share = NumberColumn.of(text.get(prefix + ".share"), IndexRow::share,
                number -> text.percent(number.doubleValue()));
        TableColumn<IndexRow, Number> baseShare = NumberColumn.of(text.get(prefix + ".baseShare"), IndexRow::baseShare,
                number -> text.percent(number.doubleValue()));
        TableColumn<IndexRow, Number> index = NumberColumn.of(text.get(prefix + ".index"), IndexRow::index,
                number -> Double.isFinite(number.doubleValue()) ? text.integer(Math.round(number.doubleValue())) : "\u2013");
        glossary.attach(index, Term.TGI);
        List<TableColumn<IndexRow, ?>> columns = List.of(trait, value, count, share, baseShare, index);
        table.getColumns().setAll(columns);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(IndexRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(TOO_FEW);
                if (!empty && row != null && row.tooFew()) {
                    getStyleClass().add(TOO_FEW);
                }
            }
        });
        TableFit.columnsToContent(table);
    }
}
