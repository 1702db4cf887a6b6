package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;

/**
 * A file that stopped being readable part-way (raised while iterating rows); says why as a {@link Reason}, for the
 * user's language (the message is the English).
 */
public final class SourceException extends RuntimeException {

    private final Reason reason;

    public SourceException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
