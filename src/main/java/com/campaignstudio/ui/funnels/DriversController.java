package com.campaignstudio.ui.funnels;

import com.campaignstudio.drivers.DriverInput;
import com.campaignstudio.drivers.DriverTable;
import com.campaignstudio.drivers.DriverTableReader;
import com.campaignstudio.drivers.DriverText;
import com.campaignstudio.drivers.Drivers;
import com.campaignstudio.drivers.DriversException;
import com.campaignstudio.drivers.DriversResult;
import com.campaignstudio.drivers.Outcome;
import com.campaignstudio.drivers.Term;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.ReferenceLine;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Drivers tab: pick the outcome (bought, by logistic regression; orders, by linear) and the inputs, run in the
 * background, and read the warnings, each input's effect per step as a point with its interval against zero, the
 * coefficients table and a plain sentence per input. The follower table is read once, when the tab is first shown.
 */
public final class DriversController {

    private static final List<DriverInput> CHECKED_FIRST = List.of(DriverInput.VIEWS, DriverInput.CLICKS,
            DriverInput.WATCH_MINUTES, DriverInput.PLATFORM);

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final DriverText driverText;
    private final Glossary glossary;
    private final RunProgress runProgress;
    private final Map<DriverInput, CheckBox> inputChecks = new EnumMap<>(DriverInput.class);
    private DriverTable followers;
    private boolean reading;

    @FXML
    private Label driversOutcomeLabel;
    @FXML
    private ComboBox<Outcome> driversOutcomeChoice;
    @FXML
    private Button driversRunButton;
    @FXML
    private Button driversCancelButton;
    @FXML
    private ProgressBar driversProgress;
    @FXML
    private FlowPane driversInputBoxes;
    @FXML
    private Label driversInputsLabel;
    @FXML
    private Label driversInputsHint;
    @FXML
    private Label driversResultTitle;
    @FXML
    private Label driversStateLabel;
    @FXML
    private VBox driversWarningBox;
    @FXML
    private IntervalPointChart driversChart;
    @FXML
    private NumberAxis driversValueAxis;
    @FXML
    private Label driversTableTitle;
    @FXML
    private TableView<Term> driversTable;
    @FXML
    private Label driversSentencesTitle;
    @FXML
    private VBox driversSentences;

    public DriversController(ProjectDatabase database, BackgroundRunner runner, UiText text) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.driverText = new DriverText(text.bundle(), text::platform);
        this.glossary = new Glossary(text);
        this.runProgress = new RunProgress(text.bundle());
    }

    @FXML
    private void initialize() {
        driversProgress.progressProperty().bind(runProgress.fractionProperty());
        driversOutcomeChoice.getItems().setAll(Outcome.values());
        driversOutcomeChoice.setConverter(Views.converter(outcome -> text.get("drivers.outcome." + outcome.key())));
        driversOutcomeChoice.setValue(Outcome.BOUGHT);
        glossary.attach(driversOutcomeLabel, com.campaignstudio.ui.common.Term.LOGISTIC_REGRESSION);
        driversStateLabel.managedProperty().bind(driversStateLabel.textProperty().isNotEmpty());
        for (Label shownWithResults : List.of(driversResultTitle, driversTableTitle, driversSentencesTitle)) {
            shownWithResults.managedProperty().bind(shownWithResults.visibleProperty());
        }
        for (javafx.scene.Node shownWithResults : List.of(driversWarningBox, driversTable, driversInputsHint)) {
            shownWithResults.managedProperty().bind(shownWithResults.visibleProperty());
        }
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(driversChart, text.get("drivers.export.chart"));
        exports.install(driversTable, text.get("drivers.export.table"));
        showNothing();
        driversStateLabel.setText(text.get("drivers.reading"));
    }

    /**
     * Reads the follower table the first time the tab is shown, not when the section opens: a million followers take
     * seconds, and most visits are for the other tabs.
     */
    public void shown() {
        if (reading) {
            return;
        }
        reading = true;
        runner.run(text.get("drivers.reading"), context -> new DriverTableReader(database).read(context), read -> {
            followers = read;
            offerInputs(read);
        }, this::failed);
    }

    /** One check box per input the project has; the usual ones checked. */
    private void offerInputs(DriverTable read) {
        driversInputBoxes.getChildren().setAll(driversInputsLabel);
        inputChecks.clear();
        for (DriverInput input : read.inputs()) {
            CheckBox box = new CheckBox(driverText.input(input));
            box.setId("drivers-input-" + input.key());
            box.setSelected(CHECKED_FIRST.contains(input));
            box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            inputChecks.put(input, box);
            driversInputBoxes.getChildren().add(box);
        }
        boolean noSegment = !read.inputs().contains(DriverInput.SEGMENT);
        driversInputsHint.setText(noSegment ? text.get("drivers.noSegment") : "");
        driversInputsHint.setVisible(noSegment);
        driversRunButton.setDisable(false);
        driversStateLabel.setText(text.get("drivers.ready"));
    }

    /** The inputs ticked, in the order offered. */
    List<DriverInput> chosenInputs() {
        return inputChecks.entrySet().stream().filter(entry -> entry.getValue().isSelected())
                .map(Map.Entry::getKey).toList();
    }

    /** Runs the regression for the outcome and inputs chosen (the Run button, F5). */
    @FXML
    public void run() {
        if (driversRunButton.isDisabled() || followers == null) {
            return;
        }
        Outcome outcome = driversOutcomeChoice.getValue();
        List<DriverInput> inputs = chosenInputs();
        DriverTable rows = followers;
        setRunning(true);
        runner.run(text.get("drivers.running"), context -> {
            TaskContext inner = runProgress.around(context);
            return Drivers.fit(rows, outcome, inputs, inner);
        }, result -> {
            setRunning(false);
            show(result);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        driversCancelButton.setDisable(true);
    }

    private void showNothing() {
        driversStateLabel.getStyleClass().remove("drivers-refusal");
        driversResultTitle.setVisible(false);
        driversWarningBox.setVisible(false);
        driversWarningBox.getChildren().clear();
        driversChart.getData().clear();
        driversChart.setIntervals(Map.of());
        driversChart.setReferenceLines(List.of());
        driversChart.setTitle(null);
        driversTable.getItems().clear();
        driversTable.setVisible(false);
        driversTableTitle.setVisible(false);
        driversSentencesTitle.setVisible(false);
        driversSentences.getChildren().clear();
    }

    private void show(DriversResult result) {
        boolean logistic = result.outcome().logistic();
        String fit = driverText.significant(result.fit(), 2);
        driversResultTitle.setText(logistic
                ? text.get("drivers.result.bought", result.inputs().size(), text.integer(result.rows()),
                text.integer(result.buyers()), text.percent(result.meanOutcome()), fit)
                : text.get("drivers.result.orders", result.inputs().size(), text.integer(result.rows()),
                driverText.significant(result.meanOutcome(), 3), fit));
        driversResultTitle.setVisible(true);
        driversStateLabel.getStyleClass().remove("drivers-refusal");
        driversStateLabel.setText(result.references().isEmpty() ? "" : text.get("drivers.references",
                result.references().entrySet().stream()
                        .map(entry -> driverText.input(entry.getKey()) + " \u2013 "
                                + driverText.levelName(entry.getKey(), entry.getValue()))
                        .collect(Collectors.joining(text.get("drivers.list.separator")))));
        showWarnings(driverText.warnings(result));
        showChart(result);
        showTable(result);
        driversSentences.getChildren().clear();
        for (Term term : result.terms()) {
            Label sentence = new Label("\u2022 " + driverText.sentence(term, result));
            sentence.setWrapText(true);
            sentence.getStyleClass().add(term.clear() ? "drivers-sentence" : "drivers-sentence-unclear");
            driversSentences.getChildren().add(sentence);
        }
        driversSentencesTitle.setVisible(true);
    }

    private void showWarnings(List<String> warnings) {
        driversWarningBox.getChildren().clear();
        if (!warnings.isEmpty()) {
            Label title = new Label(text.get("drivers.warnings"));
            title.getStyleClass().add("drivers-warnings-title");
            driversWarningBox.getChildren().add(title);
            for (String warning : warnings) {
                Label line = new Label(warning);
                line.setWrapText(true);
                line.getStyleClass().add("drivers-warning");
                driversWarningBox.getChildren().add(line);
            }
        }
        driversWarningBox.setVisible(!warnings.isEmpty());
    }

    /**
     * Each input's effect per step, on one scale so that they compare: percentage points of the chance of buying at
     * the average follower (logistic), orders per follower (linear); zero drawn across.
     */
    private void showChart(DriversResult result) {
        boolean logistic = result.outcome().logistic();
        double scale = logistic ? 100 : 1;
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        List<String> tips = new ArrayList<>();
        for (Term term : result.terms()) {
            String category = category(term);
            double value = (logistic ? term.pointsAtMean() : term.effect()) * scale;
            double low = (logistic ? term.pointsLow() : term.effectLow()) * scale;
            double high = (logistic ? term.pointsHigh() : term.effectHigh()) * scale;
            series.getData().add(new XYChart.Data<>(category, value));
            intervals.put(category, new double[]{low, high});
            tips.add(text.get("drivers.chart.tip", category, driverText.significant(value, 3),
                    driverText.significant(low, 3), driverText.significant(high, 3)));
        }
        driversChart.setTitle(text.get("drivers.chart.title." + result.outcome().key()));
        driversValueAxis.setLabel(text.get("drivers.chart.axis." + result.outcome().key()));
        driversValueAxis.setTickLabelFormatter(text.axisNumbers());
        driversChart.getData().setAll(List.of(series));
        driversChart.setIntervals(intervals);
        driversChart.setReferenceLines(List.of(new ReferenceLine(0, "reference-zero")));
        for (int i = 0; i < tips.size(); i++) {
            XYChart.Data<String, Number> point = series.getData().get(i);
            String tip = tips.get(i);
            point.nodeProperty().addListener((observable, old, node) -> {
                if (node != null) {
                    Tooltip.install(node, new Tooltip(tip));
                }
            });
            if (point.getNode() != null) {
                Tooltip.install(point.getNode(), new Tooltip(tip));
            }
        }
    }

    /**
     * "Views +100", "WeChat", "Segment: Superfans": what the point stands for, with its step; a platform by its name
     * alone, short enough for nine of them side by side.
     */
    private String category(Term term) {
        if (term.level() == null) {
            return text.get("drivers.chart.category", driverText.term(term), text.integer(Math.round(term.unit())));
        }
        return term.input() == DriverInput.PLATFORM ? driverText.levelName(term.input(), term.level())
                : driverText.term(term);
    }

    private void showTable(DriversResult result) {
        boolean logistic = result.outcome().logistic();
        String key = result.outcome().key();
        List<TableColumn<Term, ?>> columns = new ArrayList<>();
        TableColumn<Term, String> input = new TableColumn<>(text.get("drivers.column.input"));
        input.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(driverText.term(row.getValue())));
        columns.add(input);
        TableColumn<Term, String> step = new TableColumn<>(text.get("drivers.column.step"));
        step.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().level() == null
                ? text.integer(Math.round(row.getValue().unit())) : text.get("drivers.step.level")));
        step.getStyleClass().add("number");
        columns.add(step);
        columns.add(number("drivers.column.coefficient." + key, Term::estimate, 4));
        columns.add(number("drivers.column.low", Term::low, 3));
        columns.add(number("drivers.column.high", Term::high, 3));
        TableColumn<Term, Number> p = NumberColumn.of(text.get("drivers.column.p"), Term::pValue,
                value -> value.doubleValue() < 0.0001 ? "<" + driverText.significant(0.0001, 1)
                        : String.format(text.locale(), "%.4f", value.doubleValue()));
        glossary.attach(p, com.campaignstudio.ui.common.Term.P_VALUE);
        columns.add(p);
        TableColumn<Term, Number> vif = NumberColumn.of(text.get("drivers.column.vif"), Term::vif,
                value -> String.format(text.locale(), "%.1f", value.doubleValue()));
        glossary.attach(vif, com.campaignstudio.ui.common.Term.VARIANCE_INFLATION);
        columns.add(vif);
        TableColumn<Term, Number> effect = number("drivers.column.effect." + key, Term::effect, 3);
        if (logistic) {
            glossary.attach(effect, com.campaignstudio.ui.common.Term.ODDS_RATIO);
        }
        columns.add(effect);
        if (logistic) {
            columns.add(NumberColumn.of(text.get("drivers.column.points"), term -> term.pointsAtMean() * 100,
                    value -> driverText.signed(value.doubleValue())));
        }
        for (TableColumn<Term, ?> column : columns.subList(2, columns.size())) {
            column.getStyleClass().add("number");
        }
        driversTable.getColumns().setAll(columns);
        driversTable.getItems().setAll(result.terms());
        driversTable.setVisible(true);
        driversTableTitle.setVisible(true);
        TableFit.columnsToContent(driversTable);
        TableFit.heightToRows(driversTable, result.terms().size());
    }

    private TableColumn<Term, Number> number(String titleKey, java.util.function.ToDoubleFunction<Term> value,
                                             int digits) {
        return NumberColumn.of(text.get(titleKey), term -> value.applyAsDouble(term),
                shown -> driverText.significant(shown.doubleValue(), digits));
    }

    private void failed(Throwable failure) {
        setRunning(false);
        if (failure instanceof DriversException refused) {
            showNothing();
            driversStateLabel.setText(driverText.message(refused.reason()));
            driversStateLabel.getStyleClass().add("drivers-refusal");
        } else {
            new Dialogs(text, window()).unexpected(failure);
        }
    }

    private void setRunning(boolean running) {
        driversRunButton.setDisable(running);
        driversCancelButton.setDisable(!running);
        driversProgress.setVisible(running);
    }

    private Window window() {
        return driversRunButton.getScene() == null ? null : driversRunButton.getScene().getWindow();
    }
}
