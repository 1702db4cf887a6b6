package com.campaignstudio.ui.shell;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectSettings;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Optional;

/**
 * What the window shows: the open project (if any), whether it has unsaved changes, and the section in
 * view. Uses {@code javafx.beans} only, so it is tested without a toolkit.
 */
public final class AppState {

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DASHBOARD);
    private final ReadOnlyObjectWrapper<Long> dataVersion = new ReadOnlyObjectWrapper<>(0L);
    private ProjectSettings settings = ProjectSettings.NONE;

    // Properties

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Optional<Project> project() {
        return Optional.ofNullable(project.get());
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** Increases when data was imported or removed, so that views showing data read it again. */
    public ReadOnlyObjectProperty<Long> dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    /** The open project's settings and platforms (read when it opened and after every change of its data). */
    public ProjectSettings settings() {
        return settings;
    }

    // Commands

    public void setSettings(ProjectSettings read) {
        settings = read;
    }

    public void dataChanged() {
        dataVersion.set(dataVersion.get() + 1);
    }

    /** The open project, or null; setting the same project again (after a save) only refreshes its saved state. */
    public void setProject(Project opened) {
        boolean another = project.get() != opened;
        project.set(opened);
        unsaved.set(opened != null && opened.hasUnsavedChanges());
        if (opened != null && another) {
            opened.onChange(() -> runOnFxThread(() -> {
                if (project.get() == opened) {
                    unsaved.set(opened.hasUnsavedChanges());
                }
            }));
        }
    }

    private static void runOnFxThread(Runnable action) {
        if (isFxThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static boolean isFxThread() {
        try {
            return Platform.isFxApplicationThread();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
