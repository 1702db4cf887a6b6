package com.campaignstudio.portrait;

/**
 * A trait of the portrait. Demographic traits and tenure describe every follower (missing values as "unknown");
 * spending level and products describe only the buyers among them, so their shares are of buyers, and a buyer of
 * several products counts once under each.
 */
public enum Trait {
    GENDER("gender", false), AGE("age", false), REGION("region", false), PLATFORM("platform", false),
    TENURE("tenure", false), PRICE_BAND("price", true), PRODUCT("product", true);

    private final String key;
    private final boolean ofBuyers;

    Trait(String key, boolean ofBuyers) {
        this.key = key;
        this.ofBuyers = ofBuyers;
    }

    /** The code used in exports and message keys ({@code portrait.trait.*}). */
    public String key() {
        return key;
    }

    /** Whether the trait's shares are of the group's buyers rather than of all its followers. */
    public boolean ofBuyers() {
        return ofBuyers;
    }
}
