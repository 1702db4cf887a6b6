package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;

/** A lifetime-value run that cannot give an answer; the reason says why and what to try. */
public final class LtvException extends Exception {

    private final transient Reason reason;

    LtvException(String key, Object... arguments) {
        super(Reason.of(key, arguments).english(), null, false, false);
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
