package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;
import com.campaignstudio.stats.Proportion;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live sessions grouped by what they were like, pooled by hand. */
class LiveFeaturesTest {

    private static final Map<Integer, Label> PLATFORMS = Map.of(1, new Label("douyin", "Douyin", "抖音"),
            2, new Label("kuaishou", "Kuaishou", "快手"));

    private static LiveSession session(long id, int platform, LocalDateTime start, int minutes, long viewers,
                                       long buyers) {
        return new LiveSession(id, platform, start, minutes, viewers, OptionalLong.empty(), buyers, buyers * 100.0);
    }

    /**
     * Thursday 5 March 2026 20:00, 60 min, 1,000 viewers, 100 buyers (Douyin); Saturday 7 March 10:00, 45 min, 500
     * viewers, 10 buyers (Douyin); Sunday 8 March 23:30, 150 min, 12,000 viewers, 120 buyers (Kuaishou); Monday 9
     * March 14:00, 95 min, 2,000 viewers, 40 buyers (Kuaishou).
     */
    private static final List<LiveSession> SESSIONS = List.of(
            session(1, 1, LocalDateTime.of(2026, 3, 5, 20, 0), 60, 1000, 100),
            session(2, 1, LocalDateTime.of(2026, 3, 7, 10, 0), 45, 500, 10),
            session(3, 2, LocalDateTime.of(2026, 3, 8, 23, 30), 150, 12_000, 120),
            session(4, 2, LocalDateTime.of(2026, 3, 9, 14, 0), 95, 2000, 40));

    private static LiveFeatures.Comparison of(LiveFeatures.Feature feature) {
        return LiveFeatures.compare(SESSIONS, PLATFORMS).stream().filter(c -> c.feature() == feature).findFirst()
                .orElseThrow();
    }

    private static List<String> keys(LiveFeatures.Comparison comparison) {
        return comparison.groups().stream().map(f -> f.label().key()).toList();
    }

    private static List<Proportion> rates(LiveFeatures.Comparison comparison) {
        return comparison.groups().stream().map(f -> f.conversion().orElseThrow()).toList();
    }

    @Test
    void eachFeatureGroupsTheSessionsAndPoolsTheirViewersAndBuyers() {
        LiveFeatures.Comparison platform = of(LiveFeatures.Feature.PLATFORM);
        assertEquals(List.of("douyin", "kuaishou"), keys(platform));
        assertEquals(List.of(Proportion.of(110, 1500), Proportion.of(160, 14_000)), rates(platform));
        assertEquals(List.of(2L, 2L), platform.groups().stream().map(LiveFigures::sessions).toList());

        LiveFeatures.Comparison length = of(LiveFeatures.Feature.LENGTH);
        assertEquals(List.of("1-under60", "2-60to89", "3-90to119", "5-150plus"), keys(length), "no 120-149 session");
        assertEquals(List.of(Proportion.of(10, 500), Proportion.of(100, 1000), Proportion.of(40, 2000),
                Proportion.of(120, 12_000)), rates(length));
        assertEquals("60\u201389 minutes", length.groups().get(1).label().english());

        LiveFeatures.Comparison time = of(LiveFeatures.Feature.TIME_OF_DAY);
        assertEquals(List.of("1-morning", "2-afternoon", "3-evening", "4-night"), keys(time));

        LiveFeatures.Comparison day = of(LiveFeatures.Feature.DAY_OF_WEEK);
        assertEquals(List.of("1-weekday", "2-weekend"), keys(day));
        assertEquals(List.of(Proportion.of(140, 3000), Proportion.of(130, 12_500)), rates(day));

        LiveFeatures.Comparison audience = of(LiveFeatures.Feature.AUDIENCE);
        assertEquals(List.of("1-under1000", "2-1000to2999", "4-10000plus"), keys(audience));
        assertEquals(List.of(Proportion.of(10, 500), Proportion.of(140, 3000), Proportion.of(120, 12_000)),
                rates(audience));
    }

    @Test
    void theBestAndWorstGroupsAreSeparatedOnlyWhenTheirIntervalsDoNotOverlap() {
        LiveFeatures.Comparison platform = of(LiveFeatures.Feature.PLATFORM);
        assertEquals("douyin", platform.best().orElseThrow().label().key());
        assertEquals("kuaishou", platform.worst().orElseThrow().label().key());
        // 110 / 1,500 = 7.3% [6.1%, 8.8%] against 160 / 14,000 = 1.1% [1.0%, 1.3%]
        assertTrue(platform.separated());
        LiveFeatures.Comparison close = LiveFeatures.compare(List.of(
                session(1, 1, LocalDateTime.of(2026, 3, 5, 20, 0), 60, 100, 10),
                session(2, 2, LocalDateTime.of(2026, 3, 6, 20, 0), 60, 100, 12)), PLATFORMS).getFirst();
        assertFalse(close.separated(), "10 of 100 and 12 of 100 could be the same rate");
        LiveFeatures.Comparison one = of(LiveFeatures.Feature.TIME_OF_DAY);
        LiveFeatures.Comparison single = LiveFeatures.compare(SESSIONS.subList(0, 1), PLATFORMS).get(2);
        assertEquals(1, single.groups().size());
        assertFalse(single.separated(), "one group has nothing to differ from");
        assertEquals(4, one.groups().size());
    }
}
