package com.campaignstudio.ui.shell;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.ui.common.UiText;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.sql.SQLException;
import java.util.List;

/** Per-project choices: pseudonymising ids on import, and the time zone of times without one. */
final class ProjectSettingsDialog {

    private static final List<String> TIME_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
            "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles", "UTC");

    private final Window owner;
    private final UiText text;

    ProjectSettingsDialog(Window owner, UiText text) {
        this.owner = owner;
        this.text = text;
    }

    /** Shows the project's settings and stores them when the user confirms (a few metadata rows). */
    void edit(Project project) throws SQLException {
        var metadata = project.metadata();
        CheckBox pseudonymise = new CheckBox(text.get("settings.project.pseudonymise"));
        pseudonymise.setSelected(!"false".equals(metadata.get(ProjectMetadata.PSEUDONYMISE).orElse("true")));
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(TIME_ZONES));
        String currentZone = metadata.get(ProjectMetadata.TIME_ZONE).orElse("Asia/Shanghai");
        if (!zone.getItems().contains(currentZone)) {
            zone.getItems().addFirst(currentZone);
        }
        zone.setValue(currentZone);
        Label hint = new Label(text.get("settings.project.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        VBox content = new VBox(10, pseudonymise, new Label(text.get("settings.project.timeZone")), zone, hint);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("settings.project.title"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            project.database().transaction(connection -> {
                ProjectMetadata.put(connection, ProjectMetadata.PSEUDONYMISE, Boolean.toString(pseudonymise.isSelected()));
                ProjectMetadata.put(connection, ProjectMetadata.TIME_ZONE, zone.getValue());
                return null;
            });
        }
    }
}
