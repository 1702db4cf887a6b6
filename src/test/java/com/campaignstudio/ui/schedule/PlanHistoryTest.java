package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.SchedulePlan;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's undo and redo, without a display. */
class PlanHistoryTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);
    private static final SchedulePlan EMPTY = SchedulePlan.week(MONDAY, List.of());

    private static SchedulePlan withPostAt(int hour) {
        return EMPTY.withPosts(List.of(PlannedPost.of("weibo", MONDAY.plusHours(hour), "video")));
    }

    @Test
    void undoGoesBackStepByStepAndRedoForward() {
        PlanHistory history = new PlanHistory(EMPTY);
        assertFalse(history.canUndo());
        assertTrue(history.change(withPostAt(20)));
        assertTrue(history.change(withPostAt(21)));
        assertTrue(history.undo());
        assertEquals(withPostAt(20), history.current());
        assertTrue(history.undo());
        assertEquals(EMPTY, history.current());
        assertFalse(history.undo(), "nothing before the first plan");
        assertEquals(EMPTY, history.current());
        assertTrue(history.redo());
        assertTrue(history.redo());
        assertEquals(withPostAt(21), history.current());
        assertFalse(history.redo());
    }

    @Test
    void aChangeAfterUndoForgetsTheRedoAndTheSamePlanIsNoChange() {
        PlanHistory history = new PlanHistory(EMPTY);
        history.change(withPostAt(20));
        history.undo();
        assertTrue(history.canRedo());
        assertTrue(history.change(withPostAt(9)));
        assertFalse(history.canRedo());
        assertFalse(history.change(withPostAt(9)), "the plan on show again");
        history.undo();
        assertEquals(EMPTY, history.current(), "one step back, not two");
    }

    @Test
    void theOldestStepsAreForgottenBeyondTheLimit() {
        PlanHistory history = new PlanHistory(EMPTY);
        for (int step = 1; step <= PlanHistory.LIMIT + 5; step++) {
            history.change(EMPTY.withPosts(List.of(new PlannedPost("weibo", MONDAY, "video", "step " + step, 0,
                    false))));
        }
        int undone = 0;
        while (history.undo()) {
            undone++;
        }
        assertEquals(PlanHistory.LIMIT, undone);
        assertEquals("step 5", history.current().posts().getFirst().topic(), "the first five steps are forgotten");
    }
}
