package com.campaignstudio.ui.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Objects;

/**
 * Text in a view is never cut short to an ellipsis by a layout under pressure: labels, buttons and check boxes
 * keep the width of their text (wrapping labels, the height of their lines), a combo box the width of its chosen
 * value, a spinner its own width, and a side panel, scroll bar or the window gives way instead. Table cells fit with their columns (see
 * {@link TableFit}).
 */
public final class WholeText {

    private WholeText() {
    }

    /** Applies to {@code node} and everything it holds now; {@link Views#load} does this for every view. */
    public static void keep(Node node) {
        switch (node) {
            case Label label -> keep(label);
            case ButtonBase button -> keep(button);
            case ComboBox<?> combo -> keep(combo);
            case Spinner<?> spinner when spinner.getMinWidth() == Region.USE_COMPUTED_SIZE ->
                    spinner.setMinWidth(Region.USE_PREF_SIZE);
            default -> {
            }
        }
        contentOf(node).forEach(WholeText::keep);
    }

    private static void keep(Labeled labeled) {
        if (labeled.isWrapText() && labeled.getMinHeight() == Region.USE_COMPUTED_SIZE) {
            labeled.setMinHeight(Region.USE_PREF_SIZE);
        } else if (!labeled.isWrapText() && labeled.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /**
     * A combo box's skin lets it shrink to 50 pixels, whatever it shows; this one keeps at least the width of the
     * value shown (its list may hold longer choices, seen only when it opens).
     */
    private static <T> void keep(ComboBox<T> combo) {
        if (combo.isEditable() || combo.getButtonCell() != null) {
            return;
        }
        ListCell<T> shown = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? combo.getPromptText() : combo.getConverter().toString(item));
            }
        };
        combo.setButtonCell(shown);
        InvalidationListener changed = observable -> Platform.runLater(() -> {
            if (combo.getSkin() != null && combo.lookup(".arrow-button") instanceof Region arrow) {
                shown.applyCss();
                combo.setMinWidth(combo.snappedLeftInset() + shown.prefWidth(-1) + arrow.prefWidth(-1)
                        + combo.snappedRightInset());
            }
        });
        shown.textProperty().addListener(changed);
        combo.skinProperty().addListener(changed);
    }

    /** What a node holds before its skin exists (skins make the items of split, scroll and tab panes children). */
    private static List<Node> contentOf(Node node) {
        return switch (node) {
            case SplitPane split -> split.getItems();
            case ScrollPane scroll -> scroll.getContent() == null ? List.of() : List.of(scroll.getContent());
            case TitledPane titled -> titled.getContent() == null ? List.of() : List.of(titled.getContent());
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getContent).filter(Objects::nonNull).toList();
            case Parent parent -> parent.getChildrenUnmodifiable();
            default -> List.of();
        };
    }
}
