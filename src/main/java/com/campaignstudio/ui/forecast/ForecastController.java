package com.campaignstudio.ui.forecast;

import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/**
 * The revenue forecast tab: choose weekly or monthly and how far ahead, and see the forecast with its intervals
 * beside the models tried, each with its back-test error, the chosen one marked (a check and bold) and the reason
 * given above.
 */
public final class ForecastController {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    /** The mark before the chosen model's name, and the room kept for it in every row so that names line up. */
    private static final String CHECK = "\u2713";
    private static final double CHECK_WIDTH = 18;
    /** The mark and the cell's gap (4 by default) between it and the name. */
    private static final double CHECK_ROOM = CHECK_WIDTH + 4;
    /** Room a cell needs around its text (padding and borders), so that no column cuts its text short. */
    private static final double CELL_PADDING = 24;
    private static final double TABLE_BORDERS = 4;

    private final ForecastViewModel model;
    private final UiText text;
    private final ForecastChart chart;
    private final Glossary glossary;
    private final ExportMenu exports;

    @FXML
    private ComboBox<RevenueSeries.Granularity> granularityChoice;
    @FXML
    private Spinner<Integer> forecastHorizon;
    @FXML
    private Button forecastButton;
    @FXML
    private Label forecastLabel;
    @FXML
    private BandedLineChart forecastChart;
    @FXML
    private TableView<ForecastViewModel.CandidateRow> candidateTable;
    @FXML
    private Label backTestNote;

    public ForecastController(ForecastViewModel model, UiText text, Glossary glossary, ExportMenu exports) {
        this.model = model;
        this.text = text;
        this.glossary = glossary;
        this.exports = exports;
        this.chart = new ForecastChart(text);
    }

    @FXML
    private void initialize() {
        granularityChoice.getItems().setAll(RevenueSeries.Granularity.values());
        granularityChoice.setConverter(Views.converter(g -> text.get("ltv.forecast." + g.name().toLowerCase())));
        granularityChoice.setValue(RevenueSeries.Granularity.WEEK);
        forecastHorizon.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 104, 13));
        forecastButton.disableProperty().bind(model.runningProperty());
        forecastLabel.textProperty().bind(model.summaryProperty());
        backTestNote.textProperty().bind(model.backTestNoteProperty());
        buildTable();
        glossary.attach(forecastLabel, Term.BACK_TEST, Term.SMAPE, Term.PREDICTION_INTERVAL);
        exports.install(forecastChart, text.get("ltv.tab.forecast"));
        exports.install(candidateTable, text.get("ltv.tab.forecast"));
        model.forecastProperty().addListener((observable, old, forecast) -> {
            if (forecast == null) {
                forecastChart.getData().clear();
                forecastChart.setBands(List.of());
            } else {
                chart.show(forecast, forecastChart);
            }
        });
    }

    private void buildTable() {
        TableColumn<ForecastViewModel.CandidateRow, String> name = column("ltv.forecast.col.model",
                ForecastViewModel.CandidateRow::model);
        name.setCellFactory(column -> new TableCell<>() {
            private final Label mark = new Label();

            {
                mark.getStyleClass().add("chosen-mark");
                mark.setMinWidth(CHECK_WIDTH);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ForecastViewModel.CandidateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : item);
                mark.setText(row != null && row.chosen() ? CHECK : "");
                setGraphic(row == null ? null : mark);
                setTooltip(row == null ? null : new Tooltip(row.explanation()));
            }
        });
        TableColumn<ForecastViewModel.CandidateRow, String> error = column("ltv.forecast.col.error",
                ForecastViewModel.CandidateRow::error);
        error.getStyleClass().add("number");
        candidateTable.getColumns().setAll(List.of(name, error));
        candidateTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidateTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ForecastViewModel.CandidateRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(CHOSEN, !empty && row != null && row.chosen());
            }
        });
        Label placeholder = new Label(text.get("ltv.forecast.candidates.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        candidateTable.setPlaceholder(placeholder);
        candidateTable.setItems(model.candidates());
        TableFit.heightToRows(candidateTable, 11);
        model.candidates().addListener((ListChangeListener<ForecastViewModel.CandidateRow>) change -> fitColumns());
        // Measured again once shown: before the style sheet applies, the font is not the one the headers get.
        candidateTable.skinProperty().addListener((observable, old, skin) -> Platform.runLater(this::fitColumns));
        fitColumns();
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }

    /**
     * Widens each column to its longest text, header included, and the table to its columns: model names differ a
     * lot in length between languages, and a name or an error cut short would defeat the table.
     */
    private void fitColumns() {
        double total = 0;
        for (TableColumn<ForecastViewModel.CandidateRow, ?> column : candidateTable.getColumns()) {
            double widest = textWidth(column.getText(), FontWeight.BOLD);
            for (ForecastViewModel.CandidateRow row : candidateTable.getItems()) {
                widest = Math.max(widest, textWidth(String.valueOf(column.getCellObservableValue(row).getValue()),
                        FontWeight.NORMAL)
                        + (column == candidateTable.getColumns().getFirst() ? CHECK_ROOM : 0));
            }
            column.setMinWidth(widest + CELL_PADDING);
            column.setPrefWidth(widest + CELL_PADDING);
            total += widest + CELL_PADDING;
        }
        candidateTable.setMinWidth(total + TABLE_BORDERS);
        candidateTable.setPrefWidth(total + TABLE_BORDERS);
    }

    /** The width of {@code value} in the view's font (the label above has had the style sheet applied). */
    private double textWidth(String value, FontWeight weight) {
        Text measure = new Text(value);
        Font font = forecastLabel.getFont();
        measure.setFont(Font.font(font.getFamily(), weight, font.getSize()));
        return measure.getLayoutBounds().getWidth();
    }

    @FXML
    private void runForecast() {
        model.run(granularityChoice.getValue(), forecastHorizon.getValue(), failure -> new Dialogs(text,
                forecastButton.getScene() == null ? null : forecastButton.getScene().getWindow()).unexpected(failure));
    }
}
