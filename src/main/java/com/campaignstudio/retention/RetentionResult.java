package com.campaignstudio.retention;

import com.campaignstudio.text.Reason;

import java.time.LocalDate;
import java.util.List;

/**
 * A retention table with revenue retention and the live-commerce ratio.
 *
 * @param settings   what was asked
 * @param cohorts    the cohorts shown, oldest first
 * @param byPlatform revenue retention by acquisition platform
 * @param streaks    the consecutive / total active days ratio of the cohorts' members
 * @param dataEnd    the day of the latest event or order
 * @param notes      what was left out and why
 */
public record RetentionResult(RetentionSettings settings, List<Cohort> cohorts, List<PlatformRevenue> byPlatform,
                              StreakRatios streaks, LocalDate dataEnd, List<Reason> notes) {

    public RetentionResult {
        cohorts = List.copyOf(cohorts);
        byPlatform = List.copyOf(byPlatform);
        notes = List.copyOf(notes);
    }
}
