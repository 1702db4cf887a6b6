package com.campaignstudio.project;

import java.nio.file.Path;

/** A project file that cannot be opened, with the kind of problem so that the UI can say what to do. */
public final class ProjectOpenException extends Exception {

    /** Why a file could not be opened. The file itself is never modified in any of these cases. */
    public enum Problem {
        /** Not a Campaign Studio project at all (another kind of file). */
        NOT_A_PROJECT,
        /** A project whose content is incomplete or fails its checksum. */
        DAMAGED,
        /** Written by a newer version of the application, with a schema this version does not know. */
        NEWER_VERSION,
        /** Already open in another running instance of the application. */
        IN_USE,
        /** Contains database objects that could run code (linked tables, triggers, Java functions). */
        UNSAFE_CONTENT,
        /** The file could not be read (permissions, missing, disk error). */
        UNREADABLE
    }

    private final Problem problem;
    private final Path file;

    public ProjectOpenException(Problem problem, Path file, String detail) {
        this(problem, file, detail, null);
    }

    public ProjectOpenException(Problem problem, Path file, String detail, Throwable cause) {
        super(file.getFileName() + ": " + detail, cause);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
