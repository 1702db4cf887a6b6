package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.Bayesian;
import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.Interval;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.ReferenceLine;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shows a reading of an experiment: the verdict of each comparison in a few coloured words and a sentence, each
 * variant's rate as a point with its Wilson interval, each lift over the control with its interval beside zero and
 * the minimum lift that matters, the tables of comparisons and variants, the warnings and the notes.
 */
final class CompareResults {

    private final UiText text;
    private final Glossary glossary;
    private final ExperimentFormats format;
    private TableColumn<ExperimentAnalysis.Comparison, String> intervalColumn;
    private TableColumn<ExperimentAnalysis.Comparison, String> relativeIntervalColumn;
    private TableColumn<ExperimentAnalysis.Comparison, Number> pValueColumn;
    private TableView<ExperimentAnalysis.Comparison> comparisons;
    private TableView<ExperimentAnalysis.Arm> arms;

    CompareResults(UiText text, Glossary glossary) {
        this.text = text;
        this.glossary = glossary;
        this.format = new ExperimentFormats(text);
    }

    void build(TableView<ExperimentAnalysis.Comparison> comparisonTable, TableView<ExperimentAnalysis.Arm> armTable) {
        comparisons = comparisonTable;
        arms = armTable;
        comparisons.getColumns().add(column("experiments.col.variant", ExperimentAnalysis.Comparison::variant));
        comparisons.getColumns().add(number("experiments.col.lift", c -> c.test().absoluteLift(),
                value -> format.points(value.doubleValue())));
        glossary.attach(comparisons.getColumns().getLast(), Term.ABSOLUTE_LIFT);
        intervalColumn = column("experiments.col.interval", c -> format.range(c.test().absoluteInterval(),
                format::points));
        comparisons.getColumns().add(intervalColumn);
        comparisons.getColumns().add(column("experiments.col.relative", c -> c.test().relativeLift()
                .map(format::relative).orElse("\u2013")));
        glossary.attach(comparisons.getColumns().getLast(), Term.RELATIVE_LIFT);
        relativeIntervalColumn = column("experiments.col.interval", c -> c.test().relativeInterval()
                .map(interval -> format.range(interval, format::relative)).orElse("\u2013"));
        comparisons.getColumns().add(relativeIntervalColumn);
        pValueColumn = number("experiments.col.pValue", ExperimentAnalysis.Comparison::adjustedPValue,
                value -> format.pValue(value.doubleValue()));
        comparisons.getColumns().add(pValueColumn);
        glossary.attach(pValueColumn, Term.P_VALUE);
        comparisons.getColumns().add(number("experiments.col.better", ExperimentAnalysis.Comparison::probabilityBetter,
                value -> format.chance(value.doubleValue())));
        glossary.attach(comparisons.getColumns().getLast(), Term.PROBABILITY_BETTER);
        comparisons.getColumns().add(number("experiments.col.lossIfChosen",
                ExperimentAnalysis.Comparison::lossChoosingVariant, value -> format.loss(value.doubleValue())));
        glossary.attach(comparisons.getColumns().getLast(), Term.EXPECTED_LOSS);
        comparisons.getColumns().add(column("experiments.col.verdict", c -> format.headline(c.verdict(), c.variant(),
                c.control())));

        arms.getColumns().add(column("experiments.col.variant", arm -> arm.variant().name()));
        arms.getColumns().add(number("experiments.col.visitors", arm -> arm.variant().visitors(),
                value -> text.integer(value.longValue())));
        arms.getColumns().add(number("experiments.col.conversions", arm -> arm.variant().conversions(),
                value -> text.integer(value.longValue())));
        arms.getColumns().add(number("experiments.col.rate", ExperimentAnalysis.Arm::rate,
                value -> format.rate(value.doubleValue())));
        arms.getColumns().add(column("experiments.col.wilson", arm -> format.range(arm.wilson(), format::rate)));
        glossary.attach(arms.getColumns().getLast(), Term.WILSON_INTERVAL);
        arms.getColumns().add(number("experiments.col.best", ExperimentAnalysis.Arm::chanceToBeBest,
                value -> format.chance(value.doubleValue())));
        glossary.attach(arms.getColumns().getLast(), Term.CHANCE_TO_BE_BEST);
        arms.getColumns().add(number("experiments.col.loss", ExperimentAnalysis.Arm::expectedLoss,
                value -> format.loss(value.doubleValue())));
        glossary.attach(arms.getColumns().getLast(), Term.EXPECTED_LOSS);
        for (TableView<?> table : List.of(comparisons, arms)) {
            Label placeholder = new Label(text.get("experiments.table.empty"));
            placeholder.setWrapText(true);
            placeholder.getStyleClass().add("hint");
            table.setPlaceholder(placeholder);
            TableFit.columnsToContent(table);
            TableFit.heightToRows(table, 12);
        }
    }

    void show(ExperimentAnalysis.Analysis analysis, VBox verdicts, Label state, IntervalPointChart rates,
              IntervalPointChart lifts, Label warnings, Label comparisonsTitle, Label notes) {
        if (analysis == null) {
            verdicts.getChildren().clear();
            state.setText(text.get("experiments.empty"));
            rates.getData().clear();
            lifts.getData().clear();
            warnings.setText("");
            notes.setText("");
            comparisons.getItems().clear();
            arms.getItems().clear();
            return;
        }
        String control = analysis.setup().control().name();
        boolean several = analysis.comparisons().size() > 1;
        String level = format.level(analysis.comparisons().getFirst().intervalLevel());
        List<Label> lines = new ArrayList<>();
        for (ExperimentAnalysis.Comparison comparison : analysis.comparisons()) {
            String headline = format.headline(comparison.verdict(), comparison.variant(), control);
            Label words = new Label(several ? text.get("experiments.headline.pair", comparison.variant(), control,
                    headline) : headline);
            words.getStyleClass().addAll("verdict-headline", ExperimentFormats.styleClass(comparison.verdict()));
            words.setWrapText(true);
            Label sentence = new Label(format.explanation(comparison.verdict(), comparison.variant(), control));
            sentence.setWrapText(true);
            sentence.getStyleClass().add("verdict-sentence");
            lines.add(words);
            lines.add(sentence);
        }
        verdicts.getChildren().setAll(lines);
        state.setText(text.get(analysis.simulated() ? "experiments.method.simulated" : "experiments.method.exact",
                control, text.integer(Bayesian.DRAWS)));
        showRates(analysis, rates);
        showLifts(analysis, lifts, level);
        warnings.setText(lines(analysis.warnings()));
        notes.setText(lines(analysis.notes()));
        comparisonsTitle.setText(text.get("experiments.comparisons.titled", control, level));
        intervalColumn.setText(text.get("experiments.col.levelInterval", level));
        relativeIntervalColumn.setText(text.get("experiments.col.levelInterval", level));
        pValueColumn.setText(text.get(several ? "experiments.col.pValueAdjusted" : "experiments.col.pValue"));
        comparisons.getItems().setAll(analysis.comparisons());
        arms.getItems().setAll(analysis.arms());
    }

    /** Each variant's rate (in percent) as a point with its Wilson 95% interval. */
    private void showRates(ExperimentAnalysis.Analysis analysis, IntervalPointChart chart) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(text.get("experiments.chart.rate"));
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (ExperimentAnalysis.Arm arm : analysis.arms()) {
            String name = arm.variant().name();
            series.getData().add(new XYChart.Data<>(name, arm.rate() * 100));
            intervals.put(name, percent(arm.wilson()));
        }
        chart.getData().setAll(List.of(series));
        chart.setIntervals(intervals);
        tooltips(series, analysis.arms().stream().map(arm -> text.get("experiments.chart.rateTip",
                arm.variant().name(), format.rate(arm.rate()), format.range(arm.wilson(), format::rate))).toList());
    }

    /** Each lift over the control (in percentage points) with its interval, beside zero and the minimum lift. */
    private void showLifts(ExperimentAnalysis.Analysis analysis, IntervalPointChart chart, String level) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(text.get("experiments.chart.lift"));
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (ExperimentAnalysis.Comparison comparison : analysis.comparisons()) {
            series.getData().add(new XYChart.Data<>(comparison.variant(), comparison.test().absoluteLift() * 100));
            intervals.put(comparison.variant(), percent(comparison.test().absoluteInterval()));
        }
        chart.setTitle(text.get("experiments.chart.liftTitled", analysis.setup().control().name(), level));
        chart.getData().setAll(List.of(series));
        chart.setIntervals(intervals);
        List<ReferenceLine> references = new ArrayList<>(List.of(new ReferenceLine(0, "reference-zero")));
        analysis.setup().minLift().ifPresent(lift -> {
            references.add(new ReferenceLine(lift * 100, "reference-threshold"));
            references.add(new ReferenceLine(-lift * 100, "reference-threshold"));
        });
        chart.setReferenceLines(references);
        tooltips(series, analysis.comparisons().stream().map(comparison -> text.get("experiments.chart.liftTip",
                comparison.variant(), format.points(comparison.test().absoluteLift()),
                format.range(comparison.test().absoluteInterval(), format::points))).toList());
    }

    private static void tooltips(XYChart.Series<String, Number> series, List<String> tips) {
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

    private static double[] percent(Interval interval) {
        return new double[]{interval.low() * 100, interval.high() * 100};
    }

    private String lines(List<Reason> reasons) {
        return reasons.stream().map(reason -> reason.in(text.bundle())).collect(Collectors.joining("\n"));
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setSortable(false);
        return column;
    }

    private <T> TableColumn<T, Number> number(String key, Function<T, Number> value, Function<Number, String> shown) {
        TableColumn<T, Number> column = NumberColumn.of(text.get(key), value, shown);
        column.getStyleClass().add("number");
        return column;
    }
}
