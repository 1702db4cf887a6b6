package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.Outcome;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The planner's results as figures: the totals with their 80% intervals, a row per platform and a row per post, each
 * figure its expected value beside its interval.
 */
final class PlannerTables {

    /** A platform's row. */
    record PlatformRow(String platform, long posts, Outcome outcome) {
    }

    private final UiText text;
    private final PlannerFormats formats;
    private final Glossary glossary;

    PlannerTables(UiText text, PlannerFormats formats, Glossary glossary) {
        this.text = text;
        this.formats = formats;
        this.glossary = glossary;
    }

    /** A row per figure: its name, the expected value and the 80% interval (labels named total-reach and so on). */
    void showTotals(GridPane grid, Outcome total) {
        grid.getChildren().clear();
        Label expected = new Label(text.get("schedule.expected"));
        Label interval = new Label(text.get("schedule.interval80"));
        glossary.attach(interval, Term.INTERVAL_80);
        expected.getStyleClass().add("hint");
        interval.getStyleClass().add("hint");
        grid.add(expected, 1, 0);
        grid.add(interval, 2, 0);
        int row = 1;
        for (Metric metric : Metric.values()) {
            Band band = total.get(metric);
            Label value = new Label(formats.figure(metric, band.mean()));
            value.setId("total-" + metric.key());
            value.getStyleClass().add("total-figure");
            Label range = new Label(formats.interval(metric, band));
            range.setId("interval-" + metric.key());
            grid.addRow(row++, new Label(formats.metric(metric)), value, range);
        }
    }

    void setUpPlatforms(TableView<PlatformRow> table) {
        TableColumn<PlatformRow, String> platform = textColumn(text.get("schedule.column.platform"),
                row -> text.platform(row.platform()));
        TableColumn<PlatformRow, Number> posts = NumberColumn.of(text.get("schedule.column.posts"), PlatformRow::posts,
                value -> text.integer(value.longValue()));
        table.getColumns().setAll(List.of(platform, posts));
        addFigures(table, PlatformRow::outcome);
        table.setPlaceholder(new Label(text.get("schedule.table.empty")));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 10);
    }

    void setUpPosts(TableView<Simulation.PostOutcome> table) {
        TableColumn<Simulation.PostOutcome, String> when = textColumn(text.get("schedule.column.when"),
                row -> formats.slot(row.post().at()));
        TableColumn<Simulation.PostOutcome, String> platform = textColumn(text.get("schedule.column.platform"),
                row -> text.platform(row.post().platform()));
        TableColumn<Simulation.PostOutcome, String> format = textColumn(text.get("schedule.column.format"),
                row -> text.get("value.format." + row.post().format()));
        TableColumn<Simulation.PostOutcome, String> topic = textColumn(text.get("schedule.column.topic"),
                row -> row.post().topic());
        TableColumn<Simulation.PostOutcome, Number> lift = NumberColumn.of(text.get("schedule.column.lift"),
                Simulation.PostOutcome::lift, value -> formats.change(value.doubleValue()));
        glossary.attach(lift, Term.SLOT_LIFT);
        TableColumn<Simulation.PostOutcome, Number> fatigue = NumberColumn.of(text.get("schedule.column.fatigue"),
                row -> 1 - row.fatigue(), value -> formats.change(-value.doubleValue()));
        glossary.attach(fatigue, Term.POST_FATIGUE);
        table.getColumns().setAll(List.of(when, platform, format, topic, lift, fatigue));
        addFigures(table, Simulation.PostOutcome::outcome);
        table.setPlaceholder(new Label(text.get("schedule.table.empty")));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 20);
    }

    void showPlatforms(TableView<PlatformRow> table, Simulation simulation) {
        table.setItems(FXCollections.observableArrayList(simulation.byPlatform().entrySet().stream()
                .map(entry -> new PlatformRow(entry.getKey(), simulation.posts().stream()
                        .filter(post -> post.post().platform().equals(entry.getKey())).count(), entry.getValue()))
                .toList()));
    }

    /** The posts in the order they go out (the plan keeps them in the order they were added). */
    void showPosts(TableView<Simulation.PostOutcome> table, Simulation simulation) {
        table.setItems(FXCollections.observableArrayList(simulation.posts().stream()
                .sorted(Comparator.comparing((Simulation.PostOutcome post) -> post.post().at())).toList()));
    }

    /** Per figure, a column of expected values and one of 80% intervals under its name. */
    private <T> void addFigures(TableView<T> table, Function<T, Outcome> outcome) {
        for (Metric metric : Metric.values()) {
            TableColumn<T, ?> group = new TableColumn<>(formats.metric(metric));
            TableColumn<T, Number> mean = NumberColumn.of(text.get("schedule.expected"),
                    row -> outcome.apply(row).get(metric).mean(), value -> formats.figure(metric, value.doubleValue()));
            TableColumn<T, String> range = textColumn(text.get("schedule.interval80"),
                    row -> formats.interval(metric, outcome.apply(row).get(metric)));
            group.getColumns().setAll(List.of(mean, range));
            table.getColumns().add(group);
        }
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return column;
    }

    /** The posts left out because the model lacks their platform, for the note under the totals. */
    String leftOut(List<PlannedPost> unknown) {
        return unknown.isEmpty() ? "" : text.get("schedule.leftOut", unknown.size(), String.join(", ",
                unknown.stream().map(post -> post.platform() + " " + formats.slot(post.at())).toList()));
    }
}
