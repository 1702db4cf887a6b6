package com.campaignstudio.importer;

/** A cell value that cannot be read as what its column holds; the message says why, for the user. */
public final class ValueException extends Exception {

    public ValueException(String reason) {
        super(reason, null, false, false);
    }
}
