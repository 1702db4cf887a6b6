package com.campaignstudio.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The text a person sees in a window, each piece with where it is: labels, buttons, cells on screen, column
 * headers, tab titles, menu items, the choices of combo boxes, chart titles, axis and tick labels, legends and
 * tooltips. Hidden nodes (and everything under them) are left out; so are the cells of columns the caller says
 * hold data rather than interface (ids, file names), and whole nodes the caller says show data.
 */
final class ShownText {

    /** A piece of text and where it was found (the caller's context, the nearest ids and the kind of node). */
    record Piece(String where, String text) {
        @Override
        public String toString() {
            return where + ": \"" + text + "\"";
        }
    }

    private final Predicate<TableColumn<?, ?>> dataColumn;
    private final Predicate<Node> dataNode;

    /**
     * @param dataColumn columns whose cells hold data (shown as stored), not interface text
     * @param dataNode   nodes that show data as it is (a file's own rows), left out with everything under them
     */
    ShownText(Predicate<TableColumn<?, ?>> dataColumn, Predicate<Node> dataNode) {
        this.dataColumn = dataColumn;
        this.dataNode = dataNode;
    }

    /** Everything shown under {@code root}; call on the FX thread. */
    List<Piece> collect(Parent root, String context) {
        List<Piece> found = new ArrayList<>();
        walk(root, context, found);
        return found;
    }

    private void walk(Node node, String context, List<Piece> found) {
        if (!node.isVisible() || node.getOpacity() == 0 || dataNode.test(node)) {
            return;
        }
        String where = context + " \u203a " + describe(node);
        tooltip(node, where, found);
        switch (node) {
            case TextInputControl input -> {
                add(found, where, input.getText());
                if (input.getText() == null || input.getText().isEmpty()) {
                    add(found, where + " (prompt)", input.getPromptText());
                }
                return;
            }
            case IndexedCell<?> cell when cell.isEmpty() -> {
                return;
            }
            case TableCell<?, ?> cell when cell.getTableColumn() != null && dataColumn.test(cell.getTableColumn()) -> {
                return;
            }
            case Labeled labeled -> add(found, where, labeled.getText());
            case Text shape when !(shape.getParent() instanceof Labeled) -> add(found, where, shape.getText());
            case ComboBox<?> combo -> choices(combo.getItems(), combo.getConverter(), where, found);
            case ChoiceBox<?> choice -> choices(choice.getItems(), choice.getConverter(), where, found);
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getText)
                    .forEach(title -> add(found, where + " (tab)", title));
            case MenuBar bar -> bar.getMenus().forEach(menu -> menu(menu, where, found));
            case Axis<?> axis -> add(found, where + " (axis)", axis.getLabel());
            default -> {
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, context, found);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choices(List<?> items, StringConverter converter, String where, List<Piece> found) {
        for (Object item : items) {
            add(found, where + " (choice)", converter == null ? String.valueOf(item) : converter.toString(item));
        }
    }

    private static void menu(MenuItem item, String where, List<Piece> found) {
        add(found, where + " (menu)", item.getText());
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> menu(child, where, found));
        }
    }

    private static void tooltip(Node node, String where, List<Piece> found) {
        Object installed = node.getProperties().get("javafx.scene.control.Tooltip");
        if (node instanceof Control control && control.getTooltip() != null) {
            installed = control.getTooltip();
        }
        if (installed instanceof Tooltip tooltip) {
            add(found, where + " (tooltip)", tooltip.getText());
        }
    }

    private static void add(List<Piece> found, String where, String text) {
        if (text != null && !text.isBlank()) {
            found.add(new Piece(where, text));
        }
    }

    /** The node's id, else its nearest ancestor's (with the node's kind), so that a finding can be located. */
    private static String describe(Node node) {
        String kind = node.getClass().getSimpleName();
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getId() != null) {
                return at == node ? "#" + at.getId() : "#" + at.getId() + " " + kind;
            }
        }
        return kind;
    }
}
