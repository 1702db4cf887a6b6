package com.campaignstudio.cli;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into the one-line reason a command prints on stderr: which file, what is wrong, what to do. */
final class CommandFailure {

    private static final Pattern NO_ENUM_CONSTANT = Pattern.compile(
            "No enum constant ((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\.[A-Z][\\w$]*)*)\\.(.*)");

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
        return plainEnumMessage(newline < 0 ? message : message.substring(0, newline));
    }

    /**
     * Java's {@code Enum.valueOf} says "No enum constant com.campaignstudio.forecast.RevenueSeries.Granularity.YEAR";
     * a command that forgot to check a choice still says, in plain words, which value is wrong and which are allowed.
     */
    static String plainEnumMessage(String message) {
        Matcher enumConstant = NO_ENUM_CONSTANT.matcher(message);
        if (!enumConstant.matches()) {
            return message;
        }
        String allowed = enumValues(enumConstant.group(1));
        return "'" + enumConstant.group(2).toLowerCase(Locale.ROOT) + "' is not one of the choices"
                + (allowed.isEmpty() ? "" : ": " + allowed);
    }

    private static String enumValues(String canonicalName) {
        String binaryName = canonicalName;
        while (true) {
            try {
                Object[] constants = Class.forName(binaryName).getEnumConstants();
                return constants == null ? "" : String.join(", ", Arrays.stream(constants)
                        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            } catch (ClassNotFoundException e) {
                int dot = binaryName.lastIndexOf('.');
                if (dot < 0) {
                    return "";
                }
                binaryName = binaryName.substring(0, dot) + '$' + binaryName.substring(dot + 1);
            }
        }
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
