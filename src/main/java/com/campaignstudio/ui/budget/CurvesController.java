package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetData;
import com.campaignstudio.budget.BudgetFitException;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.Estimate;
import com.campaignstudio.budget.HandCurve;
import com.campaignstudio.budget.HillCurve;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.ChartPane;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Response curves: per platform its steady weekly response with the 90% band, the weeks seen and the current spend
 * marked; a table of current spend, return over the history, return of the next yuan and carry-over; and a curve set
 * by hand from two points where the history says too little.
 */
public final class CurvesController {

    /** Points along each drawn curve. */
    static final int CURVE_POINTS = 41;
    /** About as many labelled ticks on a curve's spend axis. */
    static final int SPEND_TICKS = 4;

    /** One platform's line of the table. */
    public record Row(String platform, double weekly, Optional<Estimate> roi, Estimate marginal,
                      double theta, String notes) {
    }

    private final BudgetResults results;
    private final BudgetFormats formats;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final ChangeListener<BudgetResults.Shown> shownListener = (observable, old, shown) -> show(shown);

    @FXML
    private Label curvesNote;
    @FXML
    private FlowPane chartBox;
    @FXML
    private TableView<Row> curveTable;
    @FXML
    private javafx.scene.layout.VBox handBox;
    @FXML
    private Label handLabel;
    @FXML
    private ComboBox<Integer> handPlatform;
    @FXML
    private TextField spend1;
    @FXML
    private TextField outcome1;
    @FXML
    private TextField spend2;
    @FXML
    private TextField outcome2;
    @FXML
    private Button applyHand;
    @FXML
    private Button clearHand;
    @FXML
    private Label handError;

    CurvesController(BudgetResults results, BudgetFormats formats, Glossary glossary, ExportMenu exports) {
        this.results = results;
        this.formats = formats;
        this.text = formats.text();
        this.glossary = glossary;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        glossary.attach(handLabel, Term.RESPONSE_CURVE);
        exports.install(curveTable, text.get("budget.tab.curves"));
        TableFit.columnsToContent(curveTable);
        TableFit.heightToRows(curveTable, 12);
        results.shownProperty().addListener(new WeakChangeListener<>(shownListener));
        show(results.shown().orElse(null));
    }

    private void show(BudgetResults.Shown shown) {
        chartBox.getChildren().clear();
        curveTable.getColumns().clear();
        curveTable.getItems().clear();
        handError.setText("");
        boolean fitted = shown != null;
        for (javafx.scene.Node part : List.of(curveTable, handBox)) {
            part.setVisible(fitted);
            part.setManaged(fitted);
        }
        if (!fitted) {
            curvesNote.setText(text.get("budget.curves.empty"));
            handPlatform.getItems().clear();
            return;
        }
        BudgetAnalysis analysis = shown.analysis();
        BudgetGoal goal = shown.goal();
        curvesNote.setText(text.get("budget.curves.note", formats.goal(goal)));
        List<String> platforms = analysis.history().platforms();
        double[] weekly = BudgetData.recentWeeklySpend(analysis.history(), BudgetPlan.RECENT_WEEKS).values()
                .stream().mapToDouble(Double::doubleValue).toArray();
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < platforms.size(); p++) {
            chartBox.getChildren().add(chart(analysis, p, weekly[p]));
            rows.add(new Row(platforms.get(p), weekly[p], analysis.roi(p), analysis.weeklyMarginal(p, weekly[p]),
                    analysis.fit().shapes().get(p).theta(), notes(shown, p)));
        }
        buildColumns(goal);
        curveTable.getItems().setAll(rows);
        Integer chosen = handPlatform.getValue();
        handPlatform.setConverter(Views.converter(p -> text.platform(platforms.get(p))));
        handPlatform.getItems().setAll(java.util.stream.IntStream.range(0, platforms.size()).boxed().toList());
        handPlatform.setValue(chosen != null && chosen < platforms.size() ? chosen : 0);
    }

    private String notes(BudgetResults.Shown shown, int p) {
        if (shown.byHand().containsKey(p)) {
            return text.get("budget.note.byHand");
        }
        if (shown.analysis().fit().beta()[p] <= 0) {
            return text.get("budget.note.noEffect");
        }
        return shown.analysis().unsaturated(p) ? text.get("budget.note.unsaturatedShort") : "";
    }

    private ChartPane chart(BudgetAnalysis analysis, int p, double currentWeekly) {
        BudgetGoal goal = analysis.goal();
        CurvePoints points = CurvePoints.of(analysis, p, CURVE_POINTS);
        double top = points.spend()[points.spend().length - 1];
        double step = roundStep(top / SPEND_TICKS);
        // Few round ticks: a half-width chart has no room for the auto-ranged axis's ten labels in Chinese.
        NumberAxis spendAxis = new NumberAxis(0, Math.ceil(top / step) * step, step);
        spendAxis.setLabel(text.get("budget.chart.weeklySpend"));
        spendAxis.setTickLabelFormatter(text.axisNumbers());
        NumberAxis outcomeAxis = new NumberAxis();
        outcomeAxis.setLabel(text.get("budget.chart.weeklyOutcome", formats.goal(goal)));
        outcomeAxis.setTickLabelFormatter(text.axisNumbers());
        BandedLineChart chart = new BandedLineChart(spendAxis, outcomeAxis);
        chart.setAnimated(false);
        chart.getStyleClass().add("budget-curve");
        String name = text.platform(analysis.history().platforms().get(p));
        chart.setTitle(name);
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName(text.get("budget.series.expected"));
        for (int i = 0; i < points.spend().length; i++) {
            curve.getData().add(new XYChart.Data<>(points.spend()[i], points.value()[i]));
        }
        XYChart.Series<Number, Number> seen = new XYChart.Series<>();
        seen.setName(text.get("budget.series.weeks"));
        double[] spend = analysis.history().spend()[p];
        double[] contribution = analysis.fit().contribution()[p];
        for (int t = 0; t < spend.length; t++) {
            if (spend[t] > 0) {
                seen.getData().add(new XYChart.Data<>(spend[t], contribution[t]));
            }
        }
        XYChart.Series<Number, Number> current = new XYChart.Series<>();
        current.setName(text.get("budget.series.current"));
        current.getData().add(new XYChart.Data<>(currentWeekly, analysis.fit().steadyCurve(p).value(currentWeekly)));
        chart.getData().setAll(List.of(curve, seen, current));
        chart.setBands(List.of(new BandedLineChart.Band(points.spend(), points.low(), points.high(), "band-95")));
        glossary.attach(chart, Term.RESPONSE_CURVE, Term.BOOTSTRAP_INTERVAL);
        exports.install(chart, text.get("budget.chart.curveFile", name));
        ChartPane pane = new ChartPane();
        pane.getChildren().add(chart);
        pane.getStyleClass().add("budget-curve-pane");
        return pane;
    }

    private void buildColumns(BudgetGoal goal) {
        String unit = formats.returnUnit(goal);
        curveTable.getColumns().setAll(List.of(
                column(text.get("budget.col.platform"), row -> text.platform(row.platform())),
                column(text.get("budget.col.weeklySpend"), row -> text.yuan(row.weekly())),
                column(text.get("budget.col.roi", unit), row -> row.roi().map(roi -> formats.perYuan(goal, roi))
                        .orElse("\u2013")),
                column(text.get("budget.col.marginalNow", unit), row -> formats.perYuan(goal, row.marginal())),
                column(text.get("budget.col.carryOver"), row -> formats.decimals(row.theta(), 2)),
                column(text.get("budget.col.notes"), Row::notes)));
        glossary.attach(curveTable.getColumns().get(2), Term.ROI, Term.BOOTSTRAP_INTERVAL);
        glossary.attach(curveTable.getColumns().get(3), Term.MARGINAL_RETURN);
        glossary.attach(curveTable.getColumns().get(4), Term.CARRY_OVER);
        glossary.attach(curveTable.getColumns().get(5), Term.RESPONSE_CURVE);
    }

    /** 1, 2 or 5 times a power of ten, the smallest at least {@code rough}. */
    static double roundStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[]{1, 2, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> shown) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(shown.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    @FXML
    private void applyHandCurve() {
        OptionalDouble s1 = SpendInput.amount(spend1.getText());
        OptionalDouble y1 = SpendInput.amount(outcome1.getText());
        OptionalDouble s2 = SpendInput.amount(spend2.getText());
        OptionalDouble y2 = SpendInput.amount(outcome2.getText());
        if (s1.isEmpty() || y1.isEmpty() || s2.isEmpty() || y2.isEmpty() || handPlatform.getValue() == null) {
            handError.setText(text.get("budget.error.handPoints"));
            return;
        }
        try {
            HillCurve curve = HandCurve.through(s1.getAsDouble(), y1.getAsDouble(), s2.getAsDouble(),
                    y2.getAsDouble());
            results.setByHand(handPlatform.getValue(), curve);
        } catch (BudgetFitException refused) {
            handError.setText(refused.reason().in(text.bundle()));
        }
    }

    @FXML
    private void clearHandCurve() {
        if (handPlatform.getValue() != null) {
            results.clearByHand(handPlatform.getValue());
        }
    }
}
