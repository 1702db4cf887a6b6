package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;
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

    @Test
    void poolingCountsOnlyWhatEachSessionCanSupport() throws Exception {
        LocalDateTime march = LocalDateTime.of(2026, 3, 5, 20, 0);
        LiveResult result = LiveSelling.summarize(List.of(
                // Everyone engaged and bought: a possible session, 100% each way.
                session(1, 1, march, 60, 100, 100L, 100, 1000),
                // Nobody bought.
                session(2, 1, march, 60, 200, 50L, 0, 0),
                // No minutes recorded: counted in the rates, not in revenue per viewer-minute.
                session(3, 1, march, 0, 300, null, 30, 900),
                // No viewers: revenue only.
                session(4, 1, march, 30, 0, null, 0, 500),
                // More engaged than viewers: impossible, left out of the engaged rates (its buyers still count).
                session(5, 1, march, 60, 10, 20L, 5, 100),
                // More buyers than engaged, on a platform with no name: left out of the engaged rates only.
                session(6, 9, march, 60, 10, 4L, 5, 0)), PLATFORMS, Period.MONTH);
        LiveFigures total = result.total();
        assertEquals(6, total.sessions());
        assertEquals(2500, total.revenue(), 1e-9);
        // Viewers and buyers of all but none: 100 + 200 + 300 + 0 + 10 + 10 = 620, 100 + 0 + 30 + 0 + 5 + 5 = 140.
        assertEquals(620, total.viewers());
        assertEquals(140, total.buyers());
        assertEquals(Proportion.of(140, 620), total.conversion().orElseThrow());
        // Engaged rates over sessions 1 and 2: 150 of 300 viewers engaged, 100 of the 150 bought.
        assertEquals(Proportion.of(150, 300), total.engagedShare().orElseThrow());
        assertEquals(Proportion.of(100, 150), total.buyersPerEngaged().orElseThrow());
        // Viewer-minutes of sessions 1, 2, 5, 6: 6,000 + 12,000 + 600 + 600; their revenue 1,000 + 100.
        assertEquals(1100 / 19_200.0, total.revenuePerViewerMinute().orElseThrow(), 1e-15);
        assertEquals(List.of(Reason.of("live.note.impossible", 1)), result.notes());
        assertEquals(List.of("douyin", "unknown"), result.byPlatform().stream().map(f -> f.label().key()).toList());
        assertEquals(List.of(5L, 1L), result.byPlatform().stream().map(LiveFigures::sessions).toList());
        assertTrue(result.sessions().get(3).conversion().isEmpty(), "no viewers");
        assertTrue(result.sessions().get(3).revenuePerViewerMinute().isEmpty());
        assertTrue(result.sessions().get(5).engagedShare().isEmpty(), "5 buyers of 4 engaged");
        assertEquals(Proportion.of(5, 10), result.sessions().get(5).conversion().orElseThrow());
        assertEquals(List.of("6", "2026-03-05 20:00"), List.of(result.sessions().get(5).label().key(),
                result.sessions().get(5).label().english()));
    }

    @Test
    void sessionsAreReadFromTheProjectOldestFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        try (com.campaignstudio.project.Project project = com.campaignstudio.project.Project.create(
                com.campaignstudio.project.ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                java.time.ZoneId.of("Asia/Shanghai"))) {
            int douyin = project.database().read(c -> {
                try (var statement = c.createStatement();
                     var rs = statement.executeQuery("SELECT id FROM platform WHERE code = 'douyin'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            project.database().transaction(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("INSERT INTO live_session (id, platform_id, started_at, minutes, viewers, engaged,"
                            + " buyers, revenue) VALUES (7, " + douyin + ", TIMESTAMP '2026-04-02 20:00:00', 90, 500,"
                            + " NULL, 25, 1500.50), (3, " + douyin + ", TIMESTAMP '2026-03-05 20:00:00', 60, 1000, 300,"
                            + " 100, 6000)");
                }
                return null;
            });
            LiveResult result = LiveSelling.read(project.database(), Period.MONTH);
            assertEquals(List.of("3", "7"), result.sessions().stream().map(f -> f.label().key()).toList());
            LiveFigures march = result.sessions().getFirst();
            assertEquals(Proportion.of(300, 1000), march.engagedShare().orElseThrow());
            assertTrue(result.sessions().get(1).engagedShare().isEmpty(), "engaged not given");
            assertEquals(7500.5, result.total().revenue(), 1e-9);
            assertEquals(List.of("douyin"), result.byPlatform().stream().map(f -> f.label().key()).toList());
            assertEquals("抖音", result.byPlatform().getFirst().label().chinese());
            assertEquals(List.of("2026-03", "2026-04"), result.byPeriod().stream().map(f -> f.label().key()).toList());
        }
    }
}
