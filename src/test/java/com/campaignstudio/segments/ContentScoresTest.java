package com.campaignstudio.segments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** R_j = delta*C + epsilon*U + zeta*Q on two posts whose parts are worked out by hand. */
class ContentScoresTest {

    @TempDir
    Path folder;

    @Test
    void postsAreRankedByReachSegmentEngagementAndQuality() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO follower (id, platform_id, external_id) VALUES (10, 3, 'a'), (11, 3, 'b')");
                    s.execute("INSERT INTO post (id, platform_id, external_id, published_at, format, impressions, reach, likes) "
                            + "VALUES (1, 3, 'v1', TIMESTAMP '2026-01-01 20:00:00', 'video', 1000, 1000, 100), "
                            + "(2, 3, 'v2', TIMESTAMP '2026-01-02 20:00:00', 'video', 200, 100, 10)");
                    s.execute("INSERT INTO engagement (follower_id, occurred_at, kind, post_id) VALUES "
                            + "(10, TIMESTAMP '2026-01-01 21:00:00', 'like', 1), (11, TIMESTAMP '2026-01-01 22:00:00', 'view', 1), "
                            + "(11, TIMESTAMP '2026-01-02 21:00:00', 'like', 2), (11, TIMESTAMP '2026-01-02 21:05:00', 'share', 2)");
                }
                return null;
            });
            LocalDateTime now = LocalDateTime.of(2026, 1, 3, 0, 0);
            Segmentation segmentation = new Segmentation(1, SegmentationSettings.defaults("t", 2), now, now,
                    List.of("views"), new long[]{10, 11}, new int[]{0, 1}, new float[]{0.8f, 0.2f}, List.of(), null,
                    List.of());
            // With two posts the 99th percentile is the smaller one, so both reach and both quality scores cap at 1.
            List<ContentScores.PostScore> first = ContentScores.rank(project.database(), segmentation, 0,
                    ContentScores.Weights.defaults(), 10);
            assertEquals(List.of(1L, 2L), first.stream().map(ContentScores.PostScore::postId).toList());
            assertEquals(0.4 + 0.4 * 0.8 + 0.2, first.get(0).value(), 1e-6);
            assertEquals(0.4 + 0.2, first.get(1).value(), 1e-6, "no follower of segment 0 engaged with post 2");
            assertEquals(0, first.get(1).engagers());

            List<ContentScores.PostScore> everyone = ContentScores.rank(project.database(), segmentation, -1,
                    ContentScores.Weights.defaults(), 10);
            assertEquals(0.4 + 0.4 * 0.5 + 0.2, everyone.get(0).value(), 1e-6);
            assertEquals(0.4 + 0.4 * 0.2 + 0.2, everyone.get(1).value(), 1e-6, "follower 11 counted once for post 2");
        }
    }
}
