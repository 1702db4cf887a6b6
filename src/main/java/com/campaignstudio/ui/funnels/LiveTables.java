package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.LiveFeatures;
import com.campaignstudio.funnels.LiveFigures;
import com.campaignstudio.funnels.LiveSession;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Live selling tab's tables and charts: sessions, groups of sessions, and conversion with its intervals. */
final class LiveTables {

    /** A session as shown: its platform's name and its figures. */
    record SessionRow(LiveSession session, String platform, LiveFigures figures) {
    }

    /** Sessions pooled in a group (a platform, a period, a length ...), under what they are grouped by. */
    record GroupRow(String feature, String group, LiveFigures figures) {
    }

    private final UiText text;

    LiveTables(UiText text) {
        this.text = text;
    }

    void buildSessions(TableView<SessionRow> table) {
        table.getColumns().setAll(List.of(
                textColumn(text.get("live.col.start"), row -> row.figures().label().english()),
                textColumn(text.get("live.col.platform"), SessionRow::platform),
                NumberColumn.of(text.get("live.col.minutes"), row -> row.session().minutes(),
                        n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("live.col.viewers"), row -> row.session().viewers(),
                        n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("live.col.engaged"), row -> row.session().engaged().isPresent()
                        ? row.session().engaged().getAsLong() : null, n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("live.col.buyers"), row -> row.session().buyers(),
                        n -> text.integer(n.longValue()))));
        table.getColumns().addAll(rateColumns(SessionRow::figures));
        TableFit.columnsToContent(table);
    }

    /** Columns for sessions pooled by {@code groupTitle}; with the feature they are compared by when it varies. */
    void buildGroups(TableView<GroupRow> table, String groupTitle, boolean withFeature) {
        table.getColumns().clear();
        if (withFeature) {
            table.getColumns().add(textColumn(text.get("live.col.feature"), GroupRow::feature));
        }
        table.getColumns().addAll(List.of(
                textColumn(groupTitle, GroupRow::group),
                NumberColumn.of(text.get("live.col.sessions"), row -> row.figures().sessions(),
                        n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("live.col.viewers"), row -> row.figures().viewers(),
                        n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("live.col.buyers"), row -> row.figures().buyers(),
                        n -> text.integer(n.longValue()))));
        table.getColumns().addAll(rateColumns(GroupRow::figures));
        table.getColumns().add(NumberColumn.of(text.get("live.col.engagedShare"), row -> row.figures().engagedShare()
                .map(Proportion::rate).orElse(null), n -> text.percent(n.doubleValue())));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 25);
    }

    /** Conversion with its interval, revenue and revenue per viewer-minute. */
    private <T> List<TableColumn<T, ?>> rateColumns(Function<T, LiveFigures> figures) {
        return List.of(
                NumberColumn.of(text.get("live.col.conversion"), row -> figures.apply(row).conversion()
                        .map(Proportion::rate).orElse(null), this::percent),
                NumberColumn.of(text.get("live.col.low"), row -> figures.apply(row).conversion()
                        .map(Proportion::low).orElse(null), this::percent),
                NumberColumn.of(text.get("live.col.high"), row -> figures.apply(row).conversion()
                        .map(Proportion::high).orElse(null), this::percent),
                NumberColumn.of(text.get("live.col.revenue"), row -> figures.apply(row).revenue(),
                        n -> text.yuan(n.doubleValue())),
                NumberColumn.of(text.get("live.col.perViewerMinute"), row -> {
                    var value = figures.apply(row).revenuePerViewerMinute();
                    return value.isPresent() ? value.getAsDouble() : null;
                }, n -> perViewerMinute(n.doubleValue())));
    }

    /** Conversion rates of live sessions are a few percent: two decimals tell neighbouring sessions apart. */
    String percent(Number share) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(text.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(share.doubleValue());
    }

    /** Fractions of a yuan per viewer-minute: four decimals. */
    String perViewerMinute(double value) {
        return String.format(text.locale(), "\u00a5%.4f", value);
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    /** Conversion of each group as a point with its 95% interval, in percent. */
    void showConversion(List<GroupRow> groups, IntervalPointChart chart) {
        XYChart.Series<String, Number> points = new XYChart.Series<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (GroupRow row : groups) {
            row.figures().conversion().ifPresent(rate -> {
                points.getData().add(new XYChart.Data<>(row.group(), 100 * rate.rate()));
                intervals.put(row.group(), new double[]{100 * rate.low(), 100 * rate.high()});
            });
        }
        chart.getData().setAll(List.of(points));
        chart.setIntervals(intervals);
        for (GroupRow row : groups) {
            points.getData().stream().filter(point -> point.getXValue().equals(row.group()) && point.getNode() != null)
                    .forEach(point -> {
                        Proportion rate = row.figures().conversion().orElseThrow();
                        Tooltip.install(point.getNode(), new Tooltip(text.get("live.point.tip", row.group(),
                                percent(rate.rate()), percent(rate.low()), percent(rate.high()),
                                text.integer(row.figures().sessions()), text.integer(row.figures().viewers()),
                                text.integer(row.figures().buyers()))));
                    });
        }
    }

    /** Revenue per viewer-minute of each group, as bars. */
    void showPerViewerMinute(List<GroupRow> groups, BarChart<String, Number> chart) {
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (GroupRow row : groups) {
            row.figures().revenuePerViewerMinute().ifPresent(value ->
                    bars.getData().add(new XYChart.Data<>(row.group(), value)));
        }
        chart.getData().setAll(List.of(bars));
        bars.getData().forEach(bar -> {
            if (bar.getNode() != null) {
                Tooltip.install(bar.getNode(), new Tooltip(bar.getXValue() + ": "
                        + perViewerMinute(bar.getYValue().doubleValue())));
            }
        });
    }

    /** The comparisons as rows, each group under its feature's name. */
    List<GroupRow> featureRows(List<LiveFeatures.Comparison> comparisons) {
        List<GroupRow> rows = new ArrayList<>();
        for (LiveFeatures.Comparison comparison : comparisons) {
            String feature = text.get("live.feature." + comparison.feature().key());
            comparison.groups().forEach(group -> rows.add(new GroupRow(feature, group.label().in(text.locale()),
                    group)));
        }
        return rows;
    }
}
