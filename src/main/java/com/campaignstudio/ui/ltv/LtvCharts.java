package com.campaignstudio.ui.ltv;

import com.campaignstudio.ltv.FittedModel;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.ClvDistribution;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.WholeText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Fills the Lifetime value view's tables and charts; nothing here computes a model. */
final class LtvCharts {

    static final int CUSTOMERS_SHOWN = 1000;

    /** One parameter of one model. */
    record ParameterRow(String model, String name, double value, double standardError, boolean identified, String fit) {
    }

    /** One customer in the ranked table. */
    record CustomerRow(String customer, String platform, int x, double tx, double T, double alive, double expected,
                       double clv) {
    }

    private final UiText text;
    private final Glossary glossary;

    LtvCharts(UiText text) {
        this.text = text;
        this.glossary = new Glossary(text);
    }

    void build(TableView<ParameterRow> parameters, TableView<LtvResult.GroupValue> platforms,
               TableView<CustomerRow> customers) {
        parameters.getColumns().add(column("ltv.col.model", ParameterRow::model));
        glossary.attach(parameters.getColumns().getLast(), Term.BG_NBD, Term.GAMMA_GAMMA);
        parameters.getColumns().add(column("ltv.col.parameter", p -> symbol(p.name())));
        parameters.getColumns().add(number("ltv.col.estimate", p -> p.identified() ? p.value() : Double.NaN,
                value -> Double.isNaN(value.doubleValue()) ? text.get("ltv.param.notIdentified")
                        : String.format("%.4g", value.doubleValue())));
        glossary.attach(parameters.getColumns().getLast(), Term.NOT_IDENTIFIED);
        parameters.getColumns().add(number("ltv.col.se", p -> p.identified() ? p.standardError() : Double.NaN,
                value -> Double.isNaN(value.doubleValue()) ? "\u2013" : String.format("\u00b1%.2g", value.doubleValue())));
        glossary.attach(parameters.getColumns().getLast(), Term.STANDARD_ERROR);
        parameters.getColumns().add(column("ltv.col.fit", ParameterRow::fit));
        glossary.attach(parameters.getColumns().getLast(), Term.LOG_LIKELIHOOD);
        parameters.getColumns().add(meaningColumn());
        parameters.setPlaceholder(placeholder());
        platforms.getColumns().add(column("ltv.col.platform", g -> text.platform(g.group())));
        platforms.getColumns().add(number("ltv.col.customers", LtvResult.GroupValue::customers, this::integer));
        platforms.getColumns().add(number("ltv.col.meanClv", LtvResult.GroupValue::meanClv, this::yuan));
        glossary.attach(platforms.getColumns().getLast(), Term.CLV);
        platforms.getColumns().add(column("ltv.col.interval", g -> Double.isNaN(g.low()) || Double.isNaN(g.high()) ? "\u2013"
                : text.yuan(g.low()) + " \u2013 " + text.yuan(g.high())));
        glossary.attach(platforms.getColumns().getLast(), Term.INTERVAL_90);
        platforms.getColumns().add(number("ltv.col.totalClv", LtvResult.GroupValue::totalClv, this::yuan));
        platforms.setPlaceholder(placeholder());
        TableColumn<CustomerRow, String> customer = column("ltv.col.customer", CustomerRow::customer);
        customer.setId("customer");
        customers.getColumns().add(customer);
        customers.getColumns().add(column("ltv.col.platform", c -> text.platform(c.platform())));
        customers.getColumns().add(number("ltv.col.x", CustomerRow::x, this::integer));
        glossary.attach(customers.getColumns().getLast(), Term.X);
        customers.getColumns().add(number("ltv.col.tx", CustomerRow::tx, value -> String.format("%.1f", value.doubleValue())));
        glossary.attach(customers.getColumns().getLast(), Term.T_X);
        customers.getColumns().add(number("ltv.col.T", CustomerRow::T, value -> String.format("%.1f", value.doubleValue())));
        glossary.attach(customers.getColumns().getLast(), Term.T);
        customers.getColumns().add(number("ltv.col.alive", CustomerRow::alive, value -> text.percent(value.doubleValue())));
        glossary.attach(customers.getColumns().getLast(), Term.P_ALIVE);
        customers.getColumns().add(number("ltv.col.expected", CustomerRow::expected,
                value -> String.format("%.2f", value.doubleValue())));
        glossary.attach(customers.getColumns().getLast(), Term.EXPECTED_PURCHASES);
        customers.getColumns().add(number("ltv.col.clv", CustomerRow::clv, this::yuan));
        glossary.attach(customers.getColumns().getLast(), Term.CLV);
        customers.setPlaceholder(placeholder());
        for (TableView<?> table : List.of(parameters, platforms, customers)) {
            TableFit.columnsToContent(table);
        }
        TableFit.heightToRows(parameters, 10);
        TableFit.heightToRows(platforms, 12);
    }

    private Label placeholder() {
        Label placeholder = new Label(text.get("ltv.empty"));
        placeholder.setWrapText(true);
        return placeholder;
    }

    /** What each parameter means, in a plain line; the cell's tooltip holds the whole line where it is cut short. */
    private TableColumn<ParameterRow, String> meaningColumn() {
        TableColumn<ParameterRow, String> meaning = column("ltv.col.meaning",
                p -> parameterTerm(p.name()).map(glossary::line).orElse(""));
        meaning.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setTooltip(empty || line == null || line.isEmpty() ? null : new Tooltip(line));
            }
        });
        meaning.setPrefWidth(520);
        return meaning;
    }

    /** The glossary line of a parameter of BG/NBD (r, alpha, a, b) or Gamma-Gamma (p, q, gamma). */
    private static Optional<Term> parameterTerm(String name) {
        return Optional.ofNullable(switch (name) {
            case "r" -> Term.BG_NBD_R;
            case "alpha" -> Term.BG_NBD_ALPHA;
            case "a" -> Term.BG_NBD_A;
            case "b" -> Term.BG_NBD_B;
            case "p" -> Term.GAMMA_GAMMA_P;
            case "q" -> Term.GAMMA_GAMMA_Q;
            case "gamma" -> Term.GAMMA_GAMMA_GAMMA;
            default -> null;
        });
    }

    private <T> TableColumn<T, Number> number(String key, Function<T, Number> value, Function<Number, String> shown) {
        return NumberColumn.of(text.get(key), value, shown);
    }

    private String integer(Number value) {
        return text.integer(value.longValue());
    }

    private String yuan(Number value) {
        return text.yuan(value.doubleValue());
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    void showValue(LtvResult result, TableView<ParameterRow> parameters, IntervalBarChart chart,
                   TableView<LtvResult.GroupValue> platforms) {
        List<ParameterRow> rows = new ArrayList<>();
        addModel(rows, text.get("ltv.model.bgnbd"), result.bgNbd());
        if (result.gammaGamma() != null) {
            addModel(rows, text.get("ltv.model.gammaGamma"), result.gammaGamma());
        }
        parameters.getItems().setAll(rows);
        showGroups(result.byPlatform().stream().map(g -> new LtvResult.GroupValue(text.platform(g.group()), g.customers(),
                g.meanClv(), g.totalClv(), g.low(), g.high())).toList(), chart);
        platforms.getItems().setAll(result.byPlatform());
    }

    /** Mean CLV per group as bars, each with its 90% interval drawn and in a tooltip. */
    void showGroups(List<LtvResult.GroupValue> groups, IntervalBarChart chart) {
        XYChart.Series<String, Number> means = new XYChart.Series<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (LtvResult.GroupValue group : groups) {
            means.getData().add(new XYChart.Data<>(group.group(), group.meanClv()));
            if (!Double.isNaN(group.low()) && !Double.isNaN(group.high())) {
                intervals.put(group.group(), new double[]{group.low(), group.high()});
            }
        }
        chart.getData().setAll(List.of(means));
        chart.setIntervals(intervals);
        for (XYChart.Data<String, Number> bar : means.getData()) {
            double[] interval = intervals.get(bar.getXValue());
            if (bar.getNode() != null && interval != null) {
                Tooltip.install(bar.getNode(), new Tooltip(text.yuan(interval[0]) + " \u2013 " + text.yuan(interval[1])));
            }
        }
    }

    private void addModel(List<ParameterRow> rows, String model, FittedModel fitted) {
        String fit = text.get(fitted.converged() ? "ltv.fit.converged" : "ltv.fit.notConverged",
                String.format("%.1f", fitted.logLikelihood()), text.integer(fitted.customers()));
        for (int k = 0; k < fitted.names().size(); k++) {
            rows.add(new ParameterRow(model, fitted.names().get(k), fitted.values()[k],
                    fitted.standardErrors()[k], fitted.identified()[k], k == 0 ? fit : ""));
        }
    }

    /** A parameter as the papers write it: Greek letters as letters (alpha as \u03b1), Latin ones as they are. */
    private static String symbol(String name) {
        return switch (name) {
            case "alpha" -> "\u03b1";
            case "beta" -> "\u03b2";
            case "gamma" -> "\u03b3";
            default -> name;
        };
    }

    /**
     * P(alive) as a heat map: a row per number of repeat purchases (frequency x, most at the top), a column per time
     * of the last purchase (recency t_x, from just after the first purchase to now), both axes named, and a colour
     * legend from 0% to 100%.
     */
    void showAliveMap(LtvResult result, GridPane grid) {
        grid.getChildren().clear();
        double[][] map = result.aliveMap();
        int rows = map.length;
        int columns = map[0].length;
        String unit = text.get("ltv.unit." + result.settings().unit().key());
        for (int x = rows - 1; x >= 0; x--) {
            int row = rows - 1 - x;
            grid.add(new Label(Integer.toString(x)), 1, row);
            for (int c = 0; c < columns; c++) {
                double p = map[x][c];
                Region cell = new Region();
                cell.setBackground(Background.fill(aliveColour(p)));
                cell.setMinSize(4, 4);
                cell.setPrefSize(30, 18);
                GridPane.setHgrow(cell, Priority.ALWAYS);
                GridPane.setVgrow(cell, Priority.ALWAYS);
                Tooltip.install(cell, new Tooltip("x = " + x + ", t_x \u2248 " + recency(result, c, columns) + " "
                        + unit + ": " + text.percent(p)));
                grid.add(cell, c + 2, row);
            }
        }
        for (int c = 0; c < columns; c += 4) {
            Label tick = new Label(recency(result, c, columns));
            GridPane.setHalignment(tick, HPos.CENTER);
            grid.add(tick, c + 2, rows);
        }
        Label rowsAxis = new Label(text.get("ltv.alive.rows"));
        rowsAxis.setRotate(-90);
        grid.add(new Group(rowsAxis), 0, 0, 1, rows);
        Label columnsAxis = new Label(text.get("ltv.alive.columns", unit));
        GridPane.setHalignment(columnsAxis, HPos.CENTER);
        grid.add(columnsAxis, 2, rows + 1, columns, 1);
        VBox legend = aliveLegend();
        GridPane.setMargin(legend, new Insets(0, 0, 0, 16));
        grid.add(legend, columns + 2, 0, 1, rows);
        WholeText.keep(grid);
    }

    private static String recency(LtvResult result, int column, int columns) {
        return String.format("%.0f", result.aliveMapT() * (column + 0.5) / columns);
    }

    /** The colours of the map from 100% (top) to 0%, with its name. */
    private VBox aliveLegend() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            stops.add(new Stop(i / 10.0, aliveColour(1 - i / 10.0)));
        }
        Region bar = new Region();
        bar.setBackground(Background.fill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE, stops)));
        bar.setPrefWidth(18);
        bar.setMaxWidth(18);
        VBox.setVgrow(bar, Priority.ALWAYS);
        VBox legend = new VBox(4, new Label(text.get("ltv.alive.legend")), new Label(text.percent(1)), bar,
                new Label(text.percent(0)));
        legend.setAlignment(Pos.TOP_CENTER);
        return legend;
    }

    private static Color aliveColour(double p) {
        return Color.hsb(10 + 120 * p, 0.75, 0.55 + 0.4 * p);
    }

    void showCheck(LtvResult result, Label label, LineChart<Number, Number> tracking, BarChart<String, Number> byFrequency) {
        LtvResult.ModelCheck check = result.check();
        if (check == null) {
            label.setText(text.get("ltv.check.none"));
            tracking.getData().clear();
            byFrequency.getData().clear();
            return;
        }
        double error = check.holdoutError();
        label.setText(text.get(error <= 0.1 ? "ltv.check.good" : error <= 0.2 ? "ltv.check.fair" : "ltv.check.poor",
                text.integer(Math.round(check.predictedHoldout())), text.integer(Math.round(check.actualHoldout())),
                text.percent(error)));
        XYChart.Series<Number, Number> actual = new XYChart.Series<>();
        actual.setName(text.get("ltv.check.actual"));
        XYChart.Series<Number, Number> predicted = new XYChart.Series<>();
        predicted.setName(text.get("ltv.check.predicted"));
        for (int p = 0; p < check.weeks().length; p++) {
            actual.getData().add(new XYChart.Data<>(check.weeks()[p], check.actualCumulative()[p]));
            predicted.getData().add(new XYChart.Data<>(check.weeks()[p], check.predictedCumulative()[p]));
        }
        XYChart.Series<Number, Number> end = new XYChart.Series<>();
        end.setName(text.get("ltv.check.calibrationEnd"));
        double top = Math.max(check.actualCumulative()[check.weeks().length - 1],
                check.predictedCumulative()[check.weeks().length - 1]);
        end.getData().add(new XYChart.Data<>(check.calibrationPeriods(), 0));
        end.getData().add(new XYChart.Data<>(check.calibrationPeriods(), top));
        tracking.getData().setAll(List.of(actual, predicted, end));
        XYChart.Series<String, Number> actualBars = new XYChart.Series<>();
        actualBars.setName(text.get("ltv.check.actual"));
        XYChart.Series<String, Number> predictedBars = new XYChart.Series<>();
        predictedBars.setName(text.get("ltv.check.predicted"));
        for (LtvResult.FrequencyCheck group : check.byFrequency()) {
            String name = group.x() == 7 ? "7+" : Integer.toString(group.x());
            actualBars.getData().add(new XYChart.Data<>(name, group.actualMean()));
            predictedBars.getData().add(new XYChart.Data<>(name, group.predictedMean()));
        }
        byFrequency.getData().setAll(List.of(actualBars, predictedBars));
    }

    /**
     * The most valuable customers, most valuable first: chosen with a bounded heap, off the FX thread (sorting a
     * million customers there would freeze the window).
     */
    static List<CustomerRow> topCustomers(LtvResult result) {
        var s = result.summary();
        float[] clv = result.clv();
        java.util.PriorityQueue<Integer> top = new java.util.PriorityQueue<>(CUSTOMERS_SHOWN + 1,
                Comparator.comparingDouble(i -> clv[i]));
        for (int i = 0; i < s.size(); i++) {
            if (top.size() < CUSTOMERS_SHOWN) {
                top.add(i);
            } else if (clv[i] > clv[top.peek()]) {
                top.poll();
                top.add(i);
            }
        }
        return top.stream().sorted(Comparator.comparingDouble(i -> -clv[i]))
                .map(i -> new CustomerRow(s.customers()[i], s.platforms()[i], s.x()[i], s.tx()[i], s.T()[i],
                        result.probabilityAlive()[i], result.expectedPurchases()[i], clv[i])).toList();
    }

    void showCustomers(List<CustomerRow> rows, TableView<CustomerRow> table) {
        table.getItems().setAll(rows);
    }

    /** Customers per CLV band, with the median, the mean and how much of the value the top tenth holds. */
    void showDistribution(ClvDistribution distribution, BarChart<String, Number> chart, Label summary) {
        XYChart.Series<String, Number> customers = new XYChart.Series<>();
        double[] upper = distribution.upperEdges();
        for (int b = 0; b < upper.length; b++) {
            // The axis says the currency once, so that eight bands' labels fit side by side at 1240 px.
            String band = b == 0 ? "< " + text.integer(Math.round(upper[0]))
                    : b == upper.length - 1 ? "\u2265 " + text.integer(Math.round(upper[b - 1]))
                    : text.integer(Math.round(upper[b - 1])) + "\u2013" + text.integer(Math.round(upper[b]));
            customers.getData().add(new XYChart.Data<>(band, distribution.counts()[b]));
        }
        chart.getData().setAll(List.of(customers));
        summary.setText(text.get("ltv.distribution.summary", text.yuan(distribution.median()), text.yuan(distribution.mean()),
                text.percent(distribution.topTenthShare())));
    }

    /** Observed share still subscribed (where known) and the sBG projection, per renewal. */
    void showSurvival(List<double[]> rows, LineChart<Number, Number> chart) {
        XYChart.Series<Number, Number> observed = new XYChart.Series<>();
        observed.setName(text.get("ltv.subscriptions.observed"));
        XYChart.Series<Number, Number> fitted = new XYChart.Series<>();
        fitted.setName(text.get("ltv.subscriptions.fitted"));
        for (double[] row : rows) {
            if (!Double.isNaN(row[1])) {
                observed.getData().add(new XYChart.Data<>(row[0], row[1] * 100));
            }
            fitted.getData().add(new XYChart.Data<>(row[0], row[2] * 100));
        }
        chart.getData().setAll(List.of(observed, fitted));
    }
}
