package com.campaignstudio.funnels;

import com.campaignstudio.text.Reason;

/** A funnel or live-session summary that cannot be made; the reason says why and what to try. */
public final class FunnelException extends Exception {

    private final transient Reason reason;

    public FunnelException(String key, Object... arguments) {
        super(Reason.of(key, arguments).english(), null, false, false);
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
