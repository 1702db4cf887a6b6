package com.campaignstudio.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Posts with weekday-by-hour engagement effects, and reach snapshots that follow the planted exponential
 * decay: R(t) = R_inf (1 - exp(-lambda t)), lambda set by the post's platform and format.
 */
final class ContentSimulation {

    static final int[] SNAPSHOT_HOURS = {1, 2, 4, 8, 12, 24, 48, 72, 120, 168};
    private static final String[] FORMATS = {"video", "article", "image", "live"};
    private static final Map<String, Double> MEDIAN_IMPRESSIONS = Map.of("weibo", 8_000.0, "wechat", 5_000.0,
            "douyin", 25_000.0, "kuaishou", 18_000.0, "xiaohongshu", 9_000.0, "zhihu", 6_000.0, "bilibili", 12_000.0);

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;
    private final List<String> topics;

    ContentSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds, List<String> topics) {
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
        this.topics = topics;
    }

    /** Writes the posts and their reach snapshots; returns them by platform for the engagement to refer to. */
    PostTimeline write(Connection connection, int postsPerPlatform) throws SQLException {
        PostTimeline timeline = new PostTimeline();
        List<String> platforms = PlantedTruth.platforms();
        long days = ChronoUnit.DAYS.between(truth.startDate(), truth.endDate()) - 7;
        long postId = 0;
        try (BatchInsert posts = new BatchInsert(connection, "INSERT INTO post (id, platform_id, external_id, "
                + "published_at, format, topic, impressions, reach, likes, comments, shares, clicks, follows_gained) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", false);
             BatchInsert snapshots = new BatchInsert(connection,
                     "INSERT INTO post_reach_snapshot (post_id, taken_at, reach) VALUES (?, ?, ?)", false)) {
            for (String platform : platforms) {
                for (int i = 0; i < postsPerPlatform; i++) {
                    postId++;
                    LocalDateTime published = truth.startDate().atStartOfDay()
                            .plusDays(sampler.uniformInt((int) days))
                            .plusHours(sampler.uniformInt(24)).plusMinutes(sampler.uniformInt(60));
                    double rate = truth.engagementRate().get(platform)
                            * truth.weekdayEffect()[published.getDayOfWeek().getValue() - 1]
                            * truth.hourEffect()[published.getHour()] * sampler.logNormal(1.0, 0.15);
                    long impressions = Math.round(sampler.logNormal(MEDIAN_IMPRESSIONS.get(platform), 0.6));
                    long reach = Math.round(impressions * (0.6 + 0.2 * sampler.uniform()));
                    long engagements = sampler.binomial(impressions, Math.min(0.9, rate));
                    long likes = Math.round(engagements * 0.7);
                    long comments = Math.round(engagements * 0.12);
                    long shares = engagements - likes - comments;
                    long clicks = sampler.binomial(impressions, Math.min(0.9, rate * 0.4));
                    timeline.add(platformIds.get(platform), postId, published);
                    // Drawn in the order the insert's arguments drew them before formats had their own half-lives.
                    String format = FORMATS[sampler.categorical(new double[]{5, 2, 2, 1})];
                    String topic = topics.get(sampler.uniformInt(topics.size()));
                    long followsGained = sampler.binomial(reach, 0.002);
                    posts.add(postId, platformIds.get(platform), "P" + postId, published, format, topic, impressions,
                            reach, likes, comments, shares, clicks, followsGained);
                    double lambda = truth.reachLambda(platform, format);
                    long previous = 0;
                    for (int hours : SNAPSHOT_HOURS) {
                        double expected = reach * (1 - Math.exp(-lambda * hours));
                        long observed = Math.max(previous, Math.min(reach,
                                Math.round(expected * (1 + 0.02 * sampler.normal()))));
                        snapshots.add(postId, published.plusHours(hours), observed);
                        previous = observed;
                    }
                    if (postId % 500 == 0) {
                        posts.flush();
                        snapshots.flush();
                    }
                }
            }
            posts.flush();
            snapshots.flush();
        }
        return timeline.seal();
    }
}
