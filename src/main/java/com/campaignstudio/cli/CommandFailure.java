package com.campaignstudio.cli;

/** Turns an exception into the one-line reason a command prints on stderr. */
final class CommandFailure {

    private CommandFailure() {
    }

    static String oneLine(Throwable exception) {
        Throwable root = exception;
        String message = exception.getMessage();
        while ((message == null || message.isBlank()) && root.getCause() != null) {
            root = root.getCause();
            message = root.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
