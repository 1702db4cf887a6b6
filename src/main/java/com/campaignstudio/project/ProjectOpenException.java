package com.campaignstudio.project;

import com.campaignstudio.text.Reason;

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
    private final Backups.Backup goodBackup;
    private final Reason reason;

    public ProjectOpenException(Problem problem, Path file, Reason reason) {
        this(problem, file, reason, null);
    }

    public ProjectOpenException(Problem problem, Path file, Reason reason, Throwable cause) {
        this(file.getFileName() + ": " + reason.english(), reason, problem, file, null, cause);
    }

    private ProjectOpenException(String message, Reason reason, Problem problem, Path file, Backups.Backup goodBackup,
                                 Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
        this.goodBackup = goodBackup;
        this.reason = reason;
    }

    /** The same problem, naming {@code backup} as the newest intact version and how to restore it. */
    ProjectOpenException withGoodBackup(Backups.Backup backup) {
        String advice = "; the newest intact backup is from " + backup.describeTime()
                + ": restore it with the application's Restore button or with: campaign-studio restore --project \""
                + file + "\"";
        return new ProjectOpenException(getMessage() + advice, reason, problem, file, backup, this);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    /**
     * What is wrong, for the user's language (the message says it in English, for the command line, with advice
     * on backups).
     */
    public Reason reason() {
        return reason;
    }

    /** For a damaged file: the newest backup that passed its checksum, if there is one. */
    public java.util.Optional<Backups.Backup> goodBackup() {
        return java.util.Optional.ofNullable(goodBackup);
    }
}
