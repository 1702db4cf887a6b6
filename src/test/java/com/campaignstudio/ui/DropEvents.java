package com.campaignstudio.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The events a drag-and-drop delivers to its target, fired on the nodes: the headless glass platform the tests run on
 * has no drag-and-drop loop, so a robot's drag never reaches a drop target. The target sees what a real drop gives it:
 * DRAG_ENTERED, DRAG_OVER (where it accepts or not), DRAG_DROPPED if it accepted, DRAG_EXITED, with a dragboard
 * holding {@code content}. Call on the FX thread.
 */
final class DropEvents {

    private DropEvents() {
    }

    /** Drops {@code content} from {@code source} onto {@code target}; true if the target accepted and completed it. */
    static boolean drop(Node source, Node target, Map<DataFormat, Object> content, TransferMode mode) {
        Dragboard board = board();
        board.setContent(content);
        Bounds bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        Event.fireEvent(target, event(source, target, DragEvent.DRAG_ENTERED, board, x, y, mode));
        DragEvent over = event(source, target, DragEvent.DRAG_OVER, board, x, y, mode);
        Event.fireEvent(target, over);
        boolean accepted = over.isAccepted() && over.getAcceptedTransferMode() != null;
        boolean completed = false;
        if (accepted) {
            DragEvent dropped = event(source, target, DragEvent.DRAG_DROPPED, board, x, y, mode);
            Event.fireEvent(target, dropped);
            completed = dropped.isDropCompleted();
        }
        Event.fireEvent(target, event(source, target, DragEvent.DRAG_EXITED, board, x, y, mode));
        return completed;
    }

    private static DragEvent event(Node source, Node target, javafx.event.EventType<DragEvent> type, Dragboard board,
                                   double x, double y, TransferMode mode) {
        return new DragEvent(source, target, type, board, x, y, x, y, mode, source, target, null);
    }

    private static Dragboard board() {
        try {
            // The helper's accessor is set as Dragboard's class is initialised.
            Class.forName(Dragboard.class.getName(), true, Dragboard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return DragboardHelper.createDragboard(new MapClipboard());
    }

    /** A dragboard's store that keeps what is put on it. */
    private static final class MapClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            content.clear();
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
