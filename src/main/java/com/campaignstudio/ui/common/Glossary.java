package com.campaignstudio.ui.common;

import javafx.scene.chart.Chart;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Puts the plain explanation of a term where the term appears: a small ⓘ after a label, a column title or a chart
 * title, with the explanation as its tooltip (the label's own tooltip too, so hovering the word works as well).
 */
public final class Glossary {

    /** The mark's style class, also how tests find the marks. */
    public static final String MARK = "glossary-mark";
    /** The width a mark and its gap take in a column title. */
    private static final double COLUMN_MARK_WIDTH = 18;

    private final UiText text;

    public Glossary(UiText text) {
        this.text = text;
    }

    /** The term's one-line explanation in the current language. */
    public String line(Term term) {
        return text.get(term.key());
    }

    /** Explains {@code terms} at a label, check box or button; the mark hides while the label is empty. */
    public void attach(Labeled labeled, Term... terms) {
        Label mark = mark();
        mark.visibleProperty().bind(labeled.textProperty().isNotEmpty());
        labeled.setTooltip(tooltip(terms));
        labeled.setGraphic(mark);
        labeled.setContentDisplay(ContentDisplay.RIGHT);
        labeled.setGraphicTextGap(3);
    }

    /** Explains {@code terms} at a table column's title, widening the column by the mark's width. */
    public void attach(TableColumn<?, ?> column, Term... terms) {
        Label mark = mark();
        mark.setTooltip(tooltip(terms));
        column.setGraphic(mark);
        column.setPrefWidth(column.getPrefWidth() + COLUMN_MARK_WIDTH);
    }

    /** Explains {@code terms} at a chart's title. */
    public void attach(Chart chart, Term... terms) {
        if (chart.lookup(".chart-title") instanceof Labeled title) {
            attach(title, terms);
        }
    }

    private Tooltip tooltip(Term... terms) {
        Tooltip tooltip = new Tooltip(Arrays.stream(terms).map(this::line).collect(Collectors.joining("\n")));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(440);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }

    private static Label mark() {
        Label mark = new Label("\u24d8");
        mark.getStyleClass().add(MARK);
        return mark;
    }
}
