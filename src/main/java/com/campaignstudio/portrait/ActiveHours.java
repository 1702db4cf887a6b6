package com.campaignstudio.portrait;

/**
 * When a group interacts: interactions (engagement rows weighted by their count) per weekday × hour slot, Monday
 * first, in the project's wall-clock time.
 */
public record ActiveHours(long[] counts) {

    public ActiveHours {
        if (counts.length != AudienceTable.SLOTS) {
            throw new IllegalArgumentException("a week has " + AudienceTable.SLOTS + " hourly slots, not " + counts.length);
        }
        counts = counts.clone();
    }

    /** Interactions on {@code weekday} (0 = Monday) at {@code hour} (0–23). */
    public long at(int weekday, int hour) {
        return counts[weekday * 24 + hour];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The share of all the group's interactions in one slot (0 without interactions). */
    public double share(int weekday, int hour) {
        long total = total();
        return total == 0 ? 0 : (double) at(weekday, hour) / total;
    }
}
