package com.campaignstudio.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Weekly bursts and pauses of ad spend, as creators run them: each platform's planned daily spend is multiplied by a
 * factor per week (Monday to Sunday), the product of a campaign level every platform shares (dark weeks, ordinary
 * weeks, launch bursts) and the platform's own level. Without it the week's total of iid daily spend hardly varies,
 * and no weekly model could tell a response curve from the baseline; the dark weeks show the sales without ads.
 */
final class Flighting {

    static final double[] CAMPAIGN_LEVELS = {0, 1, 2};
    static final double[] CAMPAIGN_WEIGHTS = {0.15, 0.55, 0.30};
    static final double[] PLATFORM_LEVELS = {0, 0.5, 1, 2};
    static final double[] PLATFORM_WEIGHTS = {0.10, 0.20, 0.40, 0.30};

    private final LocalDate firstMonday;
    private final double[][] factors;

    private Flighting(LocalDate firstMonday, double[][] factors) {
        this.firstMonday = firstMonday;
        this.factors = factors;
    }

    /** Factors for every week that holds a day from {@code first} to {@code last}, per platform in list order. */
    static Flighting draw(Sampler sampler, List<String> platforms, LocalDate first, LocalDate last) {
        LocalDate firstMonday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) (ChronoUnit.DAYS.between(firstMonday, last) / 7) + 1;
        double[] campaign = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            campaign[w] = CAMPAIGN_LEVELS[sampler.categorical(CAMPAIGN_WEIGHTS)];
        }
        double[][] factors = new double[platforms.size()][weeks];
        for (double[] platform : factors) {
            for (int w = 0; w < weeks; w++) {
                platform[w] = campaign[w] * PLATFORM_LEVELS[sampler.categorical(PLATFORM_WEIGHTS)];
            }
        }
        return new Flighting(firstMonday, factors);
    }

    double factor(int platform, LocalDate day) {
        return factors[platform][week(day)];
    }

    /** Index of the week holding {@code day}, 0 for the week of the first day. */
    int week(LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(firstMonday, day) / 7);
    }

    LocalDate monday(int week) {
        return firstMonday.plusWeeks(week);
    }

    int weeks() {
        return factors[0].length;
    }
}
