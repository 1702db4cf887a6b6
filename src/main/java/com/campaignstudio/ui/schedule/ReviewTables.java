package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlanReview;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.NumberColumn;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The review view's tables: two schedules' totals side by side, planned posts against published ones, the rest. */
final class ReviewTables {

    /** One figure of two schedules' saved predictions. */
    record CompareRow(Metric metric, Band a, Band b) {
    }

    /** One planned post and what was published for it, read for one figure. */
    record PlanRow(PlanReview.Row row, Metric metric) {

        Band predicted() {
            return row.planned().outcome().get(metric);
        }

        Long actual() {
            return row.actual().map(post -> switch (metric) {
                case REACH -> post.reach();
                case ENGAGEMENTS -> post.engagements();
                default -> post.clicks();
            }).orElse(null);
        }
    }

    static final String INSIDE = "\u2713";
    static final String OUTSIDE = "\u2717";

    private final UiText text;
    private final ReviewFormats formats;
    private final Glossary glossary;

    ReviewTables(UiText text, ReviewFormats formats, Glossary glossary) {
        this.text = text;
        this.formats = formats;
        this.glossary = glossary;
    }

    void buildCompare(TableView<CompareRow> table) {
        TableColumn<CompareRow, String> aInterval = textColumn(text.get("review.col.aInterval"),
                row -> formats.interval(row.metric(), row.a()));
        glossary.attach(aInterval, Term.PLAN_INTERVAL);
        table.getColumns().setAll(List.of(
                textColumn(text.get("review.col.figure"), row -> formats.metric(row.metric())),
                figureColumn(text.get("review.col.aMean"), row -> row.a().mean(), formats::value),
                aInterval,
                figureColumn(text.get("review.col.bMean"), row -> row.b().mean(), formats::value),
                textColumn(text.get("review.col.bInterval"), row -> formats.interval(row.metric(), row.b())),
                figureColumn(text.get("review.col.difference"), row -> row.b().mean() - row.a().mean(),
                        formats::difference)));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, Metric.values().length);
    }

    /**
     * A column of one figure per row, holding the number (exports write it as it is) and showing it as the row's
     * figure is written: revenue in yuan, the others as counts.
     */
    private static TableColumn<CompareRow, Number> figureColumn(String title, Function<CompareRow, Double> value,
                                                                java.util.function.BiFunction<Metric, Double, String>
                                                                        shown) {
        TableColumn<CompareRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                CompareRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(item == null || row == null ? null : shown.apply(row.metric(), item.doubleValue()));
            }
        });
        return column;
    }

    void buildPlan(TableView<PlanRow> table, Metric metric) {
        TableColumn<PlanRow, String> interval = textColumn(text.get("review.col.predicted"),
                row -> formats.interval(metric, row.predicted()));
        glossary.attach(interval, Term.PLAN_INTERVAL);
        TableColumn<PlanRow, String> note = textColumn(text.get("review.col.note"), this::note);
        table.getColumns().setAll(List.of(
                textColumn(text.get("review.col.platform"), row -> text.platform(row.row().planned().post().platform())),
                textColumn(text.get("review.col.planned"), row -> formats.time(row.row().planned().post().at())),
                textColumn(text.get("review.col.post"), row -> row.row().actual()
                        .map(PlanReview.PublishedPost::externalId).orElse("")),
                textColumn(text.get("review.col.published"), row -> row.row().actual()
                        .map(post -> formats.time(post.at())).orElse("")),
                interval,
                NumberColumn.of(text.get("review.col.actual"), PlanRow::actual,
                        n -> formats.value(metric, n.doubleValue())),
                insideColumn(text.get("review.col.inside")),
                NumberColumn.of(text.get("review.col.ratio"), row -> row.row().ratio(metric).orElse(null),
                        n -> formats.ratio(n.doubleValue())),
                note));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 14);
    }

    private String note(PlanRow row) {
        if (row.row().actual().isEmpty()) {
            return text.get("review.note.unmatched");
        }
        return row.row().early() ? text.get("review.note.early") : "";
    }

    void buildUnplanned(TableView<PlanReview.PublishedPost> table) {
        table.getColumns().setAll(List.of(
                textColumn(text.get("review.col.platform"), post -> text.platform(post.platform())),
                textColumn(text.get("review.col.post"), PlanReview.PublishedPost::externalId),
                textColumn(text.get("review.col.published"), post -> formats.time(post.at())),
                NumberColumn.of(formats.metric(Metric.REACH), PlanReview.PublishedPost::reach,
                        n -> formats.value(Metric.REACH, n.doubleValue())),
                NumberColumn.of(formats.metric(Metric.ENGAGEMENTS), PlanReview.PublishedPost::engagements,
                        n -> formats.value(Metric.ENGAGEMENTS, n.doubleValue())),
                NumberColumn.of(formats.metric(Metric.CLICKS), PlanReview.PublishedPost::clicks,
                        n -> formats.value(Metric.CLICKS, n.doubleValue()))));
        TableFit.columnsToContent(table);
        TableFit.heightToRows(table, 10);
    }

    /** ✓ in green or ✗ in red: whether the actual count fell inside its interval; empty when nothing was published. */
    private TableColumn<PlanRow, String> insideColumn(String title) {
        TableColumn<PlanRow, String> column = textColumn(title, row -> row.row().inside(row.metric())
                .map(inside -> inside ? INSIDE : OUTSIDE).orElse(""));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("review-inside", "review-outside");
                setText(empty ? null : item);
                if (!empty && item != null && !item.isEmpty()) {
                    getStyleClass().add(INSIDE.equals(item) ? "review-inside" : "review-outside");
                }
            }
        });
        return column;
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }
}
