package com.campaignstudio.ui.schedule;

import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each platform's chips (style classes {@code platform-chip-0} … in planner.css, in the model's
 * platform order) and the palette chips dragged onto the calendar to add a post.
 */
final class PlatformChips {

    /** The colours planner.css defines; platforms beyond them reuse them in turn. */
    static final int COLOURS = 8;

    private final Map<String, Integer> colour = new LinkedHashMap<>();

    PlatformChips(List<String> platforms) {
        for (String platform : platforms) {
            colour.put(platform, colour.size() % COLOURS);
        }
    }

    /** The style class of the platform's colour; a platform the model lacks is grey. */
    String colourClass(String platform) {
        Integer index = colour.get(platform);
        return index == null ? "platform-chip-unknown" : "platform-chip-" + index;
    }

    /** A palette chip: dragged onto a calendar hour, it adds a post of {@code platform}. */
    Label paletteChip(String platform, String name) {
        Label chip = new Label(name);
        chip.setId("palette-" + platform);
        chip.getStyleClass().addAll("palette-chip", colourClass(platform));
        chip.setOnDragDetected(event -> {
            ClipboardContent content = new ClipboardContent();
            content.put(PlanDrag.ADD_POST, platform);
            chip.startDragAndDrop(TransferMode.COPY).setContent(content);
            event.consume();
        });
        return chip;
    }
}
