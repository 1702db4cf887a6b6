package com.campaignstudio.segments;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content-recommendation value of domain.md section 3, per post: R_j = delta*C_j + epsilon*U_j + zeta*Q_j,
 * with C_j the content's reach (reach, else impressions; log1p-normalised like the engagement scores),
 * U_j the mean engagement score U of the segment's followers who engaged with the post (0 when none did),
 * and Q_j its quality: (likes + comments + shares) per impression, normalised to the 99th percentile. The
 * weights are the user's (defaults 0.4, 0.4, 0.2, ours: the domain gives none).
 */
public final class ContentScores {

    /** delta, epsilon, zeta. */
    public record Weights(double delta, double epsilon, double zeta) {
        public static Weights defaults() {
            return new Weights(0.4, 0.4, 0.2);
        }
    }

    /** One post's value and its parts. */
    public record PostScore(long postId, String platform, String externalId, LocalDateTime publishedAt, String topic,
                            double reach, double segmentEngagement, double quality, long engagers, double value) {
    }

    private ContentScores() {
    }

    /**
     * The posts ranked by R_j for segment {@code segmentNo} of {@code segmentation} (-1 for all its followers),
     * at most {@code limit}.
     */
    public static List<PostScore> rank(ProjectDatabase database, Segmentation segmentation, int segmentNo,
                                       Weights weights, int limit) throws SQLException {
        record Post(long id, String platform, String externalId, LocalDateTime publishedAt, String topic, double reach,
                    double quality) {
        }
        List<Post> posts = new ArrayList<>();
        Map<Long, double[]> engagement = new HashMap<>();
        database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT p.id, pl.code, p.external_id, p.published_at, p.topic, "
                        + "COALESCE(p.reach, p.impressions, 0), COALESCE(p.likes, 0) + COALESCE(p.comments, 0) "
                        + "+ COALESCE(p.shares, 0), COALESCE(p.impressions, p.reach, 0) FROM post p "
                        + "JOIN platform pl ON pl.id = p.platform_id")) {
                    while (rs.next()) {
                        double impressions = rs.getDouble(8);
                        posts.add(new Post(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getDouble(6),
                                impressions <= 0 ? 0 : rs.getDouble(7) / impressions));
                    }
                }
                statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
                try (ResultSet rs = statement.executeQuery("SELECT DISTINCT post_id, follower_id FROM engagement "
                        + "WHERE post_id IS NOT NULL")) {
                    while (rs.next()) {
                        int member = Arrays.binarySearch(segmentation.followerIds(), rs.getLong(2));
                        if (member >= 0 && (segmentNo < 0 || segmentation.segment()[member] == segmentNo)) {
                            double[] sum = engagement.computeIfAbsent(rs.getLong(1), id -> new double[2]);
                            sum[0] += segmentation.engagement()[member];
                            sum[1]++;
                        }
                    }
                }
            }
            return null;
        });
        double[] reach = EngagementScores.normalised(posts.stream().mapToDouble(Post::reach).toArray());
        double[] quality = capped(posts.stream().mapToDouble(Post::quality).toArray());
        List<PostScore> scores = new ArrayList<>();
        for (int j = 0; j < posts.size(); j++) {
            Post post = posts.get(j);
            double[] sum = engagement.get(post.id());
            double u = sum == null ? 0 : sum[0] / sum[1];
            scores.add(new PostScore(post.id(), post.platform(), post.externalId(), post.publishedAt(), post.topic(),
                    reach[j], u, quality[j], sum == null ? 0 : (long) sum[1],
                    value(reach[j], u, quality[j], weights)));
        }
        scores.sort(Comparator.comparingDouble(PostScore::value).reversed());
        return List.copyOf(scores.subList(0, Math.min(limit, scores.size())));
    }

    /** R_j = delta*C + epsilon*U + zeta*Q. */
    public static double value(double c, double u, double q, Weights weights) {
        return weights.delta() * c + weights.epsilon() * u + weights.zeta() * q;
    }

    /** x / p99, capped at 1. */
    private static double[] capped(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        return Arrays.stream(values).map(v -> p99 <= 0 ? 0 : Math.min(1, v / p99)).toArray();
    }
}
