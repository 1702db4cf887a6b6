package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;

import java.util.List;

/**
 * Live-stream selling: each session, and the sessions pooled by platform, by period and all together.
 *
 * @param sessions   per session, oldest first
 * @param byPlatform pooled by platform
 * @param byPeriod   pooled by the week or month the session started in
 * @param total      all sessions pooled
 * @param period     weeks or months
 * @param notes      sessions left out of the rates and why
 */
public record LiveResult(List<LiveFigures> sessions, List<LiveFigures> byPlatform, List<LiveFigures> byPeriod,
                         LiveFigures total, Period period, List<Reason> notes) {

    public LiveResult {
        sessions = List.copyOf(sessions);
        byPlatform = List.copyOf(byPlatform);
        byPeriod = List.copyOf(byPeriod);
        notes = List.copyOf(notes);
    }
}
