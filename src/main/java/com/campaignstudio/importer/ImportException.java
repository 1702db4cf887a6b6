package com.campaignstudio.importer;

/** An import that cannot start or go on; the message names the file and what is wrong, for the user. */
public final class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
