package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's posts as columns, one index per post, for the schedule analyses. Counts the export left empty read
 * as 0; a post without impressions (empty or 0) cannot enter an engagement rate and is counted in {@link #leftOut()}.
 *
 * @param platformCodes the distinct platform codes; {@code platform[i]} indexes this list
 * @param formatCodes   the distinct formats; {@code format[i]} indexes this list
 * @param ids           post ids
 * @param platform      platform of each post, an index into {@code platformCodes}
 * @param format        format of each post, an index into {@code formatCodes}
 * @param publishedAt   publication time, wall clock in the project's time zone, as seconds from 1970-01-01 00:00 of
 *                      that wall clock ({@link #publishedAt(int)} gives it as a date and time)
 * @param impressions   impressions
 * @param reach         reach
 * @param engagements   likes + comments + shares
 * @param clicks        clicks
 * @param leftOut       posts without impressions
 */
public record PostHistory(List<String> platformCodes, List<String> formatCodes, long[] ids, int[] platform,
                          int[] format, long[] publishedAt, long[] impressions, long[] reach,
                          long[] engagements, long[] clicks, int leftOut) {

    public PostHistory {
        platformCodes = List.copyOf(platformCodes);
        formatCodes = List.copyOf(formatCodes);
    }

    /** Reads every post with its platform's code in one query. */
    public static PostHistory read(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            Builder builder = new Builder();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                // Seconds rather than date-time objects: reading 100,000 of those dominated the heat map's time.
                try (ResultSet rs = statement.executeQuery("SELECT p.id, pl.code, p.format, "
                        + "DATEDIFF('SECOND', TIMESTAMP '1970-01-01 00:00:00', p.published_at), "
                        + "p.impressions, p.reach, COALESCE(p.likes, 0) + COALESCE(p.comments, 0) "
                        + "+ COALESCE(p.shares, 0), p.clicks FROM post p JOIN platform pl ON pl.id = p.platform_id "
                        + "ORDER BY p.id")) {
                    while (rs.next()) {
                        builder.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8));
                    }
                }
            }
            return builder.build();
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return ids.length;
    }

    public String platformCode(int post) {
        return platformCodes.get(platform[post]);
    }

    public String formatCode(int post) {
        return formatCodes.get(format[post]);
    }

    /** Publication time of the post, wall clock in the project's time zone. */
    public LocalDateTime publishedAt(int post) {
        return LocalDateTime.ofEpochSecond(publishedAt[post], 0, ZoneOffset.UTC);
    }

    /** Whether the post has impressions, so an engagement rate. */
    public boolean hasRate(int post) {
        return impressions[post] > 0;
    }

    /** Index of the platform in {@link #platformCodes()}, -1 when no post has it. */
    public int platformIndex(String code) {
        return platformCodes.indexOf(code);
    }

    /** Index of the format in {@link #formatCodes()}, -1 when no post has it. */
    public int formatIndex(String code) {
        return formatCodes.indexOf(code);
    }

    /** Collects posts (from storage or, in tests and benchmarks, made in memory). */
    public static final class Builder {
        private final Map<String, Integer> platforms = new HashMap<>();
        private final Map<String, Integer> formats = new HashMap<>();
        private final List<String> platformCodes = new ArrayList<>();
        private final List<String> formatCodes = new ArrayList<>();
        private long[] ids = new long[1024];
        private int[] platform = new int[1024];
        private int[] format = new int[1024];
        private long[] publishedAt = new long[1024];
        private long[] impressions = new long[1024];
        private long[] reach = new long[1024];
        private long[] engagements = new long[1024];
        private long[] clicks = new long[1024];
        private int size;
        private int leftOut;

        private Builder() {
        }

        /** Adds a post; counts are 0 where the export left them empty. */
        public Builder add(long id, String platformCode, String formatCode, LocalDateTime published, long postImpressions,
                           long postReach, long postEngagements, long postClicks) {
            return add(id, platformCode, formatCode, published.toEpochSecond(ZoneOffset.UTC), postImpressions,
                    postReach, postEngagements, postClicks);
        }

        /** Adds a post published at this many wall-clock seconds from 1970-01-01 00:00. */
        public Builder add(long id, String platformCode, String formatCode, long publishedSeconds,
                           long postImpressions, long postReach, long postEngagements, long postClicks) {
            if (size == ids.length) {
                grow();
            }
            ids[size] = id;
            platform[size] = platforms.computeIfAbsent(platformCode, code -> {
                platformCodes.add(code);
                return platformCodes.size() - 1;
            });
            format[size] = formats.computeIfAbsent(formatCode, code -> {
                formatCodes.add(code);
                return formatCodes.size() - 1;
            });
            publishedAt[size] = publishedSeconds;
            impressions[size] = postImpressions;
            reach[size] = postReach;
            engagements[size] = postEngagements;
            clicks[size] = postClicks;
            if (postImpressions <= 0) {
                leftOut++;
            }
            size++;
            return this;
        }

        public PostHistory build() {
            return new PostHistory(platformCodes, formatCodes, Arrays.copyOf(ids, size),
                    Arrays.copyOf(platform, size), Arrays.copyOf(format, size), Arrays.copyOf(publishedAt, size),
                    Arrays.copyOf(impressions, size), Arrays.copyOf(reach, size), Arrays.copyOf(engagements, size),
                    Arrays.copyOf(clicks, size), leftOut);
        }

        private void grow() {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            platform = Arrays.copyOf(platform, capacity);
            format = Arrays.copyOf(format, capacity);
            publishedAt = Arrays.copyOf(publishedAt, capacity);
            impressions = Arrays.copyOf(impressions, capacity);
            reach = Arrays.copyOf(reach, capacity);
            engagements = Arrays.copyOf(engagements, capacity);
            clicks = Arrays.copyOf(clicks, capacity);
        }
    }
}
