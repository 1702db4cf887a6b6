package com.campaignstudio.schedule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platforms a plan can use and how posts on one platform tire its audience.
 *
 * <p>Fatigue: a post published while an earlier post on the same platform is still being seen shares that
 * post's audience. Its reach is multiplied by (1 − φ·e^(−λΔ)) for each earlier post Δ hours before it: e^(−λΔ)
 * is the share of the earlier post's reach still to come, and φ ({@code fatigue}, 0 to 1, default
 * {@link #DEFAULT_FATIGUE}) how much of an overlapping audience is lost. The factor is never below 0 nor above 1,
 * and two posts a few half-lives apart are worth two separate posts.
 */
public record ScheduleModel(Map<String, PlatformModel> platforms, double fatigue, int draws, long seed) {

    public static final double DEFAULT_FATIGUE = 0.5;
    public static final int DEFAULT_DRAWS = 10_000;

    public ScheduleModel {
        if (!(fatigue >= 0 && fatigue <= 1)) {
            throw new IllegalArgumentException("fatigue " + fatigue + " is not between 0 and 1");
        }
        if (draws < 100) {
            throw new IllegalArgumentException(draws + " draws are too few for an 80% interval");
        }
        platforms = Map.copyOf(platforms);
    }

    public Optional<PlatformModel> platform(String code) {
        return Optional.ofNullable(platforms.get(code));
    }

    public Set<String> platformCodes() {
        return platforms.keySet();
    }

    public ScheduleModel withFatigue(double newFatigue) {
        return new ScheduleModel(platforms, newFatigue, draws, seed);
    }
}
