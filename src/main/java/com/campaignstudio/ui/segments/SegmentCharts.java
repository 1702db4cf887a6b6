package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Fills the Segments view's table and charts from a segmentation; nothing here computes. */
final class SegmentCharts {

    private final UiText text;

    SegmentCharts(UiText text) {
        this.text = text;
    }

    void buildProfileTable(TableView<SegmentProfile> table, BiConsumer<SegmentProfile, String> rename) {
        TableColumn<SegmentProfile, String> name = new TableColumn<>(text.get("segments.col.name"));
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(edit -> rename.accept(edit.getRowValue(), edit.getNewValue()));
        name.setEditable(true);
        table.getColumns().add(name);
        table.getColumns().add(column("segments.col.potential", p -> text.get("segments.potential." + p.potential().key())));
        table.getColumns().add(column("segments.col.size", p -> text.integer(p.size())));
        table.getColumns().add(column("segments.col.share", p -> text.percent(p.share())));
        table.getColumns().add(column("segments.col.revenueShare", p -> text.percent(p.revenueShare())));
        table.getColumns().add(column("segments.col.buyers", p -> text.percent(p.buyerShare())));
        table.getColumns().add(column("segments.col.revenuePerMember", p -> text.yuan(p.revenuePerMember())));
        table.getColumns().add(column("segments.col.engagement", p -> String.format("%.2f", p.meanEngagement())));
        table.getColumns().add(column("segments.col.activity", p -> String.format("%.2f", p.activityIndex())));
        table.getColumns().add(column("segments.col.propensity",
                p -> Double.isNaN(p.meanPropensity()) ? "\u2013" : text.percent(p.meanPropensity())));
        table.setPlaceholder(placeholder("segments.empty"));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 10);
    }

    void buildContentTable(TableView<com.campaignstudio.segments.ContentScores.PostScore> table) {
        table.getColumns().add(column("segments.content.post", p -> text.platform(p.platform()) + " \u00b7 " + p.externalId()));
        table.getColumns().add(column("segments.content.published", p -> p.publishedAt() == null ? ""
                : p.publishedAt().toLocalDate().toString()));
        table.getColumns().add(column("segments.content.topic", p -> p.topic() == null ? "" : p.topic()));
        table.getColumns().add(column("segments.content.value", p -> String.format("%.2f", p.value())));
        table.getColumns().add(column("segments.content.reach", p -> String.format("%.2f", p.reach())));
        table.getColumns().add(column("segments.content.engagement", p -> String.format("%.2f", p.segmentEngagement())));
        table.getColumns().add(column("segments.content.quality", p -> String.format("%.2f", p.quality())));
        table.getColumns().add(column("segments.content.engagers", p -> text.integer(p.engagers())));
        table.setPlaceholder(placeholder("segments.content.empty"));
        TableFit.columnsToContent(table);
    }

    private Label placeholder(String key) {
        Label placeholder = new Label(text.get(key));
        placeholder.setWrapText(true);
        return placeholder;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text.get(key));
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setEditable(false);
        return column;
    }

    void show(Segmentation segmentation, Propensity propensity, TableView<SegmentProfile> table, PieChart sizes,
              BarChart<Number, String> profile, ScatterChart<Number, Number> map) {
        table.getItems().setAll(withPropensity(segmentation, propensity));
        sizes.setData(FXCollections.observableArrayList(segmentation.profiles().stream()
                .map(p -> new PieChart.Data(p.name() + " " + text.percent(p.share()), p.size())).toList()));
        // A pie numbers its colours on from the data it showed before; each segment keeps its own colour instead.
        for (int i = 0; i < sizes.getData().size(); i++) {
            List<String> classes = sizes.getData().get(i).getNode().getStyleClass();
            classes.removeIf(name -> name.startsWith("default-color"));
            classes.add("default-color" + i);
        }
        List<XYChart.Series<Number, String>> bars = new ArrayList<>();
        for (SegmentProfile p : segmentation.profiles()) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(p.name());
            // Bars lie down, so that feature names read across; a category axis lists its first at the bottom.
            for (int j = segmentation.columns().size() - 1; j >= 0; j--) {
                series.getData().add(new XYChart.Data<>(p.standardisedMeans().get(j),
                        featureLabel(segmentation.columns().get(j))));
            }
            bars.add(series);
        }
        profile.getData().setAll(bars);
        List<XYChart.Series<Number, Number>> points = new ArrayList<>();
        for (SegmentProfile p : segmentation.profiles()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(p.name());
            points.add(series);
        }
        if (segmentation.scatter() != null) {
            var scatter = segmentation.scatter();
            List<List<XYChart.Data<Number, Number>>> bySegment = new ArrayList<>();
            points.forEach(s -> bySegment.add(new ArrayList<>()));
            for (int i = 0; i < scatter.x().length; i++) {
                bySegment.get(scatter.segment()[i]).add(new XYChart.Data<>(scatter.x()[i], scatter.y()[i]));
            }
            for (int g = 0; g < points.size(); g++) {
                points.get(g).getData().setAll(bySegment.get(g));
            }
        }
        map.getData().setAll(points);
    }

    void showPropensity(Propensity.Summary summary, LineChart<Number, Number> gains, BarChart<Number, String> importance) {
        XYChart.Series<Number, Number> model = new XYChart.Series<>();
        model.setName(text.get("segments.propensity.model." + summary.model()));
        XYChart.Series<Number, Number> random = new XYChart.Series<>();
        random.setName(text.get("segments.propensity.random"));
        for (Propensity.Gain gain : summary.gains()) {
            model.getData().add(new XYChart.Data<>(gain.fraction() * 100, gain.captured() * 100));
            random.getData().add(new XYChart.Data<>(gain.fraction() * 100, gain.fraction() * 100));
        }
        gains.getData().setAll(List.of(model, random));
        XYChart.Series<Number, String> shares = new XYChart.Series<>();
        for (Propensity.Importance item : summary.importance().reversed()) {
            shares.getData().add(new XYChart.Data<>(item.share() * 100, featureLabel(item.feature())));
        }
        importance.getData().setAll(List.of(shares));
    }

    private List<SegmentProfile> withPropensity(Segmentation segmentation, Propensity propensity) {
        if (propensity == null) {
            return segmentation.profiles();
        }
        double[] sum = new double[segmentation.k()];
        long[] count = new long[segmentation.k()];
        for (int i = 0; i < propensity.scores().length; i++) {
            if (!Float.isNaN(propensity.scores()[i])) {
                sum[segmentation.segment()[i]] += propensity.scores()[i];
                count[segmentation.segment()[i]]++;
            }
        }
        return segmentation.profiles().stream().map(p -> new SegmentProfile(p.number(), p.name(), p.potential(),
                p.size(), p.share(), p.rawMeans(), p.standardisedMeans(), p.revenueShare(), p.buyerShare(),
                p.revenuePerMember(), p.meanEngagement(), p.activityIndex(),
                count[p.number()] == 0 ? Double.NaN : sum[p.number()] / count[p.number()])).toList();
    }

    private String featureLabel(String column) {
        if (column.startsWith("platform:")) {
            return text.platform(column.substring("platform:".length()));
        }
        return text.bundle().containsKey("feature." + column) ? text.get("feature." + column) : column;
    }
}
