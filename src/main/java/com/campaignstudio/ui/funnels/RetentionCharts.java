package com.campaignstudio.ui.funnels;

import com.campaignstudio.ltv.ExpectedRevenueCurve;
import com.campaignstudio.retention.Cohort;
import com.campaignstudio.retention.PlatformRevenue;
import com.campaignstudio.retention.RetentionCell;
import com.campaignstudio.retention.RetentionResult;
import com.campaignstudio.retention.StreakRatios;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Retention tab draws: the heat map of shares active, the retention curves, revenue retention by cohort and
 * by acquisition platform (with the expected curve), the histogram of the consecutive / total active days ratio, and
 * the tables behind them for export.
 */
final class RetentionCharts {

    /** Cohorts smaller than this have intervals too wide to compare at a glance: the view says so. */
    static final int SMALL_COHORT = 30;
    /** Curves drawn: more lines than this cannot be told apart. */
    static final int CURVES = 6;
    /** Full (not partial) periods a cohort needs for its curve to say something. */
    static final int CURVE_PERIODS = 3;
    private static final Color LOW = Color.web("#e7f5ff");
    private static final Color HIGH = Color.web("#1c3d8f");

    /** One cell of the heat map, as exported. */
    record CellRow(String cohort, int offset, long size, long active, double share, double low, double high,
                   double revenuePerMember, String partial) {
    }

    /** Revenue retention of one platform at one offset, with what the lifetime-value model expects (NaN: none). */
    record PlatformRow(String platform, int offset, long observed, double revenuePerMember, double expected) {
    }

    private final UiText text;

    RetentionCharts(UiText text) {
        this.text = text;
    }

    void build(TableView<CellRow> cohorts, TableView<PlatformRow> platforms) {
        cohorts.getColumns().setAll(List.of(
                textColumn(text.get("retention.col.cohort"), CellRow::cohort),
                NumberColumn.of(text.get("retention.col.offset"), CellRow::offset, n -> "+" + n),
                NumberColumn.of(text.get("retention.col.size"), CellRow::size, n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("retention.col.active"), CellRow::active, n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("retention.col.share"), CellRow::share, n -> text.percent(n.doubleValue())),
                NumberColumn.of(text.get("retention.col.low"), CellRow::low, n -> text.percent(n.doubleValue())),
                NumberColumn.of(text.get("retention.col.high"), CellRow::high, n -> text.percent(n.doubleValue())),
                NumberColumn.of(text.get("retention.col.revenue"), CellRow::revenuePerMember,
                        n -> text.yuan(n.doubleValue())),
                textColumn(text.get("retention.col.partial"), CellRow::partial)));
        platforms.getColumns().setAll(List.of(
                textColumn(text.get("retention.col.platform"), PlatformRow::platform),
                NumberColumn.of(text.get("retention.col.offset"), PlatformRow::offset, n -> "+" + n),
                NumberColumn.of(text.get("retention.col.observed"), PlatformRow::observed,
                        n -> text.integer(n.longValue())),
                NumberColumn.of(text.get("retention.col.revenue"), PlatformRow::revenuePerMember,
                        n -> text.yuan(n.doubleValue())),
                NumberColumn.of(text.get("retention.col.expected"), PlatformRow::expected,
                        n -> Double.isNaN(n.doubleValue()) ? "" : text.yuan(n.doubleValue()))));
        TableFit.columnsToContent(cohorts);
        TableFit.columnsToContent(platforms);
        TableFit.heightToRows(cohorts, 12);
        TableFit.heightToRows(platforms, 12);
    }

    private static <T> TableColumn<T, String> textColumn(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    /**
     * Cohorts as rows (oldest at the top, with their sizes), periods since the cohort's start as columns; a cell's
     * colour is its share active, on a scale up to the highest share after the cohort's own period (where purchase
     * cohorts are always 100%, which would wash out the rest). Returns the legend.
     */
    String showHeatMap(RetentionResult result, GridPane grid) {
        grid.getChildren().clear();
        int width = result.cohorts().stream().mapToInt(c -> c.cells().size()).max().orElse(0);
        double scale = result.cohorts().stream().flatMap(c -> c.cells().stream()).filter(cell -> cell.offset() > 0)
                .mapToDouble(cell -> cell.share().rate()).max().orElse(1);
        scale = scale > 0 ? scale : 1;
        grid.add(header(text.get("retention.col.cohort")), 0, 0);
        grid.add(header(text.get("retention.col.size")), 1, 0);
        for (int k = 0; k < width; k++) {
            Label offset = header("+" + k);
            GridPane.setHalignment(offset, HPos.CENTER);
            grid.add(offset, k + 2, 0);
        }
        String unit = text.get("retention.unit." + result.settings().period().key());
        int row = 1;
        for (Cohort cohort : result.cohorts()) {
            grid.add(header(cohort.label().key()), 0, row);
            Label size = new Label(text.integer(cohort.size()));
            size.getStyleClass().add("retention-size");
            GridPane.setHalignment(size, HPos.RIGHT);
            grid.add(size, 1, row);
            if (cohort.cells().isEmpty()) {
                Label none = new Label(text.get("retention.noNewcomers"));
                none.getStyleClass().add("hint");
                grid.add(none, 2, row, Math.max(1, width), 1);
            }
            for (RetentionCell cell : cohort.cells()) {
                grid.add(cell(cohort, cell, scale, unit), cell.offset() + 2, row);
            }
            row++;
        }
        return text.get("retention.heatMap.note", text.percent(scale));
    }

    private static Label header(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("retention-header");
        return label;
    }

    private Label cell(Cohort cohort, RetentionCell cell, double scale, String unit) {
        double intensity = Math.min(1, cell.share().rate() / scale);
        Label label = new Label(text.percent(cell.share().rate()) + (cell.partial() ? "*" : ""));
        label.getStyleClass().add("retention-cell");
        if (cell.partial()) {
            label.getStyleClass().add("retention-partial");
        }
        label.setBackground(Background.fill(LOW.interpolate(HIGH, intensity)));
        label.setTextFill(intensity > 0.55 ? Color.WHITE : Color.web("#212529"));
        label.setMaxWidth(Double.MAX_VALUE);
        String tip = text.get("retention.cell.tip", cohort.label().key(), cell.offset(), unit,
                text.integer(cell.active()), text.integer(cohort.size()), text.percent(cell.share().rate()),
                text.percent(cell.share().low()), text.percent(cell.share().high()), text.yuan(cell.revenuePerMember()));
        Tooltip tooltip = new Tooltip(cell.partial() ? tip + "\n" + text.get("retention.cell.partial") : tip);
        tooltip.setShowDelay(Duration.millis(200));
        Tooltip.install(label, tooltip);
        return label;
    }

    /** The cohorts whose curves are drawn: the latest {@value #CURVES} with {@value #CURVE_PERIODS} full periods. */
    static List<Cohort> curveCohorts(RetentionResult result) {
        List<Cohort> chosen = result.cohorts().stream()
                .filter(c -> c.cells().stream().filter(cell -> !cell.partial()).count() >= CURVE_PERIODS).toList();
        return chosen.subList(Math.max(0, chosen.size() - CURVES), chosen.size());
    }

    /** Share active by periods since the start, one line per cohort; unfinished periods are left off the lines. */
    void showCurves(RetentionResult result, LineChart<Number, Number> chart) {
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        for (Cohort cohort : curveCohorts(result)) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(cohort.label().key());
            cohort.cells().stream().filter(cell -> !cell.partial()).forEach(cell ->
                    line.getData().add(new XYChart.Data<>(cell.offset(), 100 * cell.share().rate())));
            lines.add(line);
        }
        offsetAxis(chart, result, lines);
        chart.getXAxis().setLabel(text.get("retention.axis.offset." + result.settings().period().key()));
        chart.getData().setAll(lines);
        lines.forEach(line -> line.getData().forEach(point -> tip(point.getNode(), line.getName() + ", +"
                + point.getXValue() + ": " + text.percent(point.getYValue().doubleValue() / 100))));
    }

    /**
     * Cumulative revenue per member by cohort (the curves' cohorts) and by acquisition platform, each with the dashed
     * curve the lifetime-value model expects when there is one; and the tables behind them.
     */
    void showRevenue(RetentionResult result, Optional<ExpectedRevenueCurve> expected, LineChart<Number, Number> byCohort,
                     LineChart<Number, Number> byPlatform, TableView<CellRow> cohortTable,
                     TableView<PlatformRow> platformTable) {
        Period period = result.settings().period();
        List<XYChart.Series<Number, Number>> cohortLines = new ArrayList<>();
        for (Cohort cohort : curveCohorts(result)) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(cohort.label().key());
            cohort.cells().stream().filter(cell -> !cell.partial()).forEach(cell ->
                    line.getData().add(new XYChart.Data<>(cell.offset(), cell.revenuePerMember())));
            cohortLines.add(line);
        }
        List<XYChart.Series<Number, Number>> platformLines = new ArrayList<>();
        List<PlatformRow> platformRows = new ArrayList<>();
        for (PlatformRevenue platform : result.byPlatform()) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(platform.platform().in(text.locale()));
            for (PlatformRevenue.Point point : platform.points()) {
                line.getData().add(new XYChart.Data<>(point.offset(), point.revenuePerMember()));
                platformRows.add(new PlatformRow(line.getName(), point.offset(), point.observed(),
                        point.revenuePerMember(), expected.map(c -> c.atOffset(point.offset(), period))
                        .orElse(Double.NaN)));
            }
            platformLines.add(line);
        }
        drawRevenue(byCohort, result, cohortLines, expected);
        drawRevenue(byPlatform, result, platformLines, expected);
        List<CellRow> cells = new ArrayList<>();
        for (Cohort cohort : result.cohorts()) {
            for (RetentionCell cell : cohort.cells()) {
                cells.add(new CellRow(cohort.label().key(), cell.offset(), cohort.size(), cell.active(),
                        cell.share().rate(), cell.share().low(), cell.share().high(), cell.revenuePerMember(),
                        cell.partial() ? text.get("retention.col.partial.yes") : ""));
            }
        }
        cohortTable.getItems().setAll(cells);
        // Without a curve the column would stand empty, and be exported empty.
        platformTable.getColumns().getLast().setVisible(expected.isPresent());
        platformTable.getItems().setAll(platformRows);
    }

    private void drawRevenue(LineChart<Number, Number> chart, RetentionResult result,
                             List<XYChart.Series<Number, Number>> lines, Optional<ExpectedRevenueCurve> expected) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(lines);
        int last = lines.stream().mapToInt(line -> line.getData().size() - 1).max().orElse(-1);
        XYChart.Series<Number, Number> model = new XYChart.Series<>();
        if (expected.isPresent() && last >= 0) {
            model.setName(text.get("retention.series.expected"));
            for (int k = 0; k <= last; k++) {
                model.getData().add(new XYChart.Data<>(k, expected.get().atOffset(k, result.settings().period())));
            }
            all.add(model);
        }
        offsetAxis(chart, result, all);
        chart.getXAxis().setLabel(text.get("retention.axis.offset." + result.settings().period().key()));
        ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(text.axisNumbers());
        chart.getData().setAll(all);
        if (model.getNode() != null) {
            model.getNode().getStyleClass().add("retention-expected");
            model.getData().forEach(point -> point.getNode().getStyleClass().add("retention-expected-point"));
        }
        all.forEach(line -> line.getData().forEach(point -> tip(point.getNode(), line.getName() + ", +"
                + point.getXValue() + ": " + text.yuan(point.getYValue().doubleValue()))));
    }

    /** Whole periods on the x axis, from the cohort's own to the last drawn. */
    private static void offsetAxis(LineChart<Number, Number> chart, RetentionResult result,
                                   List<XYChart.Series<Number, Number>> lines) {
        int last = lines.stream().flatMap(line -> line.getData().stream())
                .mapToInt(point -> point.getXValue().intValue()).max().orElse(1);
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(1, last));
        axis.setTickUnit(1);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return "+" + value.intValue();
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }

    /** The ratio's distribution over people with two or more active days, in ten bins, and what it says. */
    void showStreaks(StreakRatios streaks, BarChart<String, Number> chart, Label note) {
        if (streaks.people() == 0) {
            chart.getData().clear();
            note.setText(text.get("retention.streaks.none", text.integer(streaks.singleDay())));
            return;
        }
        XYChart.Series<String, Number> bins = new XYChart.Series<>();
        bins.setName(text.get("retention.streaks.people"));
        for (int b = 0; b < streaks.bins().size(); b++) {
            bins.getData().add(new XYChart.Data<>(b * 10 + "\u2013" + (b + 1) * 10 + "%", streaks.bins().get(b)));
        }
        chart.getData().setAll(List.of(bins));
        bins.getData().forEach(bar -> tip(bar.getNode(), bar.getXValue() + ": "
                + text.integer(bar.getYValue().longValue())));
        note.setText(text.get("retention.streaks.note", text.integer(streaks.people()),
                text.percent(streaks.mean().orElseThrow()), text.percent(streaks.median().orElseThrow()),
                text.integer(streaks.singleDay())));
    }

    private static void tip(Node node, String tip) {
        if (node != null) {
            Tooltip.install(node, new Tooltip(tip));
        }
    }
}
