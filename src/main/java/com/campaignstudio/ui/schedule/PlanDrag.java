package com.campaignstudio.ui.schedule;

import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

import java.util.Optional;

/**
 * What a drag onto the planner's calendar carries: a platform's code (add a post of it there) or a post's position
 * in the plan (move that post there). Public so that whatever drags onto the calendar, a test included, speaks it.
 */
public final class PlanDrag {

    public static final DataFormat ADD_POST = new DataFormat("application/x-campaign-studio-add-post");
    public static final DataFormat MOVE_POST = new DataFormat("application/x-campaign-studio-move-post");

    private PlanDrag() {
    }

    static Optional<String> added(Dragboard board) {
        return board.getContent(ADD_POST) instanceof String platform ? Optional.of(platform) : Optional.empty();
    }

    static Optional<Integer> moved(Dragboard board) {
        return board.getContent(MOVE_POST) instanceof Integer index ? Optional.of(index) : Optional.empty();
    }
}
