package com.campaignstudio.ui.experiments;

import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The variants as a table to type into: a row per variant (the first is the control) with its name, visitors,
 * conversions and share of the intended split, each field bound to the model, and a button to remove the row while
 * more than two are left. Text fields rather than table cells: a table commits an edit only on Enter, and a value
 * typed before pressing Run would be lost. Fields are found by id: {@code variantName0}, {@code variantVisitors0},
 * {@code variantConversions0}, {@code variantShare0}, {@code removeVariant0} (0 is the control).
 */
final class VariantGrid {

    private static final double NAME_WIDTH = 150;
    private static final double COUNT_WIDTH = 90;
    private static final double SHARE_WIDTH = 80;

    private final GridPane grid;
    private final ExperimentsModel model;
    private final UiText text;
    /** The bindings of the fields on show, undone when the grid is built again. */
    private final List<Runnable> unbind = new ArrayList<>();

    VariantGrid(GridPane grid, ExperimentsModel model, UiText text) {
        this.grid = grid;
        this.model = model;
        this.text = text;
    }

    void build() {
        unbind.forEach(Runnable::run);
        unbind.clear();
        grid.getChildren().clear();
        String[] headers = {"", "experiments.col.name", "experiments.col.visitors", "experiments.col.conversions",
                "experiments.col.share"};
        for (int c = 1; c < headers.length; c++) {
            Label header = new Label(text.get(headers[c]));
            header.getStyleClass().add("variant-header");
            grid.add(header, c, 0);
        }
        List<ExperimentsModel.VariantRow> rows = model.variants();
        for (int r = 0; r < rows.size(); r++) {
            ExperimentsModel.VariantRow row = rows.get(r);
            int line = r + 1;
            Label role = new Label(r == 0 ? text.get("experiments.control") : "");
            role.getStyleClass().add("hint");
            grid.add(role, 0, line);
            grid.add(field("variantName", r, row.nameProperty(), NAME_WIDTH, false), 1, line);
            grid.add(field("variantVisitors", r, row.visitorsProperty(), COUNT_WIDTH, true), 2, line);
            grid.add(field("variantConversions", r, row.conversionsProperty(), COUNT_WIDTH, true), 3, line);
            grid.add(field("variantShare", r, row.shareProperty(), SHARE_WIDTH, true), 4, line);
            Button remove = new Button("\u2715");
            remove.setId("removeVariant" + r);
            remove.getStyleClass().addAll("flat", "small");
            remove.setTooltip(new Tooltip(text.get("experiments.removeVariant")));
            remove.setDisable(rows.size() <= 2);
            remove.setOnAction(event -> model.removeVariant(row));
            grid.add(remove, 5, line);
        }
        com.campaignstudio.ui.common.WholeText.keep(grid);
    }

    private Node field(String id, int row, StringProperty value, double width, boolean number) {
        TextField field = new TextField();
        field.setId(id + row);
        // In pixels, not columns: a column is the width of a W, which a Chinese font draws much wider.
        field.setPrefWidth(width);
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        if (number) {
            field.getStyleClass().add("number-field");
        } else {
            // A campaign's or post's full name is often longer than the field.
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(value);
            field.setTooltip(whole);
        }
        unbind.add(() -> field.textProperty().unbindBidirectional(value));
        return field;
    }
}
