package com.campaignstudio.ui.importer;

import com.campaignstudio.importer.Field;
import com.campaignstudio.importer.RowRejection;
import com.campaignstudio.importer.SourceRow;
import com.campaignstudio.importer.ValueType;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The import wizard's tables: the file's rows, the column mapping with its live preview, the rejected rows. */
final class ImportTables {

    private final ImportWizardModel model;
    private final UiText text;

    ImportTables(ImportWizardModel model, UiText text) {
        this.model = model;
        this.text = text;
    }

    /** A column per header of the file. */
    void fillPreviewColumns(TableView<SourceRow> previewTable) {
        List<TableColumn<SourceRow, String>> columns = new ArrayList<>();
        for (int i = 0; i < model.headers().size(); i++) {
            int index = i;
            TableColumn<SourceRow, String> column = new TableColumn<>(model.headers().get(i));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().shown(index)));
            column.setSortable(false);
            columns.add(column);
        }
        previewTable.getColumns().setAll(columns);
    }

    /** The preview's columns change with the file's headers; the others with their rows. */
    void fitColumns(TableView<?>... tables) {
        for (TableView<?> table : tables) {
            TableFit.columnsToContent(table);
        }
    }

    /** Field, the file's column chosen for it (editable), and how its first value will be stored. */
    void buildMappingTable(TableView<Field> mappingTable) {
        TableColumn<Field, String> field = new TableColumn<>(text.get("import.mapping.field"));
        field.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.get("field." + cell.getValue().key())
                + (cell.getValue().required() ? " *" : "")));
        TableColumn<Field, Field> column = new TableColumn<>(text.get("import.mapping.column"));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new ColumnChoiceCell());
        column.setPrefWidth(260);
        TableColumn<Field, String> first = new TableColumn<>(text.get("import.mapping.first"));
        first.setId("firstValue");
        first.setCellValueFactory(cell -> new ReadOnlyStringWrapper(model.firstValue(cell.getValue()).orElse("")));
        TableColumn<Field, String> stored = new TableColumn<>(text.get("import.mapping.storedAs"));
        stored.setCellValueFactory(cell -> new ReadOnlyStringWrapper(storedAs(cell.getValue())));
        new Glossary(text).attach(stored, Term.PSEUDONYMISED);
        mappingTable.getColumns().setAll(List.of(field, column, first, stored));
        // How the chosen column is stored changes as the user maps; the last column has the rest of the width for it.
        TableFit.lastColumnTakesTheRest(mappingTable, 240);
        mappingTable.setId("mappingTable");
        model.kindProperty().addListener((observable, old, kind) -> mappingTable.getItems().setAll(kind.fields()));
        mappingTable.getItems().setAll(model.kindProperty().get().fields());
    }

    /**
     * How a field's first value will be stored, in the user's language: a platform chosen for every row by its
     * name, a value kept as the file writes it said so (the value is beside it), anything read (a date, an amount,
     * a status) as it will be stored.
     */
    private String storedAs(Field field) {
        String stored = model.storedAs(field);
        Optional<String> first = model.firstValue(field);
        if (first.isEmpty()) {
            return field.type() == ValueType.PLATFORM && !stored.isEmpty() ? text.platform(stored) : stored;
        }
        return stored.equals(first.get().strip()) ? text.get("import.mapping.asIs") : stored;
    }

    /** A choice of the file's columns for a field; for the platform, also a platform for every row. */
    private final class ColumnChoiceCell extends TableCell<Field, Field> {
        private final ComboBox<String> choice = new ComboBox<>();

        @Override
        protected void updateItem(Field field, boolean empty) {
            super.updateItem(field, empty);
            if (empty || field == null) {
                setGraphic(null);
                return;
            }
            List<String> options = new ArrayList<>();
            options.add(text.get("import.mapping.none"));
            model.headers().forEach(header -> options.add(text.get("import.mapping.columnOption", header)));
            if (field.type() == ValueType.PLATFORM) {
                text.platformCodes().forEach(code -> options.add(text.get("import.mapping.everyRow", text.platform(code))));
            }
            choice.setOnAction(null);
            choice.setItems(FXCollections.observableArrayList(options));
            choice.setMaxWidth(Double.MAX_VALUE);
            var mapping = model.mappingProperty().get();
            Optional<Integer> column = mapping.column(field.key());
            String constant = mapping.constants().get(field.key());
            choice.getSelectionModel().select(column.map(i -> i + 1)
                    .orElse(constant != null ? 1 + model.headers().size() + text.platformCodes().indexOf(constant) : 0));
            choice.setOnAction(event -> {
                int selected = choice.getSelectionModel().getSelectedIndex();
                if (selected <= model.headers().size()) {
                    model.setConstant(field, null);
                    model.mapColumn(field, selected == 0 ? Optional.empty() : Optional.of(selected - 1));
                } else {
                    model.mapColumn(field, Optional.empty());
                    model.setConstant(field, text.platformCodes().get(selected - 1 - model.headers().size()));
                }
            });
            setGraphic(choice);
        }
    }

    /** The file's unknown platform names, each with a choice: a new platform, or one the project has. */
    void buildPlatformTable(TableView<ImportWizardModel.PlatformChoice> table) {
        table.setItems(model.platformChoices());
        table.setEditable(true);
        TableColumn<ImportWizardModel.PlatformChoice, String> name = new TableColumn<>(text.get("import.platforms.name"));
        name.setId("platformFileName");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        TableColumn<ImportWizardModel.PlatformChoice, String> rows = new TableColumn<>(text.get("import.platforms.rows"));
        rows.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.integer(cell.getValue().rows())));
        TableColumn<ImportWizardModel.PlatformChoice, String> target = new TableColumn<>(text.get("import.platforms.as"));
        target.setCellValueFactory(cell -> cell.getValue().target());
        List<String> options = new ArrayList<>();
        options.add(null);
        options.addAll(text.platformCodes());
        target.setCellFactory(column -> new javafx.scene.control.cell.ComboBoxTableCell<>(
                Views.converter(code -> code == null ? text.get("import.platforms.new") : text.platform(code)),
                FXCollections.observableArrayList(options)) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty) {
                    setText(item == null ? text.get("import.platforms.new") : text.platform(item));
                }
            }
        });
        target.setOnEditCommit(event -> event.getRowValue().target().set(event.getNewValue()));
        table.getColumns().setAll(List.of(name, rows, target));
        TableFit.lastColumnTakesTheRest(table, 160);
    }

    void buildRejectionTable(TableView<RowRejection> rejectionTable) {
        rejectionTable.getColumns().setAll(List.of(
                column("import.rejected.row", r -> Long.toString(r.row()), null),
                column("import.rejected.column", RowRejection::column, "rejectedColumn"),
                column("import.rejected.value", RowRejection::value, "rejectedValue"),
                wrapping(column("import.rejected.reason", rejection -> rejection.reason().in(text.bundle()), null))));
        rejectionTable.setPlaceholder(new Label(text.get("import.rejected.none")));
        // The reason, a sentence, takes the rest of the width and wraps; the other columns fit their values.
        TableFit.lastColumnTakesTheRest(rejectionTable, 240);
    }

    /** A column of rejected rows; {@code id} names columns that show the file's own text (its headers, its values). */
    private TableColumn<RowRejection, String> column(String key, Function<RowRejection, String> value, String id) {
        TableColumn<RowRejection, String> column = new TableColumn<>(text.get(key));
        column.setId(id);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** Cells that wrap their text to the column's width, each row as tall as its text. */
    private static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text shown = new Text();

            {
                // Less the cell's padding (0.5em a side) and a little room, so that no line ends at the edge.
                shown.wrappingWidthProperty().bind(c.widthProperty().subtract(20));
                shown.getStyleClass().add("wrapped-cell-text");
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                shown.setText(empty ? null : item);
                setGraphic(empty ? null : shown);
            }
        });
        return column;
    }
}
