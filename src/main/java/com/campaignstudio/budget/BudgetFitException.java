package com.campaignstudio.budget;

import com.campaignstudio.text.Reason;

/** The history cannot carry a response fit; the message key says what to change. */
public final class BudgetFitException extends IllegalArgumentException {

    private final transient Reason reason;

    BudgetFitException(String key, Object... arguments) {
        super(key);
        this.reason = Reason.of(key, arguments);
    }

    /** A reason from elsewhere (the lifetime-value model behind the LTV outcome) passed on as it is. */
    BudgetFitException(Reason reason) {
        super(reason.key());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
