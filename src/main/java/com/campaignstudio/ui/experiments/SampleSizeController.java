package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.ExperimentException;
import com.campaignstudio.experiments.SampleSize;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * The Sample size tab: the baseline rate, the smallest lift worth detecting, power, significance, arms and daily
 * traffic give the people each arm needs, in all, and the days it takes; worked out again as the user types. The
 * chart shows how the people needed grow as the lift to detect shrinks, with the lift asked for marked.
 */
public final class SampleSizeController {

    /** The chart's lifts run from this share of the lift asked for ... */
    static final double CHART_FROM = 0.5;
    /** ... to this multiple of it, in this many steps. */
    static final double CHART_TO = 2;
    static final int CHART_STEPS = 15;

    private final UiText text;
    private final ExperimentsModel model;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final ExperimentFormats format;

    @FXML
    private Label baselineLabel;
    @FXML
    private TextField baselineField;
    @FXML
    private Label liftLabel;
    @FXML
    private TextField liftField;
    @FXML
    private ComboBox<SampleSize.LiftKind> liftKindChoice;
    @FXML
    private Label powerLabel;
    @FXML
    private TextField powerField;
    @FXML
    private Label sizeAlphaLabel;
    @FXML
    private TextField sizeAlphaField;
    @FXML
    private Spinner<Integer> armsSpinner;
    @FXML
    private TextField dailyField;
    @FXML
    private Label sizeProblemLabel;
    @FXML
    private Label perArmValue;
    @FXML
    private Label totalValue;
    @FXML
    private Label daysValue;
    @FXML
    private Label daysDetail;
    @FXML
    private Label planLabel;
    @FXML
    private LineChart<Number, Number> sizeChart;
    @FXML
    private NumberAxis liftAxis;
    @FXML
    private NumberAxis peopleAxis;

    SampleSizeController(UiText text, ExperimentsModel model, Glossary glossary, ExportMenu exports) {
        this.text = text;
        this.model = model;
        this.glossary = glossary;
        this.exports = exports;
        this.format = new ExperimentFormats(text);
    }

    @FXML
    private void initialize() {
        sizeProblemLabel.managedProperty().bind(sizeProblemLabel.textProperty().isNotEmpty());
        baselineField.textProperty().bindBidirectional(model.baselineProperty());
        liftField.textProperty().bindBidirectional(model.liftProperty());
        liftKindChoice.getItems().setAll(SampleSize.LiftKind.values());
        liftKindChoice.setConverter(Views.converter(kind -> text.get("experiments.size.kind." + kind.name())));
        liftKindChoice.valueProperty().bindBidirectional(model.liftKindProperty());
        powerField.textProperty().bindBidirectional(model.powerProperty());
        sizeAlphaField.textProperty().bindBidirectional(model.alphaProperty());
        armsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 10, model.armsProperty().get()));
        armsSpinner.getValueFactory().valueProperty().bindBidirectional(model.armsProperty());
        dailyField.textProperty().bindBidirectional(model.dailyTrafficProperty());
        glossary.attach(baselineLabel, Term.CONTROL);
        glossary.attach(liftLabel, Term.MINIMUM_LIFT);
        glossary.attach(powerLabel, Term.POWER);
        glossary.attach(sizeAlphaLabel, Term.SIGNIFICANCE_LEVEL);
        peopleAxis.setTickLabelFormatter(text.axisNumbers());
        exports.install(sizeChart, text.get("experiments.size.chart"));
        for (Observable input : List.<Observable>of(model.baselineProperty(), model.liftProperty(),
                model.liftKindProperty(), model.powerProperty(), model.alphaProperty(), model.armsProperty(),
                model.dailyTrafficProperty())) {
            input.addListener(observable -> run());
        }
        run();
    }

    /** Works the plan out for the question as typed (it is quick: no background work). */
    void run() {
        try {
            SampleSize.Plan plan = model.plan();
            sizeProblemLabel.setText("");
            show(plan);
        } catch (ExperimentsModel.InputProblem problem) {
            sizeProblemLabel.setText(problem.in(text.bundle()));
            clear();
        }
    }

    private void show(SampleSize.Plan plan) {
        SampleSize.Inputs inputs = plan.inputs();
        perArmValue.setText(text.integer(plan.perArm()));
        totalValue.setText(text.integer(plan.total()));
        daysValue.setText(plan.days().map(text::integer).orElse("\u2013"));
        daysDetail.setText(plan.days().isPresent() ? "" : text.get("experiments.size.days.unknown"));
        double base = inputs.baseline();
        String comparisons = inputs.arms() > 2 ? text.get("experiments.size.plan.comparisons",
                String.format(text.locale(), "%.4g", plan.alphaPerComparison()), inputs.arms() - 1) : "";
        planLabel.setText(text.get("experiments.size.plan", format.rate(base), format.rate(plan.target()),
                format.relative(plan.target() / base - 1), format.points(plan.target() - base),
                text.percent(inputs.power()), text.percent(inputs.alpha())) + comparisons);
        showChart(plan);
    }

    /** People per arm for lifts around the one asked for; lifts that leave the 0..1 range are left out. */
    private void showChart(SampleSize.Plan plan) {
        SampleSize.Inputs asked = plan.inputs();
        boolean relative = asked.kind() == SampleSize.LiftKind.RELATIVE;
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName(text.get("experiments.size.chart.curve"));
        for (int step = 0; step <= CHART_STEPS; step++) {
            double lift = asked.lift() * (CHART_FROM + (CHART_TO - CHART_FROM) * step / CHART_STEPS);
            try {
                SampleSize.Plan at = SampleSize.plan(new SampleSize.Inputs(asked.baseline(), lift, asked.kind(),
                        asked.power(), asked.alpha(), asked.arms()));
                curve.getData().add(new XYChart.Data<>(lift * 100, at.perArm()));
            } catch (ExperimentException outside) {
                // A lift that would take the rate below 0 or above 1 has no plan.
            }
        }
        XYChart.Series<Number, Number> chosen = new XYChart.Series<>();
        chosen.setName(text.get("experiments.size.chart.chosen"));
        XYChart.Data<Number, Number> point = new XYChart.Data<>(asked.lift() * 100, plan.perArm());
        chosen.getData().add(point);
        liftAxis.setLabel(text.get(relative ? "experiments.size.chart.liftRelative" : "experiments.size.chart.liftAbsolute"));
        sizeChart.getData().setAll(List.of(curve, chosen));
        if (point.getNode() != null) {
            Tooltip.install(point.getNode(), new Tooltip(text.integer(plan.perArm())));
        }
    }

    private void clear() {
        perArmValue.setText("\u2013");
        totalValue.setText("\u2013");
        daysValue.setText("\u2013");
        daysDetail.setText("");
        planLabel.setText("");
        sizeChart.getData().clear();
    }
}
