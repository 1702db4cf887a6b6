package com.campaignstudio.schedule;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One post of a plan: where and when it goes out (wall-clock time in the project's time zone), its format and topic,
 * and money spent to boost it. A locked post stays where the user put it when the suggester fills the rest.
 */
public record PlannedPost(String platform, LocalDateTime at, String format, String topic, double boost,
                          boolean locked) {

    public PlannedPost {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(at, "at");
        format = format == null || format.isBlank() ? "other" : format;
        topic = topic == null ? "" : topic;
        if (!(boost >= 0) || Double.isInfinite(boost)) {
            throw new IllegalArgumentException("boost spend " + boost + " is not an amount");
        }
    }

    public static PlannedPost of(String platform, LocalDateTime at, String format) {
        return new PlannedPost(platform, at, format, "", 0, false);
    }

    public PlannedPost movedTo(String newPlatform, LocalDateTime newAt) {
        return new PlannedPost(newPlatform, newAt, format, topic, boost, locked);
    }

    public PlannedPost withLocked(boolean newLocked) {
        return new PlannedPost(platform, at, format, topic, boost, newLocked);
    }

    /** Monday = 0 ... Sunday = 6, times 24, plus the hour: the index of the post's weekday-by-hour slot. */
    public int slot() {
        return Slots.of(at);
    }
}
