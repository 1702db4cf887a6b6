package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;

/**
 * An import that cannot start or go on; says what is wrong, naming the file, as a {@link Reason} so that each
 * user reads it in their own language (the message is the English, for the command line).
 */
public final class ImportException extends Exception {

    private final Reason reason;

    public ImportException(Reason reason) {
        this(reason, null);
    }

    public ImportException(Reason reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    /** A message of the command line's own, in English only. */
    public ImportException(String message) {
        this(Reason.literal(message));
    }

    public Reason reason() {
        return reason;
    }
}
