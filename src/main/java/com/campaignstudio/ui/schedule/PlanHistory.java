package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.SchedulePlan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/** The plan on show with the plans before it (undo) and the plans undone (redo); any new change forgets the redo. */
final class PlanHistory {

    /** Enough steps for an afternoon of dragging; the oldest are forgotten beyond it. */
    static final int LIMIT = 200;

    private final Deque<SchedulePlan> undo = new ArrayDeque<>();
    private final Deque<SchedulePlan> redo = new ArrayDeque<>();
    private SchedulePlan current;

    PlanHistory(SchedulePlan first) {
        this.current = Objects.requireNonNull(first);
    }

    SchedulePlan current() {
        return current;
    }

    /** Makes {@code next} the plan on show; false, and nothing remembered, when it is the same plan. */
    boolean change(SchedulePlan next) {
        if (next.equals(current)) {
            return false;
        }
        undo.push(current);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        return true;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(current);
        current = undo.pop();
        return true;
    }

    boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(current);
        current = redo.pop();
        return true;
    }
}
