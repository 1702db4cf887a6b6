package com.campaignstudio.work;

/** Thrown by work that stopped because the user cancelled it; never an error to report. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
