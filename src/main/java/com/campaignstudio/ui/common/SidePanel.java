package com.campaignstudio.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;

/**
 * The choices beside a view's results (in a split pane): scrolls up and down, never sideways, and is as wide as
 * its content needs (its widest label, button or choice), no wider; the results get the rest of the window, and
 * keep it when the window grows.
 */
public final class SidePanel extends ScrollPane {

    public SidePanel() {
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        SplitPane.setResizableWithParent(this, false);
        getStyleClass().add("side-panel");
    }

    @Override
    protected double computeMinWidth(double height) {
        Node content = getContent();
        if (content == null) {
            return super.computeMinWidth(height);
        }
        return snappedLeftInset() + content.minWidth(-1) + verticalBarWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    /** Room for the scroll bar whether shown or not, so that the panel does not change width as it scrolls. */
    private double verticalBarWidth() {
        for (Node node : getChildrenUnmodifiable()) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar.prefWidth(-1);
            }
        }
        return 0;
    }
}
