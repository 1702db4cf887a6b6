package com.campaignstudio.ui.pending;

import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Says plainly that a section is not built yet, and what it will do. */
public final class PendingController {

    private final Section section;
    private final UiText text;

    @FXML
    private Label title;
    @FXML
    private Label description;

    public PendingController(Section section, UiText text) {
        this.section = section;
        this.text = text;
    }

    @FXML
    private void initialize() {
        title.setText(text.get(section.titleKey()));
        description.setText(text.get(section.pendingKey()));
    }
}
