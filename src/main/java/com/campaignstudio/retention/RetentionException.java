package com.campaignstudio.retention;

import com.campaignstudio.text.Reason;

/** A retention table that cannot be made; the reason says why and what to try. */
public final class RetentionException extends Exception {

    private final transient Reason reason;

    RetentionException(String key, Object... arguments) {
        super(Reason.of(key, arguments).english(), null, false, false);
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
