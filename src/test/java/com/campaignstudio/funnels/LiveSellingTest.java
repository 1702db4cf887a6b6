package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live-stream selling figures against domain.md's worked example and sums done by hand. */
class LiveSellingTest {

    private static final Map<Integer, Label> PLATFORMS = Map.of(1, new Label("douyin", "Douyin", "抖音"),
            2, new Label("kuaishou", "Kuaishou", "快手"));

    private static LiveSession session(long id, int platform, LocalDateTime start, int minutes, long viewers,
                                       Long engaged, long buyers, double revenue) {
        return new LiveSession(id, platform, start, minutes, viewers,
                engaged == null ? OptionalLong.empty() : OptionalLong.of(engaged), buyers, revenue);
    }

    @Test
    void aThousandViewersAndAHundredBuyersConvertAtTenPercent() throws Exception {
        LiveResult result = LiveSelling.summarize(List.of(session(1, 1, LocalDateTime.of(2026, 3, 5, 20, 0), 120, 1000,
                300L, 100, 24_000)), PLATFORMS, Period.MONTH);
        LiveFigures session = result.sessions().getFirst();
        Proportion conversion = session.conversion().orElseThrow();
        assertEquals(0.10, conversion.rate(), 1e-15);
        assertEquals(Proportion.of(100, 1000), conversion);
        assertEquals(Proportion.of(300, 1000), session.engagedShare().orElseThrow());
        assertEquals(Proportion.of(100, 300), session.buyersPerEngaged().orElseThrow());
        assertEquals(24_000 / (1000.0 * 120), session.revenuePerViewerMinute().orElseThrow(), 1e-12);
    }

    @Test
    void sessionsArePooledByPlatformAndPeriodWeightedByTheirViewers() throws Exception {
        LiveResult result = LiveSelling.summarize(List.of(
                session(1, 1, LocalDateTime.of(2026, 3, 5, 20, 0), 60, 1000, null, 100, 6000),
                session(2, 1, LocalDateTime.of(2026, 3, 9, 20, 0), 120, 3000, 900L, 60, 3000),
                session(3, 2, LocalDateTime.of(2026, 4, 2, 20, 0), 90, 500, null, 25, 1500)), PLATFORMS, Period.MONTH);
        LiveFigures douyin = result.byPlatform().getFirst();
        assertEquals("douyin", douyin.label().key());
        assertEquals(Proportion.of(160, 4000), douyin.conversion().orElseThrow(), "pooled: 160 of 4,000, not 6%");
        assertEquals(Proportion.of(900, 3000), douyin.engagedShare().orElseThrow(), "only the session with engaged");
        assertEquals(9000 / (1000.0 * 60 + 3000.0 * 120), douyin.revenuePerViewerMinute().orElseThrow(), 1e-12);
        assertEquals(List.of("2026-03", "2026-04"), result.byPeriod().stream().map(f -> f.label().key()).toList());
        assertEquals(Proportion.of(25, 500), result.byPeriod().get(1).conversion().orElseThrow());
        assertEquals(Proportion.of(185, 4500), result.total().conversion().orElseThrow());
        assertEquals(10_500, result.total().revenue(), 1e-9);
        assertEquals(List.of(), result.notes());
    }

    @Test
    void impossibleSessionsKeepTheirRevenueButLeaveTheRates() throws Exception {
        LiveResult result = LiveSelling.summarize(List.of(
                session(1, 1, LocalDateTime.of(2026, 3, 5, 20, 0), 60, 0, null, 0, 0),
                session(2, 1, LocalDateTime.of(2026, 3, 6, 20, 0), 60, 10, null, 12, 500),
                session(3, 1, LocalDateTime.of(2026, 3, 7, 20, 0), 60, 100, null, 5, 100)), PLATFORMS, Period.WEEK);
        assertTrue(result.sessions().getFirst().conversion().isEmpty(), "no viewers: no rate, and no NaN");
        assertTrue(result.sessions().get(1).conversion().isEmpty(), "12 buyers of 10 viewers");
        assertEquals(Proportion.of(5, 100), result.total().conversion().orElseThrow());
        assertEquals(600, result.total().revenue(), 1e-9);
        assertEquals("live.note.impossible", result.notes().getFirst().key());
        FunnelException none = assertThrows(FunnelException.class,
                () -> LiveSelling.summarize(List.of(), PLATFORMS, Period.MONTH));
        assertEquals("live.error.noSessions", none.reason().key());
    }
}
