package com.campaignstudio.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.Optional;

/** Small modal dialogs in the current language. */
public final class Dialogs {

    private final UiText text;
    private final Window owner;

    public Dialogs(UiText text, Window owner) {
        this.text = text;
        this.owner = owner;
    }

    public void error(String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, title, header, content);
        alert.showAndWait();
    }

    public void unexpected(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        error(text.get("dialog.error.title"), text.get("dialog.error.title"), message);
    }

    public void info(String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title, header, content);
        alert.showAndWait();
    }

    public boolean confirm(String title, String content) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, title, null, content);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** Asks a question with named answers; empty when the user cancelled. */
    public Optional<ButtonType> choose(String title, String header, String content, ButtonType... answers) {
        Alert alert = new Alert(Alert.AlertType.WARNING, content, answers);
        prepare(alert, title, header, content);
        alert.getButtonTypes().add(ButtonType.CANCEL);
        return alert.showAndWait().filter(answer -> answer.getButtonData() != ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private void prepare(Alert alert, String title, String header, String content) {
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(content);
        body.setWrapText(true);
        body.setMaxWidth(460);
        alert.getDialogPane().setContent(body);
    }
}
