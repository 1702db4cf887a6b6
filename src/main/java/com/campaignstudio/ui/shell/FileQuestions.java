package com.campaignstudio.ui.shell;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/**
 * Asks for a project file with a file chooser: the system's dialog in the application. JavaFX without a display
 * has no file dialogs, so a UI test answers in its place, after it has seen what was asked (the chooser's title,
 * folder and suggested name).
 */
@FunctionalInterface
public interface FileQuestions {

    /** Whether a file is chosen to be opened or to be written. */
    enum Kind {
        OPEN, SAVE
    }

    /** The system's file dialogs. */
    FileQuestions SYSTEM = (chooser, kind, owner) -> kind == Kind.OPEN ? chooser.showOpenDialog(owner)
            : chooser.showSaveDialog(owner);

    /** The file chosen with {@code chooser}, or null when the user cancelled. */
    File ask(FileChooser chooser, Kind kind, Window owner);
}
