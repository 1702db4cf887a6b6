package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
/** A cell value that cannot be read as what its column holds; the reason says why, for the user. */
public final class ValueException extends Exception {

    private final transient Reason reason;

    ValueException(String key, Object... arguments) {
        this(Reason.of(key, arguments));
    }

    ValueException(Reason reason) {
        super(reason.english(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
