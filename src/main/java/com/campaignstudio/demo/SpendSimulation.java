package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.Hill;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * A year of daily ad spend per platform, with attributed revenue drawn around the planted Hill response
 * of the geometric adstock a_t = s_t + theta * a_(t-1).
 */
final class SpendSimulation {

    static final int DAYS = 365;
    /** Sigma of the multiplicative log-normal noise on revenue (its mean is exp(sigma^2 / 2)). */
    static final double REVENUE_NOISE = 0.10;

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;
    private final long alwaysOn;

    SpendSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds,
                    long alwaysOn) {
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
        this.alwaysOn = alwaysOn;
    }

    void write(Connection connection) throws SQLException {
        LocalDate first = truth.endDate().minusDays(DAYS - 1);
        try (BatchInsert rows = new BatchInsert(connection, "INSERT INTO spend (spent_on, platform_id, campaign_id, "
                + "amount, impressions, clicks, conversions, attributed_revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String platform : PlantedTruth.platforms()) {
                Hill hill = truth.hill().get(platform);
                double adstock = 0;
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = first.plusDays(d);
                    boolean paused = sampler.bernoulli(0.08);
                    double weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? 1.2 : 1.0;
                    double spend = paused ? 0 : Math.round(sampler.logNormal(hill.medianDailySpend(), 0.6) * weekend);
                    adstock = spend + hill.theta() * adstock;
                    double revenue = hill.response(adstock) * sampler.logNormal(1.0, REVENUE_NOISE);
                    long impressions = Math.round(spend / 30.0 * 1000 * sampler.logNormal(1.0, 0.2));
                    long clicks = sampler.binomial(impressions, 0.012);
                    long conversions = Math.round(revenue / 299.0);
                    rows.add(day, platformIds.get(platform), alwaysOn, spend, impressions, clicks, conversions,
                            Math.round(revenue * 100) / 100.0);
                }
            }
        }
    }
}
