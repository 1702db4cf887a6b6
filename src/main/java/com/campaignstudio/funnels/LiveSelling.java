package com.campaignstudio.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Live-stream selling sessions (domain.md section 4): per session viewers → engaged → buyers, conversion = buyers /
 * viewers with a 95% Wilson interval, and revenue per viewer-minute; pooled by platform and over time. A session
 * whose export gives more buyers than viewers (or more engaged than viewers) cannot be a proportion: it keeps its
 * revenue but is left out of those rates, with a note.
 */
public final class LiveSelling {

    private LiveSelling() {
    }

    /** The project's live sessions, summarised. */
    public static LiveResult read(ProjectDatabase database, Period period) throws SQLException, FunnelException {
        LiveSessions read = LiveSessions.read(database);
        return summarize(read.sessions(), read.platforms(), period);
    }

    /** Summarises {@code sessions}; {@code platforms} names the platform ids. */
    public static LiveResult summarize(List<LiveSession> sessions, Map<Integer, Label> platforms, Period period)
            throws FunnelException {
        if (sessions.isEmpty()) {
            throw new FunnelException("live.error.noSessions");
        }
        List<LiveFigures> each = new ArrayList<>();
        TreeMap<Integer, List<LiveSession>> byPlatform = new TreeMap<>();
        TreeMap<Integer, List<LiveSession>> byPeriod = new TreeMap<>();
        long impossible = 0;
        for (LiveSession session : sessions) {
            String start = session.startedAt().toString().replace('T', ' ');
            each.add(pool(Label.named(Long.toString(session.id()), start), List.of(session)));
            byPlatform.computeIfAbsent(session.platformId(), id -> new ArrayList<>()).add(session);
            byPeriod.computeIfAbsent(period.ofDay(session.startedAt().toLocalDate().toEpochDay()),
                    p -> new ArrayList<>()).add(session);
            if (session.buyers() > session.viewers() || session.buyers() < 0
                    || session.engaged().orElse(0) > session.viewers()) {
                impossible++;
            }
        }
        List<LiveFigures> platformFigures = new ArrayList<>();
        byPlatform.forEach((id, group) -> platformFigures.add(pool(platforms.getOrDefault(id,
                Label.of("unknown", Reason.of("group.unknownPlatform"))), group)));
        List<LiveFigures> periodFigures = new ArrayList<>();
        byPeriod.forEach((number, group) -> periodFigures.add(pool(Label.named(period.label(number),
                period.label(number)), group)));
        List<Reason> notes = impossible == 0 ? List.of() : List.of(Reason.of("live.note.impossible", impossible));
        return new LiveResult(each, platformFigures, periodFigures,
                pool(Label.of("all", Reason.of("group.allSessions")), sessions), period, notes);
    }

    /** The sessions' figures pooled: sums of viewers, engaged, buyers, revenue and viewer-minutes. */
    static LiveFigures pool(Label label, List<LiveSession> sessions) {
        long viewers = 0;
        long buyers = 0;
        long engagedViewers = 0;
        long engaged = 0;
        long engagedBuyers = 0;
        double revenue = 0;
        double viewerMinutes = 0;
        double minuteRevenue = 0;
        for (LiveSession session : sessions) {
            revenue += session.revenue();
            if (session.viewers() > 0 && session.minutes() > 0) {
                viewerMinutes += (double) session.viewers() * session.minutes();
                minuteRevenue += session.revenue();
            }
            if (session.buyers() < 0 || session.buyers() > session.viewers()) {
                continue;
            }
            viewers += session.viewers();
            buyers += session.buyers();
            if (session.engaged().isPresent() && session.engaged().getAsLong() <= session.viewers()
                    && session.buyers() <= session.engaged().getAsLong()) {
                engagedViewers += session.viewers();
                engaged += session.engaged().getAsLong();
                engagedBuyers += session.buyers();
            }
        }
        return new LiveFigures(label, sessions.size(), viewers, buyers,
                viewers == 0 ? Optional.empty() : Optional.of(Proportion.of(buyers, viewers)),
                engagedViewers == 0 ? Optional.empty() : Optional.of(Proportion.of(engaged, engagedViewers)),
                engaged == 0 ? Optional.empty() : Optional.of(Proportion.of(engagedBuyers, engaged)),
                revenue, viewerMinutes == 0 ? OptionalDouble.empty() : OptionalDouble.of(minuteRevenue / viewerMinutes));
    }
}
