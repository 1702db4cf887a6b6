package com.campaignstudio.schedule;

import java.util.Map;
import java.util.Optional;

/**
 * The user's choices behind a schedule model.
 *
 * @param priorPosts    how many posts' worth the platform mean weighs in a slot's rate (the shrinkage k)
 * @param fatigue       φ of {@link ScheduleModel}
 * @param halfLifeHours per platform, a half-life the user set, used instead of the fitted or default one
 * @param platformZones per platform, the time zone its audience lives in, as a zone id ("Asia/Shanghai")
 * @param draws         Monte Carlo draws
 * @param seed          seed of the draws
 */
public record ScheduleSettings(double priorPosts, double fatigue, Map<String, Double> halfLifeHours,
                               Map<String, String> platformZones, int draws, long seed) {

    public static final long DEFAULT_SEED = 20261130L;

    public ScheduleSettings {
        if (!(priorPosts >= 0)) {
            throw new IllegalArgumentException("a prior of " + priorPosts + " posts");
        }
        halfLifeHours = Map.copyOf(halfLifeHours);
        platformZones = Map.copyOf(platformZones);
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(SlotQuery.DEFAULT_PRIOR_POSTS, ScheduleModel.DEFAULT_FATIGUE, Map.of(), Map.of(),
                ScheduleModel.DEFAULT_DRAWS, DEFAULT_SEED);
    }

    public Optional<Double> halfLifeOverride(String platform) {
        return Optional.ofNullable(halfLifeHours.get(platform));
    }

    public ScheduleSettings withHalfLife(String platform, double hours) {
        var changed = new java.util.HashMap<>(halfLifeHours);
        changed.put(platform, hours);
        return new ScheduleSettings(priorPosts, fatigue, changed, platformZones, draws, seed);
    }

    public ScheduleSettings withPriorPosts(double posts) {
        return new ScheduleSettings(posts, fatigue, halfLifeHours, platformZones, draws, seed);
    }

    public ScheduleSettings withFatigue(double newFatigue) {
        return new ScheduleSettings(priorPosts, newFatigue, halfLifeHours, platformZones, draws, seed);
    }

    public ScheduleSettings withZone(String platform, String zone) {
        var changed = new java.util.HashMap<>(platformZones);
        changed.put(platform, zone);
        return new ScheduleSettings(priorPosts, fatigue, halfLifeHours, changed, draws, seed);
    }
}
