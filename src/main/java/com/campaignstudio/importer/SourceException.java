package com.campaignstudio.importer;

/** A file that stopped being readable part-way (raised while iterating rows); the message is for the user. */
public final class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }
}
