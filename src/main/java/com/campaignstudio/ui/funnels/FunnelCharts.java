package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelFigures;
import com.campaignstudio.funnels.FunnelGroup;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.StepFigures;
import com.campaignstudio.funnels.TimeBin;
import com.campaignstudio.stats.Percentiles;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.ui.common.BandedLineChart;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shows a funnel's figures: the bars of people per step (one colour per group, side by side, when broken down into
 * few enough groups), the step table (every group's rows under the whole population's), the conversion trend by
 * period of entry with its Wilson band, and the histogram of times to convert.
 */
final class FunnelCharts {

    /** More groups than this are not drawn side by side (bars too thin to read); the table lists them all. */
    static final int MOST_GROUPS_DRAWN = 8;

    /** A row of the step table: one step of one group (or of everyone). */
    record StepRow(String group, int index, StepFigures step) {
    }

    private final UiText text;
    private final FunnelFormats format;
    private final Glossary glossary;
    private TableColumn<StepRow, String> groupColumn;

    FunnelCharts(UiText text, FunnelFormats format, Glossary glossary) {
        this.text = text;
        this.format = format;
        this.glossary = glossary;
    }

    void buildTable(TableView<StepRow> table) {
        groupColumn = column("groupColumn", "funnel.view.col.group", StepRow::group);
        table.getColumns().add(groupColumn);
        table.getColumns().add(column("stepColumn", "funnel.view.col.step",
                row -> format.numberedStep(row.index(), row.step().step())));
        TableColumn<StepRow, Number> people = NumberColumn.of(text.get("funnel.view.col.people"),
                row -> row.step().people(), value -> text.integer(value.longValue()));
        people.setId("peopleColumn");
        people.getStyleClass().add("number");
        table.getColumns().add(people);
        rates(table, "step", "funnel.view.col.stepConversion", StepFigures::stepConversion, Term.STEP_CONVERSION);
        rates(table, "overall", "funnel.view.col.overallConversion", StepFigures::overallConversion,
                Term.OVERALL_CONVERSION);
        TableColumn<StepRow, Number> dropOff = NumberColumn.of(text.get("funnel.view.col.dropOff"),
                row -> row.step().dropOff(), value -> text.integer(value.longValue()));
        dropOff.setId("dropOffColumn");
        dropOff.getStyleClass().add("number");
        glossary.attach(dropOff, Term.DROP_OFF);
        table.getColumns().add(dropOff);
        TableColumn<StepRow, String> times = new TableColumn<>(text.get("funnel.view.col.time"));
        times.getColumns().add(time("timeMedian", "funnel.view.col.median", Percentiles::median));
        times.getColumns().add(time("timeP25", "funnel.view.col.p25", Percentiles::p25));
        times.getColumns().add(time("timeP75", "funnel.view.col.p75", Percentiles::p75));
        times.getColumns().add(time("timeP90", "funnel.view.col.p90", Percentiles::p90));
        glossary.attach(times, Term.TIME_TO_STEP);
        table.getColumns().add(times);
        TableColumn<StepRow, Number> outOfOrder = NumberColumn.of(text.get("funnel.view.col.outOfOrder"),
                row -> row.step().outOfOrder(), value -> text.integer(value.longValue()));
        outOfOrder.setId("outOfOrderColumn");
        outOfOrder.getStyleClass().add("number");
        glossary.attach(outOfOrder, Term.OUT_OF_ORDER);
        table.getColumns().add(outOfOrder);
        Label placeholder = new Label(text.get("funnel.view.table.empty"));
        placeholder.getStyleClass().add("hint");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 16);
    }

    /** A rate and its interval side by side (not under a shared title, which an empty table cuts short). */
    private void rates(TableView<StepRow> table, String id, String title,
                       Function<StepFigures, Optional<Proportion>> rate, Term term) {
        TableColumn<StepRow, String> shown = column(id + "Rate", title, row -> rate.apply(row.step())
                .map(p -> format.rate(p.rate())).orElse("\u2013"));
        shown.getStyleClass().add("number");
        glossary.attach(shown, term);
        TableColumn<StepRow, String> interval = column(id + "Interval", "funnel.view.col.interval",
                row -> rate.apply(row.step()).map(format::interval).orElse("\u2013"));
        glossary.attach(interval, Term.WILSON_INTERVAL);
        table.getColumns().addAll(List.of(shown, interval));
    }

    private TableColumn<StepRow, String> time(String id, String title, Function<Percentiles, Double> value) {
        return column(id, title, row -> row.step().timeFromPrevious().map(p -> format.duration(value.apply(p)))
                .orElse("\u2013"));
    }

    private TableColumn<StepRow, String> column(String id, String key, Function<StepRow, String> value) {
        TableColumn<StepRow, String> column = new TableColumn<>(text.get(key));
        column.setId(id);
        column.setSortable(false);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    /** Every group's rows under the whole population's; the group column only when broken down. */
    void showTable(FunnelResult result, TableView<StepRow> table) {
        List<StepRow> rows = new ArrayList<>();
        addRows(rows, text.get("funnel.view.everyone"), result.overall());
        for (FunnelGroup group : result.groups()) {
            addRows(rows, groupName(result, group), group.figures());
        }
        groupColumn.setVisible(result.breakdown() != Breakdown.NONE);
        table.getItems().setAll(rows);
    }

    private static void addRows(List<StepRow> rows, String group, FunnelFigures figures) {
        for (int s = 0; s < figures.steps().size(); s++) {
            rows.add(new StepRow(group, s, figures.steps().get(s)));
        }
    }

    String groupName(FunnelResult result, FunnelGroup group) {
        return format.group(result.breakdown(), result.period(), group.label());
    }

    /** Whether the chart draws each group (else the whole population only). */
    static boolean drawsGroups(FunnelResult result) {
        return result.breakdown() != Breakdown.NONE && !result.groups().isEmpty()
                && result.groups().size() <= MOST_GROUPS_DRAWN;
    }

    /** People per step: a series for everyone, or one per group side by side; labels with the step conversion. */
    void showFunnel(FunnelResult result, FunnelBarChart chart) {
        boolean groups = drawsGroups(result);
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        Map<XYChart.Data<String, Number>, String> labels = new IdentityHashMap<>();
        Map<XYChart.Data<String, Number>, String> tips = new IdentityHashMap<>();
        if (groups) {
            for (FunnelGroup group : result.groups()) {
                series.add(series(groupName(result, group), group.figures(), false, labels, tips));
            }
        } else {
            series.add(series(text.get("funnel.view.everyone"), result.overall(), true, labels, tips));
        }
        chart.setLegendVisible(groups);
        chart.getData().setAll(series);
        chart.setLabels(labels);
        tips.forEach(FunnelCharts::tooltip);
    }

    private XYChart.Series<String, Number> series(String name, FunnelFigures figures, boolean withPeople,
                                                  Map<XYChart.Data<String, Number>, String> labels,
                                                  Map<XYChart.Data<String, Number>, String> tips) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int s = 0; s < figures.steps().size(); s++) {
            StepFigures step = figures.steps().get(s);
            XYChart.Data<String, Number> bar = new XYChart.Data<>(format.numberedStep(s, step.step()), step.people());
            series.getData().add(bar);
            String rate = step.stepConversion().map(p -> format.rate(p.rate())).orElse("");
            labels.put(bar, withPeople ? (rate.isEmpty() ? text.integer(step.people())
                    : text.integer(step.people()) + "\n" + rate) : rate);
            tips.put(bar, text.get("funnel.view.chart.tip", name, format.numberedStep(s, step.step()),
                    text.integer(step.people()),
                    step.stepConversion().map(p -> format.rate(p.rate()) + " (" + format.interval(p) + ")")
                            .orElse("\u2013"),
                    step.overallConversion().map(p -> format.rate(p.rate())).orElse("\u2013")));
        }
        return series;
    }

    /** Overall conversion by period of entry, in percent, with its Wilson interval as a band. */
    void showTrend(FunnelResult trend, BandedLineChart chart, NumberAxis axis) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(text.get("funnel.view.trend.rate"));
        List<double[]> points = new ArrayList<>();
        Map<Integer, String> names = new java.util.HashMap<>();
        for (FunnelGroup group : trend.groups()) {
            Optional<Proportion> overall = group.figures().steps().getLast().overallConversion();
            if (overall.isEmpty()) {
                continue;
            }
            int period = FunnelFormats.periodNumber(trend.period(), group.label().key());
            names.put(period, format.period(trend.period(), group.label().key()));
            Proportion p = overall.get();
            points.add(new double[]{period, p.rate() * 100, p.low() * 100, p.high() * 100});
            XYChart.Data<Number, Number> point = new XYChart.Data<>(period, p.rate() * 100);
            line.getData().add(point);
            tooltip(point, text.get("funnel.view.trend.tip", names.get(period), format.rate(p.rate()),
                    format.interval(p), text.integer(p.trials())));
        }
        if (points.isEmpty()) {
            chart.getData().clear();
            chart.setBands(List.of());
            return;
        }
        double first = points.getFirst()[0];
        double last = points.getLast()[0];
        axis.setLowerBound(first - 0.5);
        axis.setUpperBound(last + 0.5);
        axis.setTickUnit(Math.max(1, Math.ceil((last - first + 1) / 12)));
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double at = value.doubleValue();
                return at == Math.rint(at) ? names.getOrDefault((int) at, "") : "";
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] low = points.stream().mapToDouble(p -> p[2]).toArray();
        double[] high = points.stream().mapToDouble(p -> p[3]).toArray();
        chart.getData().setAll(List.of(line));
        chart.setBands(List.of(new BandedLineChart.Band(x, low, high, "band-95")));
    }

    /** People by time from the first step to the last, in the engine's bins over the window. */
    void showTimes(FunnelResult result, BarChart<String, Number> chart) {
        FunnelFigures overall = result.overall();
        if (overall.converted() == 0) {
            chart.getData().clear();
            return;
        }
        WindowUnit unit = FunnelFormats.binUnit(result.definition().window());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(text.get("funnel.view.chart.people"));
        for (TimeBin bin : overall.timeToConvert()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(format.inUnit(bin.fromSeconds(), unit), bin.people());
            series.getData().add(bar);
            tooltip(bar, text.get("funnel.view.time.tip", format.duration(bin.fromSeconds()),
                    format.duration(bin.toSeconds()), text.integer(bin.people())));
        }
        List<TimeBin> bins = overall.timeToConvert();
        chart.getXAxis().setLabel(text.get("funnel.view.time.axis", format.step(result.definition().steps().getFirst()),
                format.step(result.definition().steps().getLast()), text.get("funnel.view.unit." + unit.key()),
                format.duration(bins.getFirst().toSeconds() - bins.getFirst().fromSeconds())));
        chart.getData().setAll(List.of(series));
    }

    /** Tick labels of an axis of people: whole numbers only (half a person is no tick). */
    static javafx.util.StringConverter<Number> wholeNumbers(UiText text) {
        javafx.util.StringConverter<Number> numbers = text.axisNumbers();
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? numbers.toString(value) : "";
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }

    private static void tooltip(XYChart.Data<?, ?> point, String tip) {
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
