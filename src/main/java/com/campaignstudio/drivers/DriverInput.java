package com.campaignstudio.drivers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a follower's conversion may be regressed on. Counts are engagement events of one kind (as the segments'
 * facts count them); platform and segment are categories, entered as one 0/1 column per level but the reference.
 */
public enum DriverInput {
    VIEWS("views", "view"),
    LIKES("likes", "like"),
    COMMENTS("comments", "comment"),
    SHARES("shares", "share"),
    CLICKS("clicks", "click"),
    LIVE_WATCH("live_watch", "live_watch"),
    WATCH_MINUTES("watch_minutes", "watch_minutes"),
    TENURE_DAYS("tenure_days", null),
    PLATFORM("platform", null),
    /** The segment of the project's most recent saved segmentation. */
    SEGMENT("segment", null);

    private final String key;
    private final String engagementKind;

    DriverInput(String key, String engagementKind) {
        this.key = key;
        this.engagementKind = engagementKind;
    }

    public String key() {
        return key;
    }

    /** The value of {@code engagement.kind} this input counts, or null. */
    String engagementKind() {
        return engagementKind;
    }

    public boolean categorical() {
        return this == PLATFORM || this == SEGMENT;
    }

    public static DriverInput byKey(String key) throws DriversException {
        for (DriverInput input : values()) {
            if (input.key.equals(key)) {
                return input;
            }
        }
        throw new DriversException("drivers.error.input", key,
                Arrays.stream(values()).map(DriverInput::key).collect(Collectors.joining(", ")));
    }
}
