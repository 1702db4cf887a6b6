package com.campaignstudio.segments;

import com.campaignstudio.text.Reason;

/** A segmentation that cannot run as asked; the reason says why and what to change, for the user. */
public final class SegmentationException extends Exception {

    private final transient Reason reason;

    SegmentationException(String key, Object... arguments) {
        super(Reason.of(key, arguments).english(), null, false, false);
        this.reason = Reason.of(key, arguments);
    }

    public Reason reason() {
        return reason;
    }
}
