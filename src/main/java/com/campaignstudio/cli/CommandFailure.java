package com.campaignstudio.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into the one-line reason a command prints on stderr: which file, what is wrong, what to do. */
final class CommandFailure {

    private CommandFailure() {
    }

    static String oneLine(Throwable exception) {
        Throwable top = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
        if (top instanceof FileSystemException problem) {
            return describe(problem);
        }
        Throwable root = exception;
        String message = exception.getMessage();
        while ((message == null || message.isBlank()) && root.getCause() != null) {
            root = root.getCause();
            message = root.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = "an unexpected " + root.getClass().getSimpleName() + " (please report it with the command you ran)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Java's file errors carry only a path, or the operating system's terse reason; say it in full. */
    static String describe(FileSystemException problem) {
        String file = problem.getFile() == null ? "a file" : problem.getFile();
        String reason = problem.getReason() == null ? "" : problem.getReason();
        String what;
        if (problem instanceof NoSuchFileException) {
            what = "there is no such file or folder; check the path";
        } else if (problem instanceof AccessDeniedException) {
            what = "permission denied; check who owns it, or choose another place";
        } else if (problem instanceof FileAlreadyExistsException) {
            what = "it already exists; choose another name or remove it first";
        } else if (problem instanceof NotDirectoryException) {
            what = "this is a file, not a folder";
        } else if (reason.contains("Is a directory")) {
            what = "this is a folder; give the path of a file";
        } else if (reason.contains("No space left")) {
            what = "the disk is full; free some space and run the command again";
        } else if (reason.contains("Read-only file system")) {
            what = "the disk is read-only; choose a place you can write to";
        } else {
            what = reason.isEmpty() ? "it could not be used" : reason;
        }
        return file + ": " + what + (problem.getOtherFile() == null ? "" : " (with " + problem.getOtherFile() + ")");
    }
}
