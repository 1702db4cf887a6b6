package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.BgNbd;
import com.campaignstudio.demo.PlantedTruth.Demographics;
import com.campaignstudio.demo.PlantedTruth.FunnelRates;
import com.campaignstudio.demo.PlantedTruth.GammaGamma;
import com.campaignstudio.demo.PlantedTruth.Segment;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Followers, their engagement, their path through the funnel and their orders. Each follower belongs to
 * a planted segment; buyers then purchase again by a BG/NBD process and pay Gamma-Gamma amounts.
 */
final class FollowerSimulation {

    private static final String[] GENDERS = {"female", "male", null};
    private static final double REFUND_RATE = 0.03;
    private static final int FLUSH_EVERY = 1_000;
    /** Reactions to a post; live watching and registering happen elsewhere. */
    private static final Set<String> POST_REACTIONS = Set.of("view", "like", "comment", "share", "click");

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;
    private final List<Long> productIds;
    private final List<String> regions;
    private final LocalDateTime end;
    private final LocalDateTime start;
    private final PostTimeline posts;
    private final Sampler postChoice;

    FollowerSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds, List<Long> productIds,
                       List<String> regions, PostTimeline posts, Sampler postChoice) {
        this.posts = posts;
        this.postChoice = postChoice;
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
        this.productIds = productIds;
        this.regions = regions;
        this.start = truth.startDate().atStartOfDay();
        this.end = truth.endDate().atTime(23, 59);
    }

    void write(Connection connection, int followers, TaskContext context) throws SQLException {
        double[] shares = truth.segments().stream().mapToDouble(Segment::share).toArray();
        List<String> platforms = PlantedTruth.platforms();
        long orderSequence = 0;
        try (BatchInsert followerRows = new BatchInsert(connection,
                "INSERT INTO follower (id, platform_id, external_id, followed_at, region, gender, age_band) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", false);
             BatchInsert segmentRows = new BatchInsert(connection,
                     "INSERT INTO demo_planted_segment (follower_id, segment) VALUES (?, ?)", false);
             BatchInsert engagementRows = new BatchInsert(connection,
                     "INSERT INTO engagement (follower_id, occurred_at, kind, event_count, post_id) VALUES (?, ?, ?, ?, ?)",
                     false);
             BatchInsert orderRows = new BatchInsert(connection,
                     "INSERT INTO customer_order (order_ref, customer_ref, follower_id, product_id, amount, "
                             + "paid_at, platform_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", false)) {
            List<BatchInsert> inDependencyOrder = List.of(followerRows, segmentRows, engagementRows, orderRows);
            for (long id = 1; id <= followers; id++) {
                int segmentIndex = sampler.categorical(shares);
                Segment segment = truth.segments().get(segmentIndex);
                String platform = platforms.get(sampler.categorical(segment.platformWeights()));
                String externalId = String.format("demo-%07d", id);
                LocalDateTime followedAt = followedAt(segmentIndex);
                // One draw each, as before demographics differed by segment: every later draw stays what it was.
                Demographics people = segment.demographics();
                int region = sampler.categorical(people.regionWeights());
                String gender = GENDERS[sampler.categorical(people.genderWeights())];
                int age = sampler.categorical(people.ageWeights());
                followerRows.add(id, platformIds.get(platform), externalId, followedAt,
                        region < regions.size() ? regions.get(region) : null, gender,
                        age < PlantedTruth.AGE_BANDS.size() ? PlantedTruth.AGE_BANDS.get(age) : null);
                segmentRows.add(id, segmentIndex);

                LocalDateTime activeUntil = followedAt.plusMinutes((long) (segment.activeFraction()
                        * Duration.between(followedAt, end).toMinutes()));
                Engagement engagement = new Engagement(engagementRows, id, platformIds.get(platform));
                LocalDateTime firstView = writeCountedEngagement(engagement, segment, followedAt, activeUntil);
                orderSequence = walkFunnel(engagement, orderRows, id, externalId, platform, segment, firstView,
                        activeUntil, orderSequence);
                if (id % FLUSH_EVERY == 0 || id == followers) {
                    for (BatchInsert batch : inDependencyOrder) {
                        batch.flush();
                    }
                    context.checkCancelled();
                    context.progress(id, followers);
                }
            }
        }
    }

    private LocalDateTime followedAt(int segmentIndex) {
        // Followers join over the whole period, but early enough that every funnel step fits before the end;
        // dormant followers lean towards the start.
        long span = Duration.between(start, end.minusDays(30)).toMinutes();
        double position = segmentIndex == 3 ? Math.pow(sampler.uniform(), 2) : sampler.uniform();
        return start.plusMinutes((long) (position * span));
    }

    /** Writes the segment-dependent engagement counts; returns the time of the first view (the exposure). */
    private LocalDateTime writeCountedEngagement(Engagement rows, Segment segment, LocalDateTime from,
                                                 LocalDateTime until) throws SQLException {
        LocalDateTime firstView = from.plusMinutes(sampler.uniformInt(60 * 24));
        for (Map.Entry<String, Double> kind : segment.meanCounts().entrySet()) {
            int total = heavyTailedCount(kind.getValue());
            boolean isView = kind.getKey().equals("view");
            if (isView) {
                total = Math.max(1, total);
            }
            if (total == 0) {
                continue;
            }
            LocalDateTime first = isView ? firstView : between(firstView, until);
            rows.add(first, kind.getKey(), 1);
            if (total > 1) {
                rows.add(later(first, until), kind.getKey(), total - 1);
            }
        }
        int watchMinutes = heavyTailedCount(segment.meanWatchMinutes());
        if (watchMinutes > 0) {
            rows.add(between(firstView, until), "watch_minutes", watchMinutes);
        }
        return firstView;
    }

    private long walkFunnel(Engagement engagement, BatchInsert orderRows, long followerId, String customerRef,
                            String platform, Segment segment, LocalDateTime exposure, LocalDateTime activeUntil,
                            long orderSequence) throws SQLException {
        FunnelRates rates = truth.funnel().get(platform);
        if (!sampler.bernoulli(Math.min(0.95, rates.click() * segment.clickMultiplier()))) {
            return orderSequence;
        }
        LocalDateTime clickedAt = exposure.plusMinutes(delayMinutes(1.0));
        int clicks = 1 + heavyTailedCount(segment.meanClicksIfClicked() - 1);
        engagement.add(clickedAt, "click", 1);
        if (clicks > 1) {
            engagement.add(later(clickedAt, activeUntil), "click", clicks - 1);
        }
        if (!sampler.bernoulli(rates.register())) {
            return orderSequence;
        }
        LocalDateTime registeredAt = clickedAt.plusMinutes(delayMinutes(2.0));
        engagement.add(registeredAt, "register", 1);
        if (!sampler.bernoulli(Math.min(0.95, rates.purchase() * segment.purchaseMultiplier()))) {
            return orderSequence;
        }
        LocalDateTime firstPurchase = registeredAt.plusMinutes(delayMinutes(3.0));
        return writeOrders(orderRows, followerId, customerRef, platform, firstPurchase, orderSequence);
    }

    /** The first purchase, then repeat purchases by BG/NBD until the customer drops out or the data ends. */
    private long writeOrders(BatchInsert rows, long followerId, String customerRef, String platform,
                             LocalDateTime firstPurchase, long orderSequence) throws SQLException {
        BgNbd bg = truth.bgNbd();
        GammaGamma gg = truth.gammaGamma();
        double purchaseRate = sampler.gamma(bg.r(), bg.alpha());
        double dropout = sampler.beta(bg.a(), bg.b());
        double spendRate = sampler.gamma(gg.q(), gg.gamma());
        double horizonWeeks = ChronoUnit.MINUTES.between(firstPurchase, end) / (7.0 * 24 * 60);
        double t = 0;
        boolean alive = true;
        boolean first = true;
        while (alive) {
            LocalDateTime paidAt = firstPurchase.plusMinutes((long) (t * 7 * 24 * 60));
            double amount = Math.max(1.0, Math.round(sampler.gamma(gg.p(), spendRate) * 100) / 100.0);
            orderSequence++;
            rows.add(String.format("D%09d", orderSequence), customerRef, followerId,
                    productIds.get(sampler.uniformInt(productIds.size())), amount, paidAt,
                    platformIds.get(platform), sampler.bernoulli(REFUND_RATE) ? "refunded" : "paid");
            if (!first && sampler.bernoulli(dropout)) {
                alive = false;
            }
            first = false;
            t += sampler.exponential(purchaseRate);
            if (t > horizonWeeks) {
                alive = false;
            }
        }
        return orderSequence;
    }

    /** One follower's engagement rows; a reaction to a post names one of those its platform published just before. */
    private final class Engagement {
        private final BatchInsert rows;
        private final long followerId;
        private final int platformId;

        Engagement(BatchInsert rows, long followerId, int platformId) {
            this.rows = rows;
            this.followerId = followerId;
            this.platformId = platformId;
        }

        void add(LocalDateTime at, String kind, long count) throws SQLException {
            Long post = POST_REACTIONS.contains(kind)
                    ? posts.postBefore(platformId, at, postChoice.uniformInt(PostTimeline.RECENT)) : null;
            rows.add(followerId, at, kind, count, post);
        }
    }

    private int heavyTailedCount(double mean) {
        if (mean <= 0) {
            return 0;
        }
        // Gamma-Poisson (negative binomial, shape 2): counts vary widely within a segment, as real ones do.
        return sampler.poisson(mean * sampler.gamma(2.0, 2.0));
    }

    private long delayMinutes(double meanDays) {
        return (long) (Math.min(sampler.exponential(1.0 / meanDays), 3 * meanDays) * 24 * 60);
    }

    private LocalDateTime between(LocalDateTime from, LocalDateTime until) {
        long span = Math.max(1, Duration.between(from, until).toMinutes());
        return from.plusMinutes((long) (sampler.uniform() * span));
    }

    private LocalDateTime later(LocalDateTime after, LocalDateTime until) {
        return until.isAfter(after) ? between(after, until) : after;
    }
}
