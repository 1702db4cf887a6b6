package com.campaignstudio.experiments;

import com.campaignstudio.text.Reason;

/**
 * Experiment input that cannot be analysed (no visitors, more conversions than visitors, a power of 1.5); the
 * reason says what is wrong and what to type instead, in the user's language. Unchecked, because records check
 * their fields in their constructors.
 */
public final class ExperimentException extends IllegalArgumentException {

    private final transient Reason reason;

    ExperimentException(String key, Object... arguments) {
        super(Reason.of(key, arguments).english());
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
