package com.campaignstudio.budget;

import com.campaignstudio.text.Reason;

/** The history cannot carry a response fit; the message key says what to change. */
public final class BudgetFitException extends IllegalArgumentException {

    private final transient Reason reason;

    BudgetFitException(String key, Object... arguments) {
        super(key);
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
