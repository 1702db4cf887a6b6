package com.campaignstudio.schedule;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Best time to post: the engagement rate (likes + comments + shares over impressions) of each weekday x hour slot of
 * one platform (and format), from the project's own posts, shrunk toward the platform's rate so that a slot with a
 * handful of posts does not shout (domain.md section 6):
 * <pre>rate_slot = (engagements_slot + k * rate_platform) / (impressions_slot + k)</pre>
 * with {@code rate_platform} = sum of engagements / sum of impressions over the platform's posts (of the format, when
 * one is chosen). Since a post has tens of thousands of impressions, k in impressions would mean nothing to a user,
 * so the user sets it as posts' worth ({@link SlotQuery#priorPosts()}, default 3) and
 * {@code k = priorPosts x mean impressions per post of the platform}: an empty slot shows the platform's rate, and
 * a slot with {@code priorPosts} average posts sits halfway between its own rate and the platform's.
 *
 * <p>Interval (95%): the normal posterior with prior mean {@code rate_platform} and prior weight {@code priorPosts}
 * posts: {@code rate_slot +- 1.96 sigma / sqrt(n_slot + priorPosts)} (the low end not below 0), where sigma is the
 * between-post standard deviation of per-post rates on the platform by the method of moments: the sample variance
 * of the per-post rates less the mean binomial variance {@code r(1 - r) / impressions_i} they would have if every post
 * shared the rate r = rate_platform (0 when that is negative). It includes the slots' own differences, so it errs
 * wide. With fewer than two posts the project-wide sigma (all platforms) is used.
 *
 * <p>Slots: weekday (Monday = 0) x hour (0-23) of the publication time, stored as wall clock in the project's zone and
 * read in the platform's zone. A platform without posts (or without posts of the format) has no history: every slot
 * shows the project's default rate, sum of engagements / sum of impressions over all platforms' posts (of the format
 * when some exist, else of all formats), or {@link #NO_POSTS_RATE} when the project has no post with impressions;
 * its interval uses the project-wide sigma (or half the default rate when there is none) with {@code priorPosts}
 * posts' weight.
 */
public final class SlotRates {

    public static final int WEEKDAYS = 7;
    public static final int HOURS = 24;
    /** Default rate when the project has no post at all: a rule of thumb for social posts (3%). */
    public static final double NO_POSTS_RATE = 0.03;
    private static final double Z95 = 1.959963984540054;
    private static final long SECONDS_PER_DAY = 86_400;

    /**
     * One slot of the heat map.
     *
     * @param weekday Monday = 0
     * @param hour    0-23
     * @param rate    shrunk engagement rate
     * @param lift    rate over the platform's rate, less 1
     * @param posts   posts published in the slot
     * @param low     95% interval, low end
     * @param high    95% interval, high end
     */
    public record Slot(int weekday, int hour, double rate, double lift, int posts, double low, double high) {
    }

    private final SlotQuery query;
    private final boolean hasHistory;
    private final double platformRate;
    private final double sigma;
    private final double priorImpressions;
    private final long[] engagements;
    private final long[] impressions;
    private final int[] posts;
    private final double[] rates;
    private final double[] lows;
    private final double[] highs;
    private final int postsUsed;
    private final int leftOut;

    private SlotRates(SlotQuery query, boolean hasHistory, double platformRate, double sigma, double priorImpressions,
                      long[] engagements, long[] impressions, int[] posts, int postsUsed, int leftOut) {
        this.query = query;
        this.hasHistory = hasHistory;
        this.platformRate = platformRate;
        this.sigma = sigma;
        this.priorImpressions = priorImpressions;
        this.engagements = engagements;
        this.impressions = impressions;
        this.posts = posts;
        this.postsUsed = postsUsed;
        this.leftOut = leftOut;
        int slots = WEEKDAYS * HOURS;
        rates = new double[slots];
        lows = new double[slots];
        highs = new double[slots];
        for (int slot = 0; slot < slots; slot++) {
            double weight = impressions[slot] + priorImpressions;
            rates[slot] = weight > 0 ? (engagements[slot] + priorImpressions * platformRate) / weight : platformRate;
            double postsWeight = posts[slot] + query.priorPosts();
            double sd = sigma / Math.sqrt(postsWeight > 0 ? postsWeight : 1);
            lows[slot] = Math.max(0, rates[slot] - Z95 * sd);
            highs[slot] = rates[slot] + Z95 * sd;
        }
    }

    /** The heat map of the query's platform (and format). */
    public static SlotRates compute(PostHistory history, SlotQuery query) {
        int platform = history.platformIndex(query.platform());
        int format = query.format().map(history::formatIndex).orElse(-1);
        boolean anyFormat = query.format().isEmpty();
        int slots = WEEKDAYS * HOURS;
        long[] engagements = new long[slots];
        long[] impressions = new long[slots];
        int[] posts = new int[slots];
        int leftOut = 0;
        Moments moments = new Moments(history.size());
        boolean sameZone = query.projectZone().equals(query.platformZone());
        for (int i = 0; i < history.size(); i++) {
            if (history.platform()[i] != platform || (!anyFormat && history.format()[i] != format)) {
                continue;
            }
            if (!history.hasRate(i)) {
                leftOut++;
                continue;
            }
            int slot = slotOf(history.publishedAt()[i], query, sameZone);
            engagements[slot] += history.engagements()[i];
            impressions[slot] += history.impressions()[i];
            posts[slot]++;
            moments.add(history.engagements()[i], history.impressions()[i]);
        }
        if (moments.count() == 0) {
            return withoutHistory(history, query, leftOut);
        }
        double platformRate = moments.pooledRate();
        double sigma = moments.count() >= 2 ? moments.sigma() : projectMoments(history).sigmaOr(platformRate / 2);
        double priorImpressions = query.priorPosts() * moments.meanImpressions();
        return new SlotRates(query, true, platformRate, sigma, priorImpressions, engagements, impressions, posts,
                moments.count(), leftOut);
    }

    private static SlotRates withoutHistory(PostHistory history, SlotQuery query, int leftOut) {
        Moments all = projectMoments(history);
        double rate = all.count() > 0 ? all.pooledRate() : NO_POSTS_RATE;
        if (query.format().isPresent()) {
            int format = history.formatIndex(query.format().get());
            Moments ofFormat = new Moments(history.size());
            for (int i = 0; i < history.size(); i++) {
                if (history.format()[i] == format && history.hasRate(i)) {
                    ofFormat.add(history.engagements()[i], history.impressions()[i]);
                }
            }
            if (ofFormat.count() > 0) {
                rate = ofFormat.pooledRate();
            }
        }
        int slots = WEEKDAYS * HOURS;
        return new SlotRates(query, false, rate, all.sigmaOr(rate / 2), 0, new long[slots], new long[slots],
                new int[slots], 0, leftOut);
    }

    private static Moments projectMoments(PostHistory history) {
        Moments all = new Moments(history.size());
        for (int i = 0; i < history.size(); i++) {
            if (history.hasRate(i)) {
                all.add(history.engagements()[i], history.impressions()[i]);
            }
        }
        return all;
    }

    /** Weekday x hour of wall-clock seconds in the project's zone, read in the platform's zone. */
    private static int slotOf(long wallSeconds, SlotQuery query, boolean sameZone) {
        long seconds = wallSeconds;
        if (!sameZone) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(wallSeconds, 0, ZoneOffset.UTC);
            seconds = ZonedDateTime.of(local, query.projectZone()).withZoneSameInstant(query.platformZone())
                    .toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
        }
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        // 1 January 1970 was a Thursday, weekday 3 counting Monday as 0.
        int weekday = (int) Math.floorMod(day + 3, WEEKDAYS);
        int hour = (int) (Math.floorMod(seconds, SECONDS_PER_DAY) / 3600);
        return weekday * HOURS + hour;
    }

    public SlotQuery query() {
        return query;
    }

    /** Shrunk engagement rate of the slot. */
    public double rate(int weekday, int hour) {
        return rates[index(weekday, hour)];
    }

    public double low(int weekday, int hour) {
        return lows[index(weekday, hour)];
    }

    public double high(int weekday, int hour) {
        return highs[index(weekday, hour)];
    }

    /** Posts behind the slot (with impressions). */
    public int posts(int weekday, int hour) {
        return posts[index(weekday, hour)];
    }

    public long engagements(int weekday, int hour) {
        return engagements[index(weekday, hour)];
    }

    public long impressions(int weekday, int hour) {
        return impressions[index(weekday, hour)];
    }

    /** The slot's own rate, engagements / impressions, unshrunk; NaN when it has no posts. */
    public double rawRate(int weekday, int hour) {
        int slot = index(weekday, hour);
        return posts[slot] == 0 ? Double.NaN : (double) engagements[slot] / impressions[slot];
    }

    /** Rate over the platform's (and format's) posts; the project default when it has no history. */
    public double platformRate() {
        return platformRate;
    }

    /** Between-post standard deviation of the per-post rates behind the intervals. */
    public double sigma() {
        return sigma;
    }

    /** The pull toward the platform's rate in impressions: priorPosts x mean impressions per post. */
    public double priorImpressions() {
        return priorImpressions;
    }

    /** The slot's rate over the platform's rate, less 1 (0 when the platform's rate is 0). */
    public double lift(int weekday, int hour) {
        return platformRate > 0 ? rate(weekday, hour) / platformRate - 1 : 0;
    }

    /** The n slots with the highest shrunk rate, best first (ties: earlier in the week first). */
    public List<Slot> top(int n) {
        List<Slot> all = new ArrayList<>(WEEKDAYS * HOURS);
        for (int weekday = 0; weekday < WEEKDAYS; weekday++) {
            for (int hour = 0; hour < HOURS; hour++) {
                all.add(slot(weekday, hour));
            }
        }
        all.sort(Comparator.comparingDouble(Slot::rate).reversed());
        return List.copyOf(all.subList(0, Math.max(0, Math.min(n, all.size()))));
    }

    public Slot slot(int weekday, int hour) {
        return new Slot(weekday, hour, rate(weekday, hour), lift(weekday, hour), posts(weekday, hour),
                low(weekday, hour), high(weekday, hour));
    }

    /** Posts that entered the rates. */
    public int postsUsed() {
        return postsUsed;
    }

    /** Posts of the platform (and format) without impressions, so without a rate. */
    public int leftOut() {
        return leftOut;
    }

    public boolean hasHistory() {
        return hasHistory;
    }

    private static int index(int weekday, int hour) {
        if (weekday < 0 || weekday >= WEEKDAYS || hour < 0 || hour >= HOURS) {
            throw new IndexOutOfBoundsException("no slot " + weekday + " x " + hour);
        }
        return weekday * HOURS + hour;
    }

    /** Sums for the pooled rate and the method-of-moments between-post spread. */
    private static final class Moments {
        private final double[] postRates;
        private final double[] postImpressions;
        private long engagementSum;
        private long impressionSum;
        private int count;

        Moments(int capacity) {
            postRates = new double[capacity];
            postImpressions = new double[capacity];
        }

        void add(long engagements, long impressions) {
            postRates[count] = (double) engagements / impressions;
            postImpressions[count] = impressions;
            engagementSum += engagements;
            impressionSum += impressions;
            count++;
        }

        int count() {
            return count;
        }

        double pooledRate() {
            return (double) engagementSum / impressionSum;
        }

        double meanImpressions() {
            return (double) impressionSum / count;
        }

        double sigmaOr(double fallback) {
            return count >= 2 ? sigma() : fallback;
        }

        /** sqrt(max(0, sample variance of per-post rates - mean binomial variance at the pooled rate)). */
        double sigma() {
            double pooled = pooledRate();
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += postRates[i];
            }
            mean /= count;
            double squares = 0;
            double binomial = 0;
            for (int i = 0; i < count; i++) {
                double deviation = postRates[i] - mean;
                squares += deviation * deviation;
                binomial += pooled * (1 - pooled) / postImpressions[i];
            }
            return Math.sqrt(Math.max(0, squares / (count - 1) - binomial / count));
        }
    }
}
