package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BanditSimulation;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Learning while spending: on the user's guessed conversion rates, the conversions an even split, test-then-commit
 * and Thompson sampling lose against sending everyone to the best variant from the start, over many seeded runs.
 */
public final class LearningController {

    static final int MIN_ARMS = 2;
    static final int MAX_ARMS = 6;
    static final long SEED = 20261126L;
    private static final List<String> STARTING_RATES = List.of("2.0", "2.5", "3.0");

    /** A strategy's line of the table. */
    public record Row(BanditSimulation.Strategy strategy, BanditSimulation.Regret regret) {
    }

    private final BackgroundRunner runner;
    private final BudgetFormats formats;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final List<TextField> rates = new ArrayList<>();
    /** The variant with the highest guessed rate in the run on show. */
    private int lastBest;

    @FXML
    private Label ratesLabel;
    @FXML
    private FlowPane rateBox;
    @FXML
    private Button addArm;
    @FXML
    private Button removeArm;
    @FXML
    private TextField visitorsField;
    @FXML
    private Spinner<Integer> daysSpinner;
    @FXML
    private Label testShareLabel;
    @FXML
    private Spinner<Integer> testShareSpinner;
    @FXML
    private Spinner<Integer> runsSpinner;
    @FXML
    private Button runButton;
    @FXML
    private Label learningError;
    @FXML
    private Label learningNote;
    @FXML
    private TableView<Row> regretTable;
    @FXML
    private IntervalBarChart regretChart;
    @FXML
    private NumberAxis regretAxis;

    LearningController(BackgroundRunner runner, BudgetFormats formats, Glossary glossary, ExportMenu exports) {
        this.runner = runner;
        this.formats = formats;
        this.text = formats.text();
        this.glossary = glossary;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        STARTING_RATES.forEach(this::addRate);
        daysSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 365, 14));
        testShareSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 99, 20, 5));
        runsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 2000, 200, 50));
        regretAxis.setTickLabelFormatter(text.axisNumbers());
        glossary.attach(ratesLabel, Term.THOMPSON_SAMPLING);
        glossary.attach(testShareLabel, Term.TEST_THEN_COMMIT);
        glossary.attach(regretChart, Term.REGRET);
        exports.install(regretTable, text.get("budget.chart.regret"));
        exports.install(regretChart, text.get("budget.chart.regret"));
        TableFit.columnsToContent(regretTable);
        TableFit.heightToRows(regretTable, 3);
        regretTable.getColumns().setAll(List.of(
                CurvesController.<Row>column(text.get("budget.col.strategy"), row -> strategy(row.strategy())),
                CurvesController.<Row>column(text.get("budget.col.regret"), row -> formats.decimals(row.regret().mean(), 1)),
                CurvesController.<Row>column(text.get("budget.col.regretRange"), row -> text.get("budget.range",
                        formats.decimals(row.regret().low(), 1), formats.decimals(row.regret().high(), 1))),
                CurvesController.<Row>column(text.get("budget.col.toBest"), row -> text.percent(bestShare(row)))));
        glossary.attach(regretTable.getColumns().get(1), Term.REGRET);
        learningNote.setText(text.get("budget.learning.empty"));
    }

    private String strategy(BanditSimulation.Strategy strategy) {
        return text.get("budget.strategy." + switch (strategy) {
            case EVEN_SPLIT -> "even";
            case TEST_THEN_COMMIT -> "testThenCommit";
            case THOMPSON -> "thompson";
        });
    }

    private double bestShare(Row row) {
        return row.regret().meanShare()[lastBest];
    }

    private void addRate(String percent) {
        TextField field = new TextField(percent);
        field.setPrefColumnCount(4);
        field.setId("rate" + rates.size());
        rates.add(field);
        rateBox.getChildren().add(new javafx.scene.layout.HBox(4, new Label(text.get("budget.learning.arm",
                rates.size())), field, new Label("%")));
        addArm.setDisable(rates.size() >= MAX_ARMS);
        removeArm.setDisable(rates.size() <= MIN_ARMS);
    }

    @FXML
    private void addArm() {
        if (rates.size() < MAX_ARMS) {
            addRate(rates.getLast().getText());
        }
    }

    @FXML
    private void removeArm() {
        if (rates.size() > MIN_ARMS) {
            rates.removeLast();
            rateBox.getChildren().removeLast();
            addArm.setDisable(false);
            removeArm.setDisable(rates.size() <= MIN_ARMS);
        }
    }

    @FXML
    private void run() {
        learningError.setText("");
        List<Double> guessed = new ArrayList<>();
        for (TextField field : rates) {
            OptionalDouble percent = SpendInput.amount(field.getText());
            if (percent.isEmpty() || percent.getAsDouble() > 100) {
                learningError.setText(text.get("budget.error.rate"));
                return;
            }
            guessed.add(percent.getAsDouble() / 100);
        }
        OptionalDouble perDay = SpendInput.amount(visitorsField.getText());
        if (perDay.isEmpty() || perDay.getAsDouble() < 1) {
            learningError.setText(text.get("budget.error.visitors"));
            return;
        }
        int days = daysSpinner.getValue();
        BanditSimulation.Setup setup = new BanditSimulation.Setup(guessed, Math.round(perDay.getAsDouble()) * days,
                days, testShareSpinner.getValue() / 100.0, runsSpinner.getValue(), SEED);
        int best = 0;
        for (int k = 1; k < guessed.size(); k++) {
            if (guessed.get(k) > guessed.get(best)) {
                best = k;
            }
        }
        int bestArm = best;
        runButton.setDisable(true);
        runner.run(text.get("budget.learning.running"), context -> BanditSimulation.run(setup), regrets -> {
            runButton.setDisable(false);
            show(setup, bestArm, regrets);
        }, failure -> {
            runButton.setDisable(false);
            new Dialogs(text, runButton.getScene() == null ? null : runButton.getScene().getWindow())
                    .unexpected(failure);
        });
    }

    private void show(BanditSimulation.Setup setup, int best, Map<BanditSimulation.Strategy, BanditSimulation.Regret> regrets) {
        lastBest = best;
        List<Row> rows = regrets.entrySet().stream().map(entry -> new Row(entry.getKey(), entry.getValue())).toList();
        regretTable.getItems().setAll(rows);
        XYChart.Series<String, Number> means = new XYChart.Series<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (Row row : rows) {
            String name = strategy(row.strategy());
            means.getData().add(new XYChart.Data<>(name, row.regret().mean()));
            intervals.put(name, new double[]{row.regret().low(), row.regret().high()});
        }
        regretChart.getData().setAll(List.of(means));
        regretChart.setIntervals(intervals);
        learningNote.setText(text.get("budget.learning.note", text.integer(setup.visitors()),
                text.integer(setup.days()), text.integer(setup.runs()), text.get("budget.learning.arm", best + 1),
                formats.decimals(BanditSimulation.evenSplitRegret(setup), 1)));
    }
}
