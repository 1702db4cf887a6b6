package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.Hill;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A year of daily ad spend per platform, with attributed revenue drawn around the planted Hill response
 * of the geometric adstock a_t = s_t + theta * a_(t-1). The planned daily spend is flighted by week
 * ({@link Flighting}).
 */
final class SpendSimulation {

    static final int DAYS = 365;
    /** Sigma of the multiplicative log-normal noise on revenue (its mean is exp(sigma^2 / 2)). */
    static final double REVENUE_NOISE = 0.10;

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;
    private final long alwaysOn;
    private final Flighting flighting;
    private final Sampler flightedClicks;

    /**
     * {@code sampler} makes every draw it made before flighting existed, in the same order, so that the data drawn
     * after the spend stays as the seed always made it; {@code flightedClicks} draws the clicks of flighted days.
     */
    SpendSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds, long alwaysOn,
                    Flighting flighting, Sampler flightedClicks) {
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
        this.alwaysOn = alwaysOn;
        this.flighting = flighting;
        this.flightedClicks = flightedClicks;
    }

    static LocalDate firstDay(PlantedTruth truth) {
        return truth.endDate().minusDays(DAYS - 1);
    }

    /** Writes the spend rows and returns each platform's daily spend, platforms in list order. */
    double[][] write(Connection connection) throws SQLException {
        LocalDate first = firstDay(truth);
        List<String> platforms = PlantedTruth.platforms();
        double[][] daily = new double[platforms.size()][DAYS];
        try (BatchInsert rows = new BatchInsert(connection, "INSERT INTO spend (spent_on, platform_id, campaign_id, "
                + "amount, impressions, clicks, conversions, attributed_revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < platforms.size(); p++) {
                String platform = platforms.get(p);
                Hill hill = truth.hill().get(platform);
                double adstock = 0;
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = first.plusDays(d);
                    boolean paused = sampler.bernoulli(0.08);
                    double weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? 1.2 : 1.0;
                    double planned = paused ? 0 : Math.round(sampler.logNormal(hill.medianDailySpend(), 0.6) * weekend);
                    double factor = flighting.factor(p, day);
                    double spend = Math.round(planned * factor);
                    adstock = spend + hill.theta() * adstock;
                    double revenue = hill.response(adstock) * sampler.logNormal(1.0, REVENUE_NOISE);
                    double impressionNoise = sampler.logNormal(1.0, 0.2);
                    // The planned day's clicks are drawn as ever (how many draws a binomial takes depends on its n);
                    // a flighted day's come from the flighting's own stream.
                    long plannedClicks = sampler.binomial(Math.round(planned / 30.0 * 1000 * impressionNoise), 0.012);
                    long impressions = Math.round(spend / 30.0 * 1000 * impressionNoise);
                    long clicks = factor == 1 ? plannedClicks : flightedClicks.binomial(impressions, 0.012);
                    long conversions = Math.round(revenue / 299.0);
                    rows.add(day, platformIds.get(platform), alwaysOn, spend, impressions, clicks, conversions,
                            Math.round(revenue * 100) / 100.0);
                    daily[p][d] = spend;
                }
            }
        }
        return daily;
    }
}
