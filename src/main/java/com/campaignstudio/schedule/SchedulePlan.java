package com.campaignstudio.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A plan: the posts laid out over a period of {@code days} days from {@code start}. Outcomes are counted until
 * {@code tailDays} after the period ends, as a post published on its last evening keeps being seen.
 */
public record SchedulePlan(LocalDateTime start, int days, int tailDays, List<PlannedPost> posts) {

    public static final int DEFAULT_TAIL_DAYS = 7;

    public SchedulePlan {
        if (days < 1 || days > 62) {
            throw new IllegalArgumentException("a plan covers 1 to 62 days, not " + days);
        }
        if (tailDays < 0) {
            throw new IllegalArgumentException("tail of " + tailDays + " days");
        }
        posts = List.copyOf(posts);
    }

    public static SchedulePlan week(LocalDateTime start, List<PlannedPost> posts) {
        return new SchedulePlan(start, 7, DEFAULT_TAIL_DAYS, posts);
    }

    public LocalDateTime end() {
        return start.plusDays(days);
    }

    /** Where outcomes stop being counted. */
    public LocalDateTime horizon() {
        return end().plusDays(tailDays);
    }

    /** Hours from the start of the plan to {@code at}. */
    public double hoursFromStart(LocalDateTime at) {
        return Duration.between(start, at).toSeconds() / 3600.0;
    }

    public int hours() {
        return (days + tailDays) * 24;
    }

    public boolean covers(LocalDateTime at) {
        return !at.isBefore(start) && at.isBefore(end());
    }

    public SchedulePlan withPosts(List<PlannedPost> newPosts) {
        return new SchedulePlan(start, days, tailDays, newPosts);
    }
}
