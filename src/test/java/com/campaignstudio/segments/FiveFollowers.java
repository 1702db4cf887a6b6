package com.campaignstudio.segments;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Five followers whose engagement scores and segment profiles are worked out by hand in
 * {@link EngagementScoresTest} and {@link ProfilesTest}.
 *
 * <pre>
 *          view live  min  like comm shar fav click  interactions tenure  orders paid  platform
 *   F1 (1)    3    2   30     2    1    1   0    3              9     90       2  100  weibo
 *   F2 (2)    0    0    0     1    0    0   0    0              1     15       0    0  douyin
 *   F3 (3)    9    0    2     0    0    2   1    1              6    NaN       1   50  weibo
 *   F4 (4)    1    1    5     0    5    0   0    0              5     60       0    0  douyin
 *   F5 (5)   20    0   12    10    0    0   2    0             14     28       3  250  weibo
 * </pre>
 */
final class FiveFollowers {

    /*
     * Worked engagement scores (EngagementScores: each input is log1p(x) / log1p(p99), capped at 1, where p99 is
     * the value at position floor(0.99 * (5 - 1)) = 3 of the five sorted, the second largest).
     *
     * Views and live sessions 5, 0, 9, 2, 20: p99 = 9. Minutes 30, 0, 2, 5, 12: p99 = 12. C is their mean.
     * Interest (likes + comments + shares + favourites + clicks) 7, 1, 4, 5, 12: p99 = 7.
     * Interactions per 30 days of tenure (at least one period; unknown tenure counts as 30 days):
     * 9 / 3 = 3, 1 / 1 = 1, 6 / 1 = 6, 5 / 2 = 2.5, 14 / 1 = 14: p99 = 6.
     */
    static final double[] CONTENT = {
        (ln(6) / ln(10) + 1) / 2, 0, (1 + ln(3) / ln(13)) / 2, (ln(3) / ln(10) + ln(6) / ln(13)) / 2, 1};
    static final double[] INTEREST = {1, ln(2) / ln(8), ln(5) / ln(8), ln(6) / ln(8), 1};
    static final double[] FREQUENCY = {ln(4) / ln(7), ln(2) / ln(7), 1, ln(3.5) / ln(7), 1};

    private FiveFollowers() {
    }

    /** U with the default weights 0.6, 0.3, 0.1. */
    static double u(int follower) {
        return 0.6 * CONTENT[follower] + 0.3 * INTEREST[follower] + 0.1 * FREQUENCY[follower];
    }

    private static double ln(double x) {
        return Math.log(x);
    }

    static FollowerFacts facts() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("view", new long[]{3, 0, 9, 1, 20});
        counts.put("live_watch", new long[]{2, 0, 0, 1, 0});
        counts.put("watch_minutes", new long[]{30, 0, 2, 5, 12});
        counts.put("like", new long[]{2, 1, 0, 0, 10});
        counts.put("comment", new long[]{1, 0, 0, 5, 0});
        counts.put("share", new long[]{1, 0, 2, 0, 0});
        counts.put("favourite", new long[]{0, 0, 1, 0, 2});
        counts.put("click", new long[]{3, 0, 1, 0, 0});
        return new FollowerFacts(new long[]{1, 2, 3, 4, 5}, new String[]{"weibo", "douyin", "weibo", "douyin", "weibo"},
                LocalDateTime.of(2026, 3, 1, 0, 0), new double[]{90, 15, Double.NaN, 60, 28},
                new double[]{2, 10, 5, 40, 1}, new long[]{9, 1, 6, 5, 14}, new long[]{2, 0, 1, 0, 3},
                new double[]{100, 0, 50, 0, 250}, counts);
    }
}
