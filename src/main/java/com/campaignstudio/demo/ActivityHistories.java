package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.FunnelRates;
import com.campaignstudio.project.Identities;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Followers, engagement events and orders in exact numbers, for measuring funnels and retention at sizes the demo
 * does not reach (5M events): each follower is exposed once soon after following, then clicks, registers and buys
 * with the demo's planted per-platform step rates ({@link PlantedTruth#funnel()}); buyers buy again; the rest of the
 * events (views, likes, comments, shares) are spread over the two years; the remaining orders belong to customers
 * who are no follower.
 */
public final class ActivityHistories {

    private static final List<String> BACKGROUND = List.of("view", "view", "view", "like", "like", "comment", "share");
    private static final double REFUND_RATE = 0.03;
    private static final int FLUSH_EVERY = 2_000;

    private ActivityHistories() {
    }

    /** Writes {@code followers} followers, {@code events} engagement rows and {@code orders} orders. */
    public static void write(Connection connection, int followers, int events, int orders, long seed,
                             TaskContext context) throws SQLException {
        PlantedTruth truth = PlantedTruth.standard(seed);
        Sampler sampler = new Sampler(seed);
        Map<String, Integer> platformIds = platformIds(connection);
        List<String> platforms = PlantedTruth.platforms();
        LocalDateTime start = truth.startDate().atStartOfDay();
        LocalDateTime end = truth.endDate().atTime(23, 59);
        long spanMinutes = Duration.between(start, end).toMinutes();
        try (BatchInsert products = new BatchInsert(connection,
                "INSERT INTO product (name, kind, list_price) VALUES (?, ?, ?)");
             BatchInsert campaigns = new BatchInsert(connection, "INSERT INTO campaign (name) VALUES (?)")) {
            for (int p = 1; p <= 5; p++) {
                products.add("Bench product " + p, "course", 99.0 * p);
            }
            campaigns.add("Bench campaign A");
            campaigns.add("Bench campaign B");
        }
        long writtenEvents = 0;
        long writtenOrders = 0;
        long sequence = 0;
        try (BatchInsert followerRows = new BatchInsert(connection,
                "INSERT INTO follower (id, platform_id, external_id, followed_at) VALUES (?, ?, ?, ?)", false);
             BatchInsert eventRows = new BatchInsert(connection,
                     "INSERT INTO engagement (follower_id, occurred_at, kind) VALUES (?, ?, ?)", false);
             BatchInsert orderRows = new BatchInsert(connection, "INSERT INTO customer_order (order_ref, customer_ref, "
                     + "follower_id, product_id, amount, paid_at, platform_id, campaign_id, status) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", false)) {
            for (int id = 1; id <= followers; id++) {
                String platform = platforms.get(id % platforms.size());
                int platformId = platformIds.get(platform);
                FunnelRates rates = truth.funnel().get(platform);
                // Followed in the first year, so that every path fits in the data.
                LocalDateTime followed = start.plusMinutes(sampler.uniformInt(365 * 24 * 60));
                followerRows.add((long) id, platformId, String.format("bench-%07d", id), followed);
                LocalDateTime exposure = followed.plusMinutes(sampler.uniformInt(24 * 60));
                eventRows.add((long) id, exposure, "view");
                int ownEvents = 1;
                if (sampler.bernoulli(rates.click())) {
                    LocalDateTime clicked = exposure.plusMinutes(delayMinutes(sampler, 1.0));
                    eventRows.add((long) id, clicked, "click");
                    ownEvents++;
                    if (sampler.bernoulli(rates.register())) {
                        LocalDateTime registered = clicked.plusMinutes(delayMinutes(sampler, 2.0));
                        eventRows.add((long) id, registered, "register");
                        ownEvents++;
                        if (sampler.bernoulli(rates.purchase()) && writtenOrders < orders) {
                            LocalDateTime paid = registered.plusMinutes(delayMinutes(sampler, 3.0));
                            int repeats = sampler.poisson(3.0);
                            for (int k = 0; k <= repeats && writtenOrders < orders && paid.isBefore(end); k++) {
                                orderRows.add(String.format("B%09d", ++sequence), "bench-" + id, (long) id,
                                        1L + sampler.uniformInt(5), 50.0 + sampler.uniformInt(400), paid, platformId,
                                        sampler.bernoulli(0.5) ? null : 1L + sampler.uniformInt(2),
                                        sampler.bernoulli(REFUND_RATE) ? "refunded" : "paid");
                                writtenOrders++;
                                paid = paid.plusMinutes((long) (sampler.exponential(1.0 / 30) * 24 * 60));
                            }
                        }
                    }
                }
                // The rest of the events, so that the total comes out exactly.
                long quota = (events - writtenEvents) / (followers - id + 1) - ownEvents;
                long background = id == followers ? events - writtenEvents - ownEvents : Math.max(0, quota);
                long activeMinutes = Duration.between(followed, end).toMinutes();
                for (long e = 0; e < background; e++) {
                    eventRows.add((long) id, followed.plusMinutes((long) (sampler.uniform() * activeMinutes)),
                            BACKGROUND.get(sampler.uniformInt(BACKGROUND.size())));
                }
                writtenEvents += ownEvents + background;
                if (id % FLUSH_EVERY == 0 || id == followers) {
                    followerRows.flush();
                    eventRows.flush();
                    orderRows.flush();
                    context.checkCancelled();
                    context.progress(id, followers);
                }
            }
            // Customers who are no follower buy the remaining orders, one to three each.
            for (int customer = 1; writtenOrders < orders; customer++) {
                int count = 1 + sampler.uniformInt(3);
                LocalDateTime paid = start.plusMinutes((long) (sampler.uniform() * spanMinutes));
                int platformId = platformIds.get(platforms.get(sampler.uniformInt(platforms.size())));
                for (int k = 0; k < count && writtenOrders < orders; k++) {
                    orderRows.add(String.format("B%09d", ++sequence), String.format("shop-%07d", customer), null,
                            1L + sampler.uniformInt(5), 50.0 + sampler.uniformInt(400), paid, platformId, null,
                            sampler.bernoulli(REFUND_RATE) ? "refunded" : "paid");
                    writtenOrders++;
                    paid = paid.plusMinutes((long) (sampler.exponential(1.0 / 45) * 24 * 60));
                    if (paid.isAfter(end)) {
                        paid = end;
                    }
                }
                if (customer % FLUSH_EVERY == 0) {
                    orderRows.flush();
                    context.checkCancelled();
                }
            }
        }
        Identities.restartAfterExplicitIds(connection);
    }

    private static long delayMinutes(Sampler sampler, double meanDays) {
        return (long) (Math.min(sampler.exponential(1.0 / meanDays), 3 * meanDays) * 24 * 60);
    }

    private static Map<String, Integer> platformIds(Connection connection) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT code, id FROM platform")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ids;
    }
}
