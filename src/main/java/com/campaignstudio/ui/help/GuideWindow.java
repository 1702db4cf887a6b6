package com.campaignstudio.ui.help;

import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The guide in a window of its own beside the main one, so that a page can stay open while the user works. */
public final class GuideWindow {

    private final Window owner;
    private final UiText text;
    private final String stylesheet;
    private Stage stage;
    private GuideController controller;

    public GuideWindow(Window owner, UiText text, String stylesheet) {
        this.owner = owner;
        this.text = text;
        this.stylesheet = stylesheet;
    }

    /** Opens the guide at {@code page}, or turns the open guide to it. */
    public void show(GuidePage page) {
        if (stage == null) {
            controller = new GuideController(text);
            Scene scene = new Scene(Views.load("GuideView.fxml", controller, text));
            scene.getStylesheets().add(stylesheet);
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(text.get("guide.window"));
            stage.setScene(scene);
        }
        controller.show(page);
        stage.show();
        stage.toFront();
    }

    /** Closes the guide, if it is open (the language changed, or the application quits). */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
