package com.campaignstudio.basket;

import java.util.Locale;

/**
 * What one basket is: everything a customer bought across their paid orders, or what one paid order held. Rules
 * by customer say "people who bought A also bought B, at some time"; rules by order say "bought in the same order",
 * which for knowledge products (mostly one per order) are rarer.
 */
public enum BasketUnit {
    CUSTOMER, ORDER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BasketUnit byKey(String key) {
        for (BasketUnit unit : values()) {
            if (unit.key().equalsIgnoreCase(key)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a basket unit; the units: customer, order");
    }
}
