package com.campaignstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person would see as broken in a window, found by walking its shown nodes: text cut short with an
 * ellipsis (labels, buttons, tab and column headers, table cells), a chart shown with axes but no data, and
 * tick labels that overlap or repeat. Call on the FX thread, after a layout pass.
 */
final class ViewChecks {

    /** Tick labels closer than this (in pixels) read as one. */
    private static final double TICK_GAP = 2;

    private ViewChecks() {
    }

    static List<String> findings(Parent root) {
        List<String> findings = new ArrayList<>();
        for (Node node : VisibleNodes.under(root)) {
            switch (node) {
                case TableCell<?, ?> cell when cell.isTextTruncated() && cell.getTableColumn() != null ->
                        findings.add("truncated cells in column \"" + cell.getTableColumn().getText() + "\""
                                + where(cell.getTableView()));
                case ListCell<?> cell when cell.isTextTruncated() && cell.getListView() != null ->
                        findings.add("truncated cells" + where(cell.getListView()));
                case Labeled labeled when labeled.isTextTruncated() -> findings.add("truncated " + describe(labeled)
                        + ": \"" + labeled.getText() + "\"");
                case XYChart<?, ?> chart when chart.getData().stream().allMatch(s -> s.getData().isEmpty()) ->
                        findings.add("empty chart with axes " + describe(chart));
                case PieChart pie when pie.getData().isEmpty() -> findings.add("empty pie chart " + describe(pie));
                case Axis<?> axis -> findings.addAll(tickLabelProblems(axis));
                default -> {
                }
            }
        }
        return findings;
    }

    private static List<String> tickLabelProblems(Axis<?> axis) {
        List<Text> ticks = axis.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text && node.isVisible()).map(Text.class::cast).toList();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ticks.size(); i++) {
            Text tick = ticks.get(i);
            if (seen.merge(tick.getText(), 1, Integer::sum) == 2) {
                problems.add("repeated tick label \"" + tick.getText() + "\" on " + describe(axis));
            }
            Bounds bounds = tick.getBoundsInParent();
            for (int j = i + 1; j < ticks.size(); j++) {
                Bounds other = ticks.get(j).getBoundsInParent();
                boolean apart = bounds.getMaxX() + TICK_GAP <= other.getMinX() || other.getMaxX() + TICK_GAP <= bounds.getMinX()
                        || bounds.getMaxY() <= other.getMinY() || other.getMaxY() <= bounds.getMinY();
                if (!apart) {
                    problems.add("overlapping tick labels \"" + tick.getText() + "\" and \"" + ticks.get(j).getText()
                            + "\" on " + describe(axis));
                }
            }
        }
        return problems;
    }

    /** The node's kind and where it is. */
    private static String describe(Node node) {
        Class<?> kind = node.getClass();
        while (kind.getSimpleName().isEmpty()) {
            kind = kind.getSuperclass();
        }
        String header = "";
        for (Node above = node.getParent(); above != null; above = above.getParent()) {
            if (above instanceof TableColumnHeader column && column.getTableColumn() != null) {
                header = " in the header of column \"" + column.getTableColumn().getText() + "\"";
                break;
            }
        }
        return kind.getSimpleName() + header + where(node);
    }

    /** The nearest id at or above the node that a view gave (skins name some of their parts too). */
    private static String where(Node node) {
        for (Node above = node; above != null; above = above.getParent()) {
            if (above.getId() != null && !above.getId().equals("virtual-flow")) {
                return " in #" + above.getId();
            }
        }
        return "";
    }
}
