package com.campaignstudio.budget;

import java.time.LocalDate;
import java.util.List;

/**
 * Weeks of spend per platform and the outcome of each week (revenue, buyers, ...), the data a response fit needs.
 *
 * @param firstWeek the Monday of the first week
 * @param spend     per platform (in {@code platforms} order), the spend of each week
 * @param outcome   the outcome of each week
 */
public record WeeklyHistory(List<String> platforms, LocalDate firstWeek, double[][] spend, double[] outcome) {

    public WeeklyHistory {
        platforms = List.copyOf(platforms);
        if (spend.length != platforms.size()) {
            throw new IllegalArgumentException(spend.length + " spend series for " + platforms.size() + " platforms");
        }
        for (double[] series : spend) {
            if (series.length != outcome.length) {
                throw new IllegalArgumentException("a spend series of " + series.length + " weeks beside "
                        + outcome.length + " weeks of outcome");
            }
        }
    }

    public int weeks() {
        return outcome.length;
    }
}
