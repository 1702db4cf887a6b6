package com.campaignstudio.project;

import java.nio.file.Path;

/**
 * The project file changed on disk since it was opened (a teammate saved it through a shared folder),
 * so saving would overwrite their work. The caller offers to save a copy instead, or to overwrite.
 */
public final class SaveConflictException extends Exception {

    private final Path file;

    public SaveConflictException(Path file) {
        super(file.getFileName() + " was changed by someone else since you opened it");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
