package com.campaignstudio.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
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

    /**
     * Puts {@code dialog} in the user's language: its font, and its standard buttons (OK, Cancel, Close, Yes, No).
     * JavaFX names its own {@link ButtonType}s once, in the language the computer had when it started, not the one
     * the user chose here; each is replaced by one of ours with the same role, so dialogs that read the role (as
     * {@code ChoiceDialog} and {@code TextInputDialog} do) work as before. Compare answers with {@link #isOk}.
     */
    public static void localise(Dialog<?> dialog, UiText text) {
        dialog.getDialogPane().getButtonTypes().replaceAll(type -> named(type, text));
        Fonts.use(dialog.getDialogPane(), text);
    }

    /** Whether {@code answer} is the dialog's OK (in whatever language it was named). */
    public static boolean isOk(ButtonType answer) {
        return answer.getButtonData() == ButtonBar.ButtonData.OK_DONE;
    }

    private static ButtonType named(ButtonType type, UiText text) {
        String key = type == ButtonType.OK ? "dialog.button.ok" : type == ButtonType.CANCEL ? "dialog.button.cancel"
                : type == ButtonType.CLOSE ? "dialog.button.close" : type == ButtonType.YES ? "dialog.button.yes"
                : type == ButtonType.NO ? "dialog.button.no" : null;
        return key == null ? type : new ButtonType(text.get(key), type.getButtonData());
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
        return alert.showAndWait().filter(Dialogs::isOk).isPresent();
    }

    /** Asks a question with named answers; empty when the user cancelled. */
    public Optional<ButtonType> choose(String title, String header, String content, ButtonType... answers) {
        Alert alert = new Alert(Alert.AlertType.WARNING, content, answers);
        alert.getButtonTypes().add(ButtonType.CANCEL);
        prepare(alert, title, header, content);
        return alert.showAndWait().filter(answer -> answer.getButtonData() != ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Asks for a line of text, such as a name; empty when the user cancelled or left it blank. */
    public Optional<String> askText(String title, String header, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setGraphic(null);
        localise(dialog, text);
        return dialog.showAndWait().map(String::strip).filter(answer -> !answer.isEmpty());
    }

    private void prepare(Alert alert, String title, String header, String content) {
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(content);
        body.setWrapText(true);
        body.setMaxWidth(460);
        alert.getDialogPane().setContent(body);
        localise(alert, text);
    }
}
