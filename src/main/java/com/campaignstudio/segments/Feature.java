package com.campaignstudio.segments;

import java.util.List;

/**
 * What can describe a follower for segmentation (domain.md section 3). Counts and money are heavy-tailed,
 * so they are log1p-transformed by default; days are not.
 */
public enum Feature {
    RECENCY_DAYS("recency_days", null, false),
    TENURE_DAYS("tenure_days", null, false),
    INTERACTIONS("interactions", null, true),
    ORDERS("orders", null, true),
    MONETARY("monetary", null, true),
    VIEWS("views", "view", true),
    LIKES("likes", "like", true),
    COMMENTS("comments", "comment", true),
    SHARES("shares", "share", true),
    FAVOURITES("favourites", "favourite", true),
    CLICKS("clicks", "click", true),
    LIVE_WATCH("live_watch", "live_watch", true),
    WATCH_MINUTES("watch_minutes", "watch_minutes", true),
    /** One 0/1 column per platform; a follower belongs to exactly one. */
    PLATFORM("platform", null, false);

    /**
     * The eight features of a default run: how recently and how a follower engages. Money is left out on
     * purpose: most followers never pay, so a money feature splits buyers from the rest and hides how people
     * behave; revenue ranks the segments instead (their potential label).
     */
    public static final List<Feature> DEFAULTS = List.of(RECENCY_DAYS, VIEWS, LIKES, COMMENTS, SHARES, LIVE_WATCH,
            WATCH_MINUTES, CLICKS);

    private final String key;
    private final String engagementKind;
    private final boolean heavyTailed;

    Feature(String key, String engagementKind, boolean heavyTailed) {
        this.key = key;
        this.engagementKind = engagementKind;
        this.heavyTailed = heavyTailed;
    }

    public String key() {
        return key;
    }

    /** The value of {@code engagement.kind} this feature counts, or null. */
    public String engagementKind() {
        return engagementKind;
    }

    /** Whether log1p is applied by default. */
    public boolean heavyTailed() {
        return heavyTailed;
    }

    public static Feature byKey(String key) {
        for (Feature feature : values()) {
            if (feature.key.equals(key)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + key + "'; features: "
                + String.join(", ", java.util.Arrays.stream(values()).map(Feature::key).toList()));
    }
}
