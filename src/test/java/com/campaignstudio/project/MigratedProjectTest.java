package com.campaignstudio.project;

import com.campaignstudio.segments.Potential;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Projects saved by an older version gain the newer tables, and they work like those of a new project. */
class MigratedProjectTest {

    @TempDir
    Path folder;

    @Test
    void aProjectFromSchemaFiveSavesSegmentations() throws Exception {
        Path file = ProjectFiles.build(folder, "v5.campaign", "5", 5, connection -> { });
        try (Project project = Project.open(ProjectLocations.under(folder.resolve("home")), file)) {
            assertEquals(SchemaVersion.CURRENT, project.database().appliedSchemaVersion());
            List<SegmentProfile> profiles = List.of(
                    new SegmentProfile(0, "A", Potential.HIGH, 1, 0.5, List.of(1.0), List.of(1.0), 1, 1, 10, 0.5, 0.4, Double.NaN),
                    new SegmentProfile(1, "B", Potential.LOW, 1, 0.5, List.of(0.0), List.of(-1.0), 0, 0, 0, 0.1, 0.1, Double.NaN));
            LocalDateTime now = LocalDateTime.of(2026, 11, 23, 12, 0);
            SegmentStore store = new SegmentStore(project.database());
            Segmentation saved = store.save(new Segmentation(0, SegmentationSettings.defaults("old file", 2), now, now,
                    List.of("views"), new long[]{1, 2}, new int[]{0, 1}, new float[]{0.5f, 0.1f}, profiles, null,
                    List.of()));
            assertEquals(List.of("A", "B"), store.load(saved.id()).profiles().stream().map(SegmentProfile::name).toList());
        }
    }

    @Test
    void reachSnapshotsOfAProjectFromSchemaOneGetIdsAndNoImport() throws Exception {
        // Without their post: H2 reports the post format CHECK of a file built this way as invalid (V6 describes
        // it), and the snapshots' foreign key is suspended instead.
        Path file = ProjectFiles.build(folder, "v1.campaign", "1", 1, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                statement.execute("INSERT INTO post_reach_snapshot (post_id, taken_at, reach) VALUES "
                        + "(1, TIMESTAMP '2024-03-05 21:00:00', 100), (1, TIMESTAMP '2024-03-06 20:00:00', 400)");
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        });
        try (Project project = Project.open(ProjectLocations.under(folder.resolve("home")), file)) {
            assertEquals(SchemaVersion.CURRENT, project.database().appliedSchemaVersion());
            assertEquals("2 2 0", project.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(import_id) "
                             + "FROM post_reach_snapshot")) {
                    rs.next();
                    return rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3);
                }
            }), "both snapshots have an id, different ones, and came from no import");
        }
    }
}
