package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.BgNbd;
import com.campaignstudio.demo.PlantedTruth.GammaGamma;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Orders of many customers and nothing else, by the demo's BG/NBD and Gamma-Gamma parameters: first
 * purchases spread over the first year, repeats until dropout or the end of the second. For measuring the
 * lifetime-value models at sizes the follower simulation does not reach (a million customers).
 */
public final class OrderHistories {

    private OrderHistories() {
    }

    public static void write(Connection connection, int customers, long seed, TaskContext context) throws SQLException {
        PlantedTruth truth = PlantedTruth.standard(seed);
        Sampler sampler = new Sampler(seed);
        BgNbd bg = truth.bgNbd();
        GammaGamma gg = truth.gammaGamma();
        LocalDateTime start = truth.startDate().atStartOfDay();
        LocalDateTime end = truth.endDate().atTime(23, 59);
        long order = 0;
        try (BatchInsert rows = new BatchInsert(connection, "INSERT INTO customer_order (order_ref, customer_ref, amount, "
                + "paid_at, platform_id, status) VALUES (?, ?, ?, ?, ?, 'paid')")) {
            for (int c = 1; c <= customers; c++) {
                String customer = String.format("c%08d", c);
                int platform = 1 + sampler.uniformInt(7);
                LocalDateTime first = start.plusMinutes(sampler.uniformInt(365 * 24 * 60));
                double rate = sampler.gamma(bg.r(), bg.alpha());
                double dropout = sampler.beta(bg.a(), bg.b());
                double spendRate = sampler.gamma(gg.q(), gg.gamma());
                double horizon = ChronoUnit.MINUTES.between(first, end) / (7.0 * 24 * 60);
                double t = 0;
                boolean alive = true;
                boolean isFirst = true;
                while (alive && t <= horizon) {
                    order++;
                    rows.add(String.format("H%010d", order), customer,
                            Math.max(1.0, Math.round(sampler.gamma(gg.p(), spendRate) * 100) / 100.0),
                            first.plusMinutes((long) (t * 7 * 24 * 60)), platform);
                    if (!isFirst && sampler.bernoulli(dropout)) {
                        alive = false;
                    }
                    isFirst = false;
                    t += sampler.exponential(rate);
                }
                if (c % 10_000 == 0) {
                    context.checkCancelled();
                    context.progress(c, customers);
                }
            }
        }
    }
}
