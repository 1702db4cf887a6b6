package com.campaignstudio.ui.ltv;

import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.ltv.FittedModel;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.ClvDistribution;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Fills the Lifetime value view's tables and charts; nothing here computes a model. */
final class LtvCharts {

    static final int CUSTOMERS_SHOWN = 1000;

    /** One parameter of one model. */
    record ParameterRow(String model, String name, double value, double standardError, String fit) {
    }

    /** One customer in the ranked table. */
    record CustomerRow(String customer, String platform, int x, double tx, double T, double alive, double expected,
                       double clv) {
    }

    private final UiText text;

    LtvCharts(UiText text) {
        this.text = text;
    }

    void build(TableView<ParameterRow> parameters, TableView<LtvResult.GroupValue> platforms,
               TableView<CustomerRow> customers) {
        parameters.getColumns().add(column("ltv.col.model", ParameterRow::model));
        parameters.getColumns().add(column("ltv.col.parameter", ParameterRow::name));
        parameters.getColumns().add(column("ltv.col.estimate", p -> String.format("%.4g", p.value())));
        parameters.getColumns().add(column("ltv.col.se", p -> Double.isNaN(p.standardError()) ? "\u2013"
                : String.format("\u00b1%.2g", p.standardError())));
        parameters.getColumns().add(column("ltv.col.fit", ParameterRow::fit));
        parameters.setPlaceholder(new Label(text.get("ltv.empty")));
        platforms.getColumns().add(column("ltv.col.platform", g -> text.platform(g.group())));
        platforms.getColumns().getLast().setPrefWidth(110);
        platforms.getColumns().add(column("ltv.col.customers", g -> text.integer(g.customers())));
        platforms.getColumns().add(column("ltv.col.meanClv", g -> text.yuan(g.meanClv())));
        platforms.getColumns().add(column("ltv.col.interval", g -> Double.isNaN(g.low()) || Double.isNaN(g.high())
                ? "\u2013"
                : text.yuan(g.low()) + " \u2013 " + text.yuan(g.high())));
        platforms.getColumns().getLast().setPrefWidth(140);
        platforms.getColumns().add(column("ltv.col.totalClv", g -> text.yuan(g.totalClv())));
        platforms.setPlaceholder(new Label(text.get("ltv.empty")));
        TableColumn<CustomerRow, String> customer = column("ltv.col.customer", CustomerRow::customer);
        customer.setId("customer");
        customers.getColumns().add(customer);
        customers.getColumns().add(column("ltv.col.platform", c -> text.platform(c.platform())));
        customers.getColumns().add(column("ltv.col.x", c -> Integer.toString(c.x())));
        customers.getColumns().add(column("ltv.col.tx", c -> String.format("%.1f", c.tx())));
        customers.getColumns().add(column("ltv.col.T", c -> String.format("%.1f", c.T())));
        customers.getColumns().add(column("ltv.col.alive", c -> text.percent(c.alive())));
        customers.getColumns().add(column("ltv.col.expected", c -> String.format("%.2f", c.expected())));
        customers.getColumns().add(column("ltv.col.clv", c -> text.yuan(c.clv())));
        customers.setPlaceholder(new Label(text.get("ltv.empty")));
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
            rows.add(new ParameterRow(model, symbol(fitted.names().get(k)), fitted.values()[k],
                    fitted.standardErrors()[k], k == 0 ? fit : ""));
        }
    }

    /** A parameter as the papers write it: Greek letters as letters (alpha as α), Latin ones as they are. */
    private static String symbol(String name) {
        return switch (name) {
            case "alpha" -> "\u03b1";
            case "beta" -> "\u03b2";
            case "gamma" -> "\u03b3";
            default -> name;
        };
    }

    /** P(alive) as coloured cells: rows are repeat purchases x, columns the time of the last purchase. */
    void showAliveMap(LtvResult result, GridPane grid) {
        grid.getChildren().clear();
        double[][] map = result.aliveMap();
        int rows = map.length;
        int columns = map[0].length;
        grid.add(new Label(text.get("ltv.alive.rows")), 0, 0, 1, 1);
        for (int x = rows - 1; x >= 0; x--) {
            int row = rows - x;
            grid.add(new Label(Integer.toString(x)), 0, row);
            for (int c = 0; c < columns; c++) {
                double p = map[x][c];
                Rectangle cell = new Rectangle(30, 18, Color.hsb(10 + 120 * p, 0.75, 0.55 + 0.4 * p));
                Tooltip.install(cell, new Tooltip("x = " + x + ", t_x \u2248 "
                        + String.format("%.0f", result.aliveMapT() * (c + 0.5) / columns) + ": " + text.percent(p)));
                grid.add(cell, c + 1, row);
            }
        }
        for (int c = 0; c < columns; c += 4) {
            grid.add(new Label(String.format("%.0f", result.aliveMapT() * (c + 0.5) / columns)), c + 1, rows + 1, 4, 1);
        }
        grid.add(new Label(text.get("ltv.alive.columns")), 1, rows + 2, columns, 1);
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
            String band = b == 0 ? "< " + text.yuan(upper[0])
                    : b == upper.length - 1 ? "\u2265 " + text.yuan(upper[b - 1])
                    : text.yuan(upper[b - 1]) + "\u2013" + text.yuan(upper[b]);
            customers.getData().add(new XYChart.Data<>(band, distribution.counts()[b]));
        }
        chart.getData().setAll(List.of(customers));
        summary.setText(text.get("ltv.distribution.summary", text.yuan(distribution.median()), text.yuan(distribution.mean()),
                text.percent(distribution.topTenthShare())));
    }

    /** Past revenue and the forecast as lines, its 95% and 80% prediction intervals as shaded bands. */
    void showForecast(Forecast forecast, BandedLineChart chart) {
        var history = forecast.history();
        XYChart.Series<Number, Number> past = new XYChart.Series<>();
        past.setName(text.get("ltv.forecast.history"));
        for (int t = 0; t < history.size(); t++) {
            past.getData().add(new XYChart.Data<>(history.starts()[t].toEpochDay(), history.revenue()[t]));
        }
        // Every forecast line and band starts at the last observed period, so that they join the history.
        LocalDate last = history.starts()[history.size() - 1];
        double lastRevenue = history.revenue()[history.size() - 1];
        int ahead = forecast.point().length;
        double[] x = new double[ahead + 1];
        x[0] = last.toEpochDay();
        LocalDate start = last;
        for (int h = 0; h < ahead; h++) {
            start = history.granularity() == com.campaignstudio.forecast.RevenueSeries.Granularity.WEEK
                    ? start.plusWeeks(1) : start.plusMonths(1);
            x[h + 1] = start.toEpochDay();
        }
        XYChart.Series<Number, Number> point = new XYChart.Series<>();
        point.setName(text.get("ltv.forecast.point"));
        double[] pointValues = joined(lastRevenue, forecast.point());
        for (int i = 0; i < x.length; i++) {
            point.getData().add(new XYChart.Data<>(x[i], pointValues[i]));
        }
        chart.getData().setAll(List.of(past, point));
        chart.setBands(List.of(
                new BandedLineChart.Band(x, joined(lastRevenue, forecast.low95()), joined(lastRevenue, forecast.high95()),
                        "band-95"),
                new BandedLineChart.Band(x, joined(lastRevenue, forecast.low80()), joined(lastRevenue, forecast.high80()),
                        "band-80")));
    }

    private static double[] joined(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
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

    StringConverter<Number> dateAxisLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return LocalDate.ofEpochDay(epochDay.longValue()).toString().substring(0, 7);
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }
}
