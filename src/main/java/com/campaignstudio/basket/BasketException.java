package com.campaignstudio.basket;

import com.campaignstudio.text.Reason;

/** An analysis of baskets that cannot give an answer (no paid orders, an unknown product); the reason says why. */
public final class BasketException extends Exception {

    private final transient Reason reason;

    BasketException(Reason reason) {
        super(reason.english(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
