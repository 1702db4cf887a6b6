package com.campaignstudio.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

/** Twice-weekly live-stream selling sessions with the planted buyers-per-viewer conversion per platform. */
final class LiveSimulation {

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;

    LiveSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds) {
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
    }

    void write(Connection connection) throws SQLException {
        try (BatchInsert rows = new BatchInsert(connection, "INSERT INTO live_session (platform_id, started_at, "
                + "minutes, viewers, peak_concurrent, engaged, buyers, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> entry : new TreeMap<>(truth.liveConversion()).entrySet()) {
                LocalDateTime session = truth.startDate().atTime(20, 0);
                while (session.toLocalDate().isBefore(truth.endDate())) {
                    long viewers = Math.round(sampler.logNormal(3_000, 0.7));
                    long buyers = sampler.binomial(viewers, entry.getValue());
                    double revenue = 0;
                    for (long b = 0; b < buyers; b++) {
                        revenue += sampler.gamma(4.0, 4.0 / 199.0);
                    }
                    rows.add(platformIds.get(entry.getKey()), session.plusMinutes(sampler.uniformInt(60)),
                            60 + sampler.uniformInt(120), viewers, Math.round(viewers * (0.1 + 0.1 * sampler.uniform())),
                            sampler.binomial(viewers, 0.3), buyers, Math.round(revenue * 100) / 100.0);
                    session = session.plusDays(sampler.bernoulli(0.5) ? 3 : 4);
                }
            }
        }
    }
}
