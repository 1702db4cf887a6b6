package com.campaignstudio.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nodes a person can see in a window: those shown with every ancestor shown, including the parts controls
 * build in their skins (table headers and cells, tab headers, the cells of combo boxes). Call on the FX thread.
 */
final class VisibleNodes {

    private VisibleNodes() {
    }

    /** Every shown node under {@code root}, {@code root} first, parents before their children. */
    static List<Node> under(Parent root) {
        List<Node> shown = new ArrayList<>();
        collect(root, shown);
        return shown;
    }

    /** The shown nodes of one type. */
    static <T extends Node> Stream<T> under(Parent root, Class<T> type) {
        return under(root).stream().filter(type::isInstance).map(type::cast);
    }

    /**
     * The text a person can read: labels, buttons, cells, headers and the plain text of charts (titles, tick
     * labels); text set on a control whose skin shows it through a child is counted once, by the child.
     */
    static List<String> texts(Parent root) {
        List<String> texts = new ArrayList<>();
        for (Node node : under(root)) {
            String text = switch (node) {
                case Labeled labeled -> labeled.getText();
                case Text plain when !(plain.getParent() instanceof Labeled) -> plain.getText();
                default -> null;
            };
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static void collect(Node node, List<Node> shown) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        shown.add(node);
        if (node instanceof Parent parent) {
            // Skins add their nodes to the control's children, so unmodifiable children cover them too.
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, shown);
            }
        }
    }
}
