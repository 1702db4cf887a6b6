package com.campaignstudio.schedule;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which posts a best-time heat map is made of, and how it is read.
 *
 * @param platform     platform code
 * @param format       only posts of this format, or all formats
 * @param priorPosts   strength of the pull toward the platform's rate, in posts' worth (see {@link SlotRates})
 * @param projectZone  the zone the stored wall-clock publication times are in
 * @param platformZone the zone the slots' weekdays and hours are read in (the platform's audience)
 */
public record SlotQuery(String platform, Optional<String> format, double priorPosts, ZoneId projectZone,
                        ZoneId platformZone) {

    /** The default strength of the pull: three posts' worth. */
    public static final double DEFAULT_PRIOR_POSTS = 3;

    public SlotQuery {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(format);
        Objects.requireNonNull(projectZone);
        Objects.requireNonNull(platformZone);
        if (!(priorPosts >= 0) || Double.isInfinite(priorPosts)) {
            throw new IllegalArgumentException("priorPosts must be a finite number >= 0: " + priorPosts);
        }
    }

    /** All formats of a platform, default pull, hours read in the project's zone. */
    public static SlotQuery of(String platform, ZoneId projectZone) {
        return new SlotQuery(platform, Optional.empty(), DEFAULT_PRIOR_POSTS, projectZone, projectZone);
    }
}
