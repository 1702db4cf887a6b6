package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.ContentScores;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.Term;
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
    private final Glossary glossary;

    SegmentCharts(UiText text) {
        this.text = text;
        this.glossary = new Glossary(text);
    }

    void buildProfileTable(TableView<SegmentProfile> table, BiConsumer<SegmentProfile, String> rename) {
        TableColumn<SegmentProfile, String> name = new TableColumn<>(text.get("segments.col.name"));
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(edit -> rename.accept(edit.getRowValue(), edit.getNewValue()));
        name.setEditable(true);
        table.getColumns().add(name);
        table.getColumns().add(column("segments.col.potential", p -> text.get("segments.potential." + p.potential().key())));
        glossary.attach(table.getColumns().getLast(), Term.POTENTIAL);
        table.getColumns().add(number("segments.col.size", SegmentProfile::size, this::integer));
        table.getColumns().add(number("segments.col.share", SegmentProfile::share, this::percent));
        table.getColumns().add(number("segments.col.revenueShare", SegmentProfile::revenueShare, this::percent));
        table.getColumns().add(number("segments.col.buyers", SegmentProfile::buyerShare, this::percent));
        table.getColumns().add(number("segments.col.revenuePerMember", SegmentProfile::revenuePerMember, this::yuan));
        table.getColumns().add(number("segments.col.engagement", SegmentProfile::meanEngagement, this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.ENGAGEMENT_U);
        table.getColumns().add(number("segments.col.activity", SegmentProfile::activityIndex, this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.ACTIVITY_I);
        table.getColumns().add(number("segments.col.propensity", SegmentProfile::meanPropensity, this::percent));
        glossary.attach(table.getColumns().getLast(), Term.PROPENSITY);
        table.setPlaceholder(placeholder("segments.empty"));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 10);
    }

    void buildContentTable(TableView<ContentScores.PostScore> table) {
        table.getColumns().add(column("segments.content.post", p -> text.platform(p.platform()) + " \u00b7 " + p.externalId()));
        table.getColumns().add(column("segments.content.published", p -> p.publishedAt() == null ? ""
                : p.publishedAt().toLocalDate().toString()));
        table.getColumns().add(column("segments.content.topic", p -> p.topic() == null ? "" : p.topic()));
        table.getColumns().add(number("segments.content.value", ContentScores.PostScore::value, this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.CONTENT_VALUE_R);
        table.getColumns().add(number("segments.content.reach", ContentScores.PostScore::reach, this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.REACH_C);
        table.getColumns().add(number("segments.content.engagement", ContentScores.PostScore::segmentEngagement,
                this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.SEGMENT_U);
        table.getColumns().add(number("segments.content.quality", ContentScores.PostScore::quality, this::twoDecimals));
        glossary.attach(table.getColumns().getLast(), Term.QUALITY_Q);
        table.getColumns().add(number("segments.content.engagers", ContentScores.PostScore::engagers, this::integer));
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

    private <T> TableColumn<T, Number> number(String key, Function<T, Number> value, Function<Number, String> shown) {
        TableColumn<T, Number> column = NumberColumn.of(text.get(key), value, shown);
        column.setEditable(false);
        return column;
    }

    private String integer(Number value) {
        return text.integer(value.longValue());
    }

    /** A share as a percentage; an unknown one (NaN) as a dash. */
    private String percent(Number value) {
        return Double.isNaN(value.doubleValue()) ? "\u2013" : text.percent(value.doubleValue());
    }

    private String yuan(Number value) {
        return text.yuan(value.doubleValue());
    }

    private String twoDecimals(Number value) {
        return String.format("%.2f", value.doubleValue());
    }

    void show(Segmentation segmentation, Propensity propensity, TableView<SegmentProfile> table, PieChart sizes,
              BarChart<Number, String> profile, ScatterChart<Number, Number> map) {
        table.getItems().setAll(propensity == null ? segmentation.profiles() : propensity.profilesWithMeans(segmentation));
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

    private String featureLabel(String column) {
        if (column.startsWith("platform:")) {
            return text.platform(column.substring("platform:".length()));
        }
        return text.bundle().containsKey("feature." + column) ? text.get("feature." + column) : column;
    }
}
