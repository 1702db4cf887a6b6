package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.SequentialTest;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.ReferenceLine;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

/**
 * The Day by day tab: the running totals of a running A/B experiment, pasted, typed or imported from a CSV file,
 * read with the peeking-safe test (mSPRT): the always-valid p-value and interval on the lift after each day, drawn
 * over the days beside zero and the minimum lift that matters, and the verdict with the day it was reached.
 */
public final class SequentialController {

    /** About this many day labels fit under a chart. */
    private static final int DAY_TICKS = 8;

    private final BackgroundRunner runner;
    private final UiText text;
    private final ExperimentsModel model;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final FileQuestions files;
    private final ExperimentFormats format;
    private final RunProgress runProgress;
    private final ChangeListener<SequentialTest.Result> resultListener = (observable, old, result) -> show(result);

    @FXML
    private Label totalsLabel;
    @FXML
    private TextArea totalsArea;
    @FXML
    private Button importCsvButton;
    @FXML
    private Label sequentialMinLiftLabel;
    @FXML
    private TextField sequentialMinLiftField;
    @FXML
    private Label sequentialAlphaLabel;
    @FXML
    private TextField sequentialAlphaField;
    @FXML
    private Button sequentialRunButton;
    @FXML
    private Button sequentialCancelButton;
    @FXML
    private ProgressBar sequentialProgress;
    @FXML
    private Label sequentialProblemLabel;
    @FXML
    private Label verdictLabel;
    @FXML
    private Label verdictSentence;
    @FXML
    private Label decidedLabel;
    @FXML
    private BandedLineChart dayLiftChart;
    @FXML
    private NumberAxis liftDays;
    @FXML
    private BandedLineChart pValueChart;
    @FXML
    private NumberAxis pDays;
    @FXML
    private TableView<SequentialTest.Look> dayTable;

    SequentialController(BackgroundRunner runner, UiText text, ExperimentsModel model, Glossary glossary,
                         ExportMenu exports, FileQuestions files) {
        this.runner = runner;
        this.text = text;
        this.model = model;
        this.glossary = glossary;
        this.exports = exports;
        this.files = files;
        this.format = new ExperimentFormats(text);
        this.runProgress = new RunProgress(text.bundle());
    }

    @FXML
    private void initialize() {
        sequentialProgress.progressProperty().bind(runProgress.fractionProperty());
        sequentialProgress.managedProperty().bind(sequentialProgress.visibleProperty());
        sequentialProblemLabel.managedProperty().bind(sequentialProblemLabel.textProperty().isNotEmpty());
        totalsArea.textProperty().bindBidirectional(model.dailyTotalsProperty());
        sequentialMinLiftField.textProperty().bindBidirectional(model.sequentialMinLiftProperty());
        sequentialAlphaField.textProperty().bindBidirectional(model.sequentialAlphaProperty());
        glossary.attach(totalsLabel, Term.ALWAYS_VALID);
        glossary.attach(sequentialMinLiftLabel, Term.MINIMUM_LIFT);
        glossary.attach(sequentialAlphaLabel, Term.SIGNIFICANCE_LEVEL);
        buildTable();
        exports.install(dayLiftChart, text.get("experiments.sequential.chart.lift"));
        exports.install(pValueChart, text.get("experiments.sequential.chart.p"));
        exports.install(dayTable, text.get("experiments.tab.sequential"));
        model.sequentialProperty().addListener(new WeakChangeListener<>(resultListener));
        show(model.sequential().orElse(null));
    }

    private void buildTable() {
        dayTable.getColumns().add(column("experiments.sequential.col.day", look -> look.day().label()));
        dayTable.getColumns().add(count("experiments.sequential.col.visitorsA", look -> look.day().visitorsA()));
        dayTable.getColumns().add(count("experiments.sequential.col.conversionsA", look -> look.day().conversionsA()));
        dayTable.getColumns().add(count("experiments.sequential.col.visitorsB", look -> look.day().visitorsB()));
        dayTable.getColumns().add(count("experiments.sequential.col.conversionsB", look -> look.day().conversionsB()));
        dayTable.getColumns().add(NumberColumn.of(text.get("experiments.col.lift"), SequentialTest.Look::lift,
                value -> format.points(value.doubleValue())));
        glossary.attach(dayTable.getColumns().getLast(), Term.ABSOLUTE_LIFT);
        dayTable.getColumns().add(column("experiments.sequential.col.interval",
                look -> format.range(look.interval(), format::points)));
        glossary.attach(dayTable.getColumns().getLast(), Term.ALWAYS_VALID);
        dayTable.getColumns().add(NumberColumn.of(text.get("experiments.sequential.col.p"), SequentialTest.Look::pValue,
                value -> format.pValue(value.doubleValue())));
        dayTable.getColumns().add(column("experiments.col.verdict", look -> format.headline(look.verdict(), "B", "A")));
        dayTable.getColumns().forEach(column -> column.setSortable(false));
        Label placeholder = new Label(text.get("experiments.sequential.table.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        dayTable.setPlaceholder(placeholder);
        TableFit.columnsToContent(dayTable);
        TableFit.heightToRows(dayTable, 15);
    }

    private TableColumn<SequentialTest.Look, Number> count(String key, Function<SequentialTest.Look, Number> value) {
        return NumberColumn.of(text.get(key), value, number -> text.integer(number.longValue()));
    }

    private TableColumn<SequentialTest.Look, String> column(String key, Function<SequentialTest.Look, String> value) {
        TableColumn<SequentialTest.Look, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    @FXML
    void run() {
        if (sequentialRunButton.isDisabled()) {
            return;
        }
        ExperimentsModel.SequentialInput input;
        try {
            input = model.sequentialInput();
            sequentialProblemLabel.setText("");
        } catch (ExperimentsModel.InputProblem problem) {
            sequentialProblemLabel.setText(problem.in(text.bundle()));
            return;
        }
        setRunning(true);
        runner.run(text.get("experiments.sequential.running"), context -> {
            TaskContext inner = runProgress.around(context);
            inner.checkCancelled();
            SequentialTest.Result result = SequentialTest.run(input.days(), input.settings());
            inner.checkCancelled();
            return result;
        }, result -> {
            setRunning(false);
            model.show(result);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        sequentialCancelButton.setDisable(true);
    }

    /** Reads a CSV file of running totals into the box, where it can be checked and changed before the run. */
    @FXML
    private void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("experiments.sequential.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt", "*.tsv"));
        File chosen = files.ask(chooser, FileQuestions.Kind.OPEN, window());
        if (chosen == null) {
            return;
        }
        runner.run(text.get("experiments.sequential.reading"), context -> Files.readString(chosen.toPath(),
                StandardCharsets.UTF_8), read -> {
                    model.dailyTotalsProperty().set(read.replace("\uFEFF", ""));
                    run();
                }, this::failed);
    }

    private void show(SequentialTest.Result result) {
        if (result == null) {
            verdictLabel.setText("");
            verdictLabel.getStyleClass().removeIf(style -> style.startsWith("verdict-") && !style.equals("verdict-headline"));
            // The chart's placeholder says what to do; the table waits for days to list.
            verdictSentence.setText("");
            decidedLabel.setText("");
            dayLiftChart.getData().clear();
            dayLiftChart.setBands(List.of());
            pValueChart.getData().clear();
            dayTable.getItems().clear();
            dayTable.setVisible(false);
            dayTable.setManaged(false);
            return;
        }
        dayTable.setVisible(true);
        dayTable.setManaged(true);
        verdictLabel.setText(format.headline(result.verdict(), "B", "A"));
        verdictLabel.getStyleClass().removeIf(style -> style.startsWith("verdict-") && !style.equals("verdict-headline"));
        verdictLabel.getStyleClass().add(ExperimentFormats.styleClass(result.verdict()));
        verdictSentence.setText(format.explanation(result.verdict(), "B", "A"));
        decidedLabel.setText(result.decidedOn().map(look -> text.get("experiments.sequential.decided",
                look.day().label(), format.headline(look.verdict(), "B", "A")))
                .orElse(text.get("experiments.sequential.undecided")));
        showCharts(result);
        dayTable.getItems().setAll(result.looks());
    }

    /** The lift and its always-valid interval, and the always-valid p-value, day by day. */
    private void showCharts(SequentialTest.Result result) {
        List<SequentialTest.Look> looks = result.looks();
        XYChart.Series<Number, Number> lift = new XYChart.Series<>();
        lift.setName(text.get("experiments.sequential.chart.liftLine"));
        XYChart.Series<Number, Number> p = new XYChart.Series<>();
        p.setName(text.get("experiments.sequential.chart.pLine"));
        // Days before the first evidence keep the interval -100 to +100 points: the band starts where it narrows.
        int first = 0;
        while (first < looks.size() && looks.get(first).interval().low() <= -1 && looks.get(first).interval().high() >= 1) {
            first++;
        }
        int banded = looks.size() - first;
        double[] x = new double[banded];
        double[] low = new double[banded];
        double[] high = new double[banded];
        for (int d = 0; d < looks.size(); d++) {
            SequentialTest.Look look = looks.get(d);
            lift.getData().add(new XYChart.Data<>(d + 1, look.lift() * 100));
            p.getData().add(new XYChart.Data<>(d + 1, look.pValue()));
            if (d >= first) {
                x[d - first] = d + 1;
                low[d - first] = look.interval().low() * 100;
                high[d - first] = look.interval().high() * 100;
            }
        }
        double minLift = result.settings().minLift() * 100;
        for (NumberAxis axis : List.of(liftDays, pDays)) {
            dayAxis(axis, looks);
        }
        dayLiftChart.getData().setAll(List.of(lift));
        dayLiftChart.setBands(banded == 0 ? List.of() : List.of(new BandedLineChart.Band(x, low, high, "band-95")));
        dayLiftChart.setReferenceLines(List.of(new ReferenceLine(0, "reference-zero"),
                new ReferenceLine(minLift, "reference-threshold"), new ReferenceLine(-minLift, "reference-threshold")));
        pValueChart.getData().setAll(List.of(p));
        pValueChart.setReferenceLines(List.of(new ReferenceLine(result.settings().alpha(), "reference-threshold")));
    }

    /** Days 1 to n, labelled as the data name them, at most about {@link #DAY_TICKS} labels. */
    private void dayAxis(NumberAxis axis, List<SequentialTest.Look> looks) {
        int days = looks.size();
        axis.setLowerBound(1);
        axis.setUpperBound(Math.max(2, days));
        axis.setTickUnit(Math.max(1, Math.ceil(days / (double) DAY_TICKS)));
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double day = value.doubleValue();
                int index = (int) Math.round(day) - 1;
                return Math.abs(day - Math.rint(day)) < 1e-9 && index >= 0 && index < days
                        ? looks.get(index).day().label() : "";
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }

    private void failed(Throwable failure) {
        setRunning(false);
        new Dialogs(text, window()).unexpected(failure);
    }

    private void setRunning(boolean running) {
        sequentialRunButton.setDisable(running);
        importCsvButton.setDisable(running);
        sequentialCancelButton.setDisable(!running);
        sequentialProgress.setVisible(running);
    }

    private Window window() {
        return sequentialRunButton.getScene() == null ? null : sequentialRunButton.getScene().getWindow();
    }
}
