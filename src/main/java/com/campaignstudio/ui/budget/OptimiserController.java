package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetOptimizer;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.BudgetStore;
import com.campaignstudio.budget.Estimate;
import com.campaignstudio.budget.InfeasibleBudgetException;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The optimiser: a budget for the next weeks and limits per platform (amounts or shares of current spend) give the
 * split that brings the most of the goal, beside the current split; the return of the next yuan is the same on every
 * platform no limit holds, and the view says so. Below, the best outcome as a curve of the budget, and the smallest
 * budget that reaches a target.
 */
public final class OptimiserController {

    /** Weeks in the period unless the user says otherwise: about a month. */
    static final int DEFAULT_WEEKS = 4;
    /** Budgets on the best-outcome curve, from {@link #CURVE_FROM} to {@link #CURVE_TO} times the budget. */
    static final int CURVE_BUDGETS = 60;
    static final double CURVE_FROM = 0.25;
    static final double CURVE_TO = 2;

    /**
     * A platform in the current split and in the proposed one; {@code beyondSeen} when the proposal spends more a week
     * than any week of the history did, where its curve is an extrapolation.
     */
    public record Row(BudgetPlan.Row current, BudgetPlan.Row proposed, boolean beyondSeen) {
    }

    /** What Optimise works out. */
    record Optimised(BudgetResults.Plan plan, BudgetPlan.Result current, double[] budgets, List<Estimate> best) {
    }

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final BudgetResults results;
    private final BudgetFormats formats;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final List<TextField> minimums = new ArrayList<>();
    private final List<TextField> maximums = new ArrayList<>();
    private final ChangeListener<BudgetResults.Shown> shownListener = (observable, old, shown) -> show(shown);
    private String defaultBudget = "";

    @FXML
    private TextField budgetField;
    @FXML
    private Spinner<Integer> weeksSpinner;
    @FXML
    private Label limitsLabel;
    @FXML
    private GridPane limitsGrid;
    @FXML
    private Button optimiseButton;
    @FXML
    private Label inputError;
    @FXML
    private Label targetHint;
    @FXML
    private TextField targetField;
    @FXML
    private Button targetButton;
    @FXML
    private Label targetLabel;
    @FXML
    private TextField nameField;
    @FXML
    private Button saveButton;
    @FXML
    private Button toScheduleButton;
    @FXML
    private Label saveLabel;
    @FXML
    private Label totalsLabel;
    @FXML
    private Label marginalLabel;
    @FXML
    private TableView<Row> splitTable;
    @FXML
    private BandedLineChart bestChart;
    @FXML
    private NumberAxis bestBudgetAxis;
    @FXML
    private NumberAxis bestOutcomeAxis;

    OptimiserController(ProjectDatabase database, BackgroundRunner runner, BudgetResults results,
                        BudgetFormats formats, Glossary glossary, ExportMenu exports) {
        this.database = database;
        this.runner = runner;
        this.results = results;
        this.formats = formats;
        this.text = formats.text();
        this.glossary = glossary;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        weeksSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 52, DEFAULT_WEEKS));
        weeksSpinner.valueProperty().addListener((observable, old, weeks) -> followDefaultBudget());
        bestBudgetAxis.setTickLabelFormatter(text.axisNumbers());
        bestOutcomeAxis.setTickLabelFormatter(text.axisNumbers());
        glossary.attach(limitsLabel, Term.BINDING_LIMIT);
        glossary.attach(bestChart, Term.BOOTSTRAP_INTERVAL);
        exports.install(splitTable, text.get("budget.tab.optimiser"));
        TableFit.columnsToContent(splitTable);
        TableFit.heightToRows(splitTable, 12);
        exports.install(bestChart, text.get("budget.chart.best"));
        saveButton.disableProperty().bind(results.planProperty().isNull());
        toScheduleButton.disableProperty().bind(results.planProperty().isNull());
        results.shownProperty().addListener(new WeakChangeListener<>(shownListener));
        show(results.shown().orElse(null));
    }

    private void show(BudgetResults.Shown shown) {
        clearResults();
        boolean fitted = shown != null;
        optimiseButton.setDisable(!fitted);
        targetButton.setDisable(!fitted);
        limitsGrid.getChildren().clear();
        minimums.clear();
        maximums.clear();
        if (!fitted) {
            totalsLabel.setText(text.get("budget.curves.empty"));
            targetHint.setText("");
            return;
        }
        targetHint.setText(text.get("budget.target.hint", formats.goal(shown.goal())));
        List<String> platforms = shown.analysis().history().platforms();
        limitsGrid.addRow(0, new Label(text.get("budget.col.platform")), new Label(text.get("budget.optimiser.min")),
                new Label(text.get("budget.optimiser.max")));
        for (int p = 0; p < platforms.size(); p++) {
            TextField min = new TextField();
            TextField max = new TextField();
            min.setPrefColumnCount(6);
            max.setPrefColumnCount(6);
            min.setId("min-" + platforms.get(p));
            max.setId("max-" + platforms.get(p));
            minimums.add(min);
            maximums.add(max);
            Label platform = new Label(text.platform(platforms.get(p)));
            platform.setMinWidth(Region.USE_PREF_SIZE);
            limitsGrid.addRow(p + 1, platform, min, max);
        }
        defaultBudget = "";
        followDefaultBudget();
        optimise();
    }

    /** The budget shown follows the current spend over the weeks until the user types one of their own. */
    private void followDefaultBudget() {
        Optional<BudgetResults.Shown> shown = results.shown();
        if (shown.isEmpty()) {
            return;
        }
        String current = budgetField.getText() == null ? "" : budgetField.getText();
        if (current.isBlank() || current.equals(defaultBudget)) {
            double total = java.util.Arrays.stream(BudgetPlan.currentSpend(shown.get().analysis().history(),
                    weeksSpinner.getValue())).sum();
            defaultBudget = String.valueOf(Math.round(total));
            budgetField.setText(defaultBudget);
        }
    }

    private void clearResults() {
        splitTable.getItems().clear();
        splitTable.getColumns().clear();
        bestChart.getData().clear();
        bestChart.setBands(List.of());
        totalsLabel.setText("");
        marginalLabel.setText("");
        inputError.setText("");
        targetLabel.setText("");
        saveLabel.setText("");
    }

    private Optional<OptimiserInputs.Read> readInputs(BudgetAnalysis analysis, int weeks) {
        double[] current = BudgetPlan.currentSpend(analysis.history(), weeks);
        OptimiserInputs.Outcome outcome = OptimiserInputs.read(budgetField.getText(),
                minimums.stream().map(TextField::getText).toList(), maximums.stream().map(TextField::getText).toList(),
                current);
        if (outcome instanceof OptimiserInputs.Problem problem) {
            inputError.setText(problem.platform() < 0 ? text.get(problem.key())
                    : text.get(problem.key(), text.platform(analysis.history().platforms().get(problem.platform()))));
            return Optional.empty();
        }
        return Optional.of((OptimiserInputs.Read) outcome);
    }

    @FXML
    private void optimise() {
        Optional<BudgetResults.Shown> shown = results.shown();
        if (shown.isEmpty() || optimiseButton.isDisabled()) {
            return;
        }
        BudgetAnalysis analysis = shown.get().analysis();
        int weeks = weeksSpinner.getValue();
        clearResults();
        Optional<OptimiserInputs.Read> read = readInputs(analysis, weeks);
        if (read.isEmpty()) {
            return;
        }
        double budget = read.get().budget();
        List<BudgetOptimizer.Bounds> bounds = read.get().bounds();
        double minimums = bounds.stream().mapToDouble(BudgetOptimizer.Bounds::min).sum();
        if (minimums > budget) {
            infeasible(minimums, budget);
            return;
        }
        optimiseButton.setDisable(true);
        runner.run(text.get("budget.optimising"), context -> {
            BudgetPlan.Result proposed = BudgetPlan.optimize(analysis, budget, bounds, weeks);
            BudgetPlan.Result current = BudgetPlan.evaluate(analysis,
                    BudgetPlan.currentSpend(analysis.history(), weeks), weeks);
            double[] budgets = curveBudgets(budget, minimums);
            List<Estimate> best = BudgetPlan.bestByBudget(analysis, budgets, bounds, weeks);
            BudgetStore.Inputs inputs = BudgetStore.Inputs.of(analysis.goal(), budget, weeks,
                    analysis.history().platforms(), bounds);
            return new Optimised(new BudgetResults.Plan(inputs, proposed), current, budgets, best);
        }, optimised -> {
            optimiseButton.setDisable(false);
            if (stillShown(analysis)) {
                showPlan(analysis.goal(), optimised);
            }
        }, failure -> {
            optimiseButton.setDisable(false);
            if (failure instanceof InfeasibleBudgetException infeasible) {
                infeasible(infeasible.minimums(), infeasible.budget());
            } else {
                new Dialogs(text, window()).unexpected(failure);
            }
        });
    }

    /**
     * Whether the fit a run started from is still the one shown: a refit, a curve set by hand or new data while it
     * ran makes its answer stale, and it is dropped rather than shown, saved or sent to the planner.
     */
    private boolean stillShown(BudgetAnalysis analysis) {
        return results.shown().map(BudgetResults.Shown::analysis).orElse(null) == analysis;
    }

    private void infeasible(double minimums, double budget) {
        inputError.setText(text.get("budget.error.infeasible", text.yuan(minimums), text.yuan(budget)));
    }

    /**
     * Budgets from a quarter of {@code budget} (or the minimums, if they need more) to twice it, evenly spaced; a
     * zero budget draws up to ¥1.
     */
    static double[] curveBudgets(double budget, double minimums) {
        double top = CURVE_TO * Math.max(budget, 1);
        double from = Math.min(top, Math.max(minimums, CURVE_FROM * budget));
        double[] budgets = new double[CURVE_BUDGETS];
        for (int i = 0; i < CURVE_BUDGETS; i++) {
            budgets[i] = from + (top - from) * i / (CURVE_BUDGETS - 1);
        }
        return budgets;
    }

    private void showPlan(BudgetGoal goal, Optimised optimised) {
        BudgetPlan.Result proposed = optimised.plan().result();
        BudgetPlan.Result current = optimised.current();
        results.planProperty().set(optimised.plan());
        List<Row> rows = new ArrayList<>();
        double[][] history = results.shown().orElseThrow().analysis().history().spend();
        int weeks = optimised.plan().inputs().weeks();
        for (int p = 0; p < proposed.rows().size(); p++) {
            double highest = java.util.Arrays.stream(history[p]).max().orElse(0);
            rows.add(new Row(current.rows().get(p), proposed.rows().get(p),
                    proposed.rows().get(p).spend() / weeks > highest));
        }
        buildColumns(goal);
        splitTable.getItems().setAll(rows);
        String totals = text.get("budget.totals", text.yuan(current.spent()), formats.outcome(goal, current.total()),
                text.yuan(proposed.spent()), formats.outcome(goal, proposed.total()));
        List<String> lines = new ArrayList<>(List.of(totals));
        if (proposed.unspent() > 0.5) {
            lines.add(text.get("budget.unspent", text.yuan(proposed.unspent())));
        }
        if (proposed.total().value() < current.total().value() && Math.abs(proposed.spent() - current.spent())
                < 0.005 * Math.max(1, current.spent())) {
            // The split is chosen for spend kept up; over a short period the carry-over of the current spend can
            // still favour it.
            lines.add(text.get("budget.totals.currentAhead", text.integer(weeks)));
        }
        totalsLabel.setText(String.join("\n", lines));
        marginalLabel.setText(marginalNote(goal, proposed));
        showBest(goal, optimised);
    }

    /** Says that the next yuan returns the same wherever no limit holds (the optimum's condition), and what. */
    String marginalNote(BudgetGoal goal, BudgetPlan.Result proposed) {
        List<BudgetPlan.Row> free = proposed.rows().stream().filter(row -> !row.atMin() && !row.atMax()).toList();
        if (free.size() < 2) {
            return text.get("budget.marginal.fewFree");
        }
        double mean = free.stream().mapToDouble(row -> row.marginal().value()).average().orElseThrow();
        double spread = free.stream().mapToDouble(row -> Math.abs(row.marginal().value() - mean)).max().orElse(0);
        if (spread > 0.01 * mean) {
            // S-shaped curves can leave a platform below its steep part, where trades rather than equal returns decide.
            return text.get("budget.marginal.unequal");
        }
        return text.get("budget.marginal.equal", formats.perYuan(goal, mean), formats.returnUnit(goal),
                free.stream().map(row -> text.platform(row.platform())).collect(Collectors.joining(
                        text.get("budget.listSeparator"))));
    }

    private void buildColumns(BudgetGoal goal) {
        String unit = formats.returnUnit(goal);
        splitTable.getColumns().setAll(List.of(
                CurvesController.<Row>column(text.get("budget.col.platform"),
                        row -> text.platform(row.proposed().platform())),
                CurvesController.<Row>column(text.get("budget.col.currentSpend"),
                        row -> text.yuan(row.current().spend())),
                CurvesController.<Row>column(text.get("budget.col.proposedSpend"),
                        row -> text.yuan(row.proposed().spend())),
                CurvesController.<Row>column(text.get("budget.col.currentOutcome"),
                        row -> formats.outcome(goal, row.current().outcome())),
                CurvesController.<Row>column(text.get("budget.col.proposedOutcome"),
                        row -> formats.outcome(goal, row.proposed().outcome())),
                CurvesController.<Row>column(text.get("budget.col.carried"),
                        row -> formats.outcome(goal, row.proposed().carryOver().value())),
                CurvesController.<Row>column(text.get("budget.col.roi", unit),
                        row -> row.proposed().roi().map(roi -> formats.perYuan(goal, roi)).orElse("\u2013")),
                CurvesController.<Row>column(text.get("budget.col.marginal", unit),
                        row -> formats.perYuan(goal, row.proposed().marginal())),
                CurvesController.<Row>column(text.get("budget.col.binds"), row -> binds(row.proposed())),
                CurvesController.<Row>column(text.get("budget.col.notes"), row -> row.beyondSeen()
                        ? text.get("budget.note.beyondSeen") : "")));
        glossary.attach(splitTable.getColumns().get(5), Term.CARRY_OVER);
        glossary.attach(splitTable.getColumns().get(6), Term.ROI, Term.BOOTSTRAP_INTERVAL);
        glossary.attach(splitTable.getColumns().get(7), Term.MARGINAL_RETURN);
        glossary.attach(splitTable.getColumns().get(8), Term.BINDING_LIMIT);
    }

    private String binds(BudgetPlan.Row row) {
        return row.atMin() ? text.get("budget.binds.min") : row.atMax() ? text.get("budget.binds.max") : "";
    }

    private void showBest(BudgetGoal goal, Optimised optimised) {
        bestOutcomeAxis.setLabel(text.get("budget.chart.periodOutcome", formats.goal(goal)));
        double[] budgets = optimised.budgets();
        List<Estimate> best = optimised.best();
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(text.get("budget.series.best"));
        double[] low = new double[budgets.length];
        double[] high = new double[budgets.length];
        for (int i = 0; i < budgets.length; i++) {
            line.getData().add(new XYChart.Data<>(budgets[i], best.get(i).value()));
            low[i] = best.get(i).low();
            high[i] = best.get(i).high();
        }
        BudgetPlan.Result proposed = optimised.plan().result();
        XYChart.Series<Number, Number> chosen = new XYChart.Series<>();
        chosen.setName(text.get("budget.series.thisBudget"));
        chosen.getData().add(new XYChart.Data<>(optimised.plan().inputs().budget(), proposed.total().value()));
        bestChart.getData().setAll(List.of(line, chosen));
        bestChart.setBands(List.of(new BandedLineChart.Band(budgets, low, high, "band-95")));
    }

    @FXML
    private void findBudget() {
        Optional<BudgetResults.Shown> shown = results.shown();
        if (shown.isEmpty()) {
            return;
        }
        BudgetAnalysis analysis = shown.get().analysis();
        BudgetGoal goal = analysis.goal();
        int weeks = weeksSpinner.getValue();
        inputError.setText("");
        targetLabel.setText("");
        OptionalDouble target = SpendInput.amount(targetField.getText());
        Optional<OptimiserInputs.Read> read = readInputs(analysis, weeks);
        if (read.isEmpty()) {
            return;
        }
        if (target.isEmpty() || target.getAsDouble() <= 0) {
            targetLabel.setText(text.get("budget.error.target"));
            return;
        }
        List<BudgetOptimizer.Bounds> bounds = read.get().bounds();
        targetButton.setDisable(true);
        runner.run(text.get("budget.optimising"), context -> BudgetOptimizer.smallestBudgetFor(
                BudgetPlan.periodCurves(analysis.fit(), weeks), target.getAsDouble(), bounds)
                .map(split -> BudgetPlan.evaluate(analysis, split.spend(), weeks)), found -> {
            targetButton.setDisable(false);
            if (!stillShown(analysis)) {
                return;
            }
            targetLabel.setText(found.map(result -> text.get("budget.target.found",
                    text.yuan(result.spent()), split(result), formats.outcome(goal, result.total())))
                    .orElse(text.get("budget.target.none", formats.outcome(goal, target.getAsDouble()))));
        }, failure -> {
            targetButton.setDisable(false);
            new Dialogs(text, window()).unexpected(failure);
        });
    }

    private String split(BudgetPlan.Result result) {
        return result.rows().stream().map(row -> text.get("budget.target.part", text.platform(row.platform()),
                text.yuan(row.spend()))).collect(Collectors.joining(text.get("budget.listSeparator")));
    }

    @FXML
    private void save() {
        BudgetResults.Plan plan = results.planProperty().get();
        String name = nameField.getText() == null ? "" : nameField.getText().strip();
        if (plan == null) {
            return;
        }
        if (name.isEmpty()) {
            saveLabel.setText(text.get("budget.save.needsName"));
            return;
        }
        runner.run(text.get("budget.saving"), context -> new BudgetStore(database).save(name, plan.inputs(),
                BudgetStore.Results.of(plan.result())), replaced -> saveLabel.setText(text.get(replaced
                ? "budget.save.replaced" : "budget.save.saved", name)),
                failure -> new Dialogs(text, window()).unexpected(failure));
    }

    /**
     * Hands the proposed split to the Schedule planner as a weekly boost per platform (the period's spend over its
     * weeks), where "Spend budget boost" spreads it over the plan's posts.
     */
    @FXML
    private void sendToSchedule() {
        BudgetResults.Plan plan = results.planProperty().get();
        if (plan == null) {
            return;
        }
        java.util.Map<String, Double> weekly = new java.util.TreeMap<>();
        plan.result().rows().forEach(row -> weekly.put(row.platform(), row.spend() / plan.inputs().weeks()));
        runner.run(text.get("budget.saving"), context -> {
            new com.campaignstudio.schedule.BoostBudgetStore(database).save(weekly);
            return weekly;
        }, handed -> saveLabel.setText(text.get("budget.toSchedule.done")),
                failure -> new Dialogs(text, window()).unexpected(failure));
    }

    private javafx.stage.Window window() {
        return splitTable.getScene() == null ? null : splitTable.getScene().getWindow();
    }
}
