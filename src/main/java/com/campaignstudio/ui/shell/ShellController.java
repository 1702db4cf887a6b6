package com.campaignstudio.ui.shell;

import com.campaignstudio.AppInfo;
import com.campaignstudio.project.Project;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import com.campaignstudio.ui.common.UiText;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * The window frame: menus, the status bar with background progress and Cancel, and a content area that
 * shows the start screen or the workspace of the open project. Menu commands forward to
 * {@link ProjectActions}.
 */
public final class ShellController {

    private final AppState state;
    private final UiText text;
    private final FxBackgroundRunner runner;
    private final ProjectActions actions;
    private final Runnable chooseLanguage;
    private final Runnable openGuide;
    private final Screens screens;

    @FXML
    private StackPane content;
    @FXML
    private Menu viewMenu;
    @FXML
    private MenuItem importItem;
    @FXML
    private MenuItem projectSettingsItem;
    @FXML
    private MenuItem saveItem;
    @FXML
    private MenuItem saveAsItem;
    @FXML
    private MenuItem restoreItem;
    @FXML
    private MenuItem closeItem;
    @FXML
    private Label statusMessage;
    @FXML
    private Label projectState;
    @FXML
    private ProgressBar progress;
    @FXML
    private Button cancelButton;

    /** Builds the screens the shell switches between. */
    public interface Screens {
        Parent start();

        Parent workspace(Project project);
    }

    /** {@code openGuide} opens the guide at the page of the section on show. */
    public ShellController(AppState state, UiText text, FxBackgroundRunner runner, ProjectActions actions,
                           Runnable chooseLanguage, Runnable openGuide, Screens screens) {
        this.state = state;
        this.text = text;
        this.runner = runner;
        this.actions = actions;
        this.chooseLanguage = chooseLanguage;
        this.openGuide = openGuide;
        this.screens = screens;
    }

    @FXML
    private void initialize() {
        for (Section section : Section.values()) {
            MenuItem item = new MenuItem(text.get(section.titleKey()));
            item.setAccelerator(KeyCombination.keyCombination(section.shortcut()));
            item.setOnAction(event -> state.sectionProperty().set(section));
            item.disableProperty().bind(state.projectProperty().isNull());
            viewMenu.getItems().add(item);
        }
        for (MenuItem item : new MenuItem[]{importItem, projectSettingsItem, saveItem, saveAsItem, restoreItem, closeItem}) {
            item.disableProperty().bind(state.projectProperty().isNull());
        }
        bindStatusBar();
        state.projectProperty().addListener((observable, old, project) -> showScreenFor(project));
        showScreenFor(state.project().orElse(null));
    }

    private void bindStatusBar() {
        runner.currentTaskProperty().addListener((observable, old, task) -> showTask(task));
        projectState.textProperty().bind(Bindings.when(state.unsavedProperty())
                .then(text.get("status.unsaved")).otherwise(""));
    }

    private void showTask(Task<?> task) {
        boolean running = task != null;
        progress.setVisible(running);
        progress.setManaged(running);
        cancelButton.setVisible(running);
        cancelButton.setManaged(running);
        statusMessage.textProperty().unbind();
        progress.progressProperty().unbind();
        if (running) {
            statusMessage.textProperty().bind(task.messageProperty());
            progress.progressProperty().bind(task.progressProperty());
        } else {
            statusMessage.setText(text.get("status.ready"));
        }
    }

    private void showScreenFor(Project project) {
        content.getChildren().setAll(project == null ? screens.start() : screens.workspace(project));
    }

    @FXML
    private void newProject() {
        actions.newProject();
    }

    @FXML
    private void openProject() {
        actions.openWithChooser();
    }

    @FXML
    private void openDemo() {
        actions.openDemo();
    }

    @FXML
    private void importData() {
        actions.importWithChooser();
    }

    @FXML
    private void save() {
        actions.save();
    }

    @FXML
    private void saveAs() {
        actions.saveAs();
    }

    @FXML
    private void restoreBackup() {
        actions.restoreBackup();
    }

    @FXML
    private void closeProject() {
        actions.closeProject(() -> { });
    }

    @FXML
    private void quit() {
        actions.quit();
    }

    @FXML
    private void projectSettings() {
        actions.projectSettings();
    }

    @FXML
    private void chooseLanguage() {
        chooseLanguage.run();
    }

    @FXML
    private void guide() {
        openGuide.run();
    }

    @FXML
    private void about() {
        actions.dialogs().info(AppInfo.NAME, text.get("dialog.about.header", AppInfo.version()),
                text.get("dialog.about.content"));
    }

    @FXML
    private void cancelTask() {
        Task<?> task = runner.currentTaskProperty().get();
        if (task != null) {
            // No interrupt: an interrupted thread would close H2's file channels mid-write. The work
            // checks for cancellation itself between steps.
            task.cancel(false);
        }
    }
}
