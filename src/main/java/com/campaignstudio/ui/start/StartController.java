package com.campaignstudio.ui.start;

import com.campaignstudio.settings.AppSettings;
import com.campaignstudio.ui.shell.ProjectActions;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.nio.file.Path;
import java.util.ResourceBundle;

/** The start screen: open the demo, create or open a project, or pick a recent one. */
public final class StartController {

    private final ProjectActions actions;
    private final AppSettings settings;
    private final boolean firstRun;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label firstRunBanner;
    @FXML
    private ListView<Path> recentList;

    public StartController(ProjectActions actions, AppSettings settings, boolean firstRun) {
        this.actions = actions;
        this.settings = settings;
        this.firstRun = firstRun;
    }

    @FXML
    private void initialize() {
        boolean showBanner = firstRun || settings.recentProjects().isEmpty();
        firstRunBanner.setVisible(showBanner);
        firstRunBanner.setManaged(showBanner);
        recentList.getItems().setAll(settings.recentProjects());
        recentList.setPlaceholder(new Label(resources.getString("start.recent.empty")));
        recentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "   \u2014   " + item.getParent());
            }
        });
        recentList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        recentList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
    }

    private void openSelected() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            actions.open(selected);
        }
    }

    @FXML
    private void openDemo() {
        actions.openDemo();
    }

    @FXML
    private void newProject() {
        actions.newProject();
    }

    @FXML
    private void openProject() {
        actions.openWithChooser();
    }
}
