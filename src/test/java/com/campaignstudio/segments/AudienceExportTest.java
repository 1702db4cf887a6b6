package com.campaignstudio.segments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audience file of a hand-made segmentation, byte for byte: columns, quoting, formulas neutralised. */
class AudienceExportTest {

    private static final String BOM = "\uFEFF";

    @TempDir
    Path folder;
    Project project;
    Segmentation segmentation;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        project.database().transaction(connection -> {
            try (Statement s = connection.createStatement()) {
                // Platform 1 = weibo, 3 = douyin. Follower 25 is not in the segmentation.
                s.execute("INSERT INTO follower (id, platform_id, external_id, followed_at, region, gender, age_band) VALUES "
                        + "(21, 1, 'w-21', TIMESTAMP '2026-01-05 10:00:00', 'Beijing, Chaoyang', 'f', '25-34'), "
                        + "(22, 3, '=HYPERLINK(\"x\")', NULL, NULL, NULL, NULL), "
                        + "(23, 1, 'w-23', TIMESTAMP '2026-02-01 00:00:00', '上海', 'm', '18-24'), "
                        + "(24, 3, 'd-24', TIMESTAMP '2026-02-03 04:05:06', 'He said \"hi\"', NULL, '35-44'), "
                        + "(25, 1, 'w-25', NULL, NULL, NULL, NULL)");
            }
            return null;
        });
        SegmentationSettings defaults = SegmentationSettings.defaults("Audience", 3);
        SegmentationSettings settings = new SegmentationSettings("Audience", defaults.population(),
                List.of(Feature.TENURE_DAYS, Feature.PLATFORM, Feature.LIKES), defaults.transform(),
                defaults.clustering(), defaults.weights());
        segmentation = new Segmentation(1, settings, LocalDateTime.of(2026, 3, 1, 9, 0),
                LocalDateTime.of(2026, 3, 1, 0, 0), List.of("tenure_days", "platform:douyin", "platform:weibo", "likes"),
                new long[]{21, 22, 23, 24}, new int[]{0, 1, 0, 2}, new float[]{0.5f, 0.123456f, 0.99999f, 0f},
                List.of(profile(0, "Superfans", Potential.HIGH), profile(1, "-Casual, \"quoted\"", Potential.MEDIUM),
                        profile(2, "Lurkers", Potential.LOW)), null, List.of());
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void everyColumnOfTheChosenSegmentsInFollowerOrder() throws Exception {
        Path csv = folder.resolve("all.csv");
        long written = AudienceExport.write(project.database(), segmentation, new float[]{0.25f, Float.NaN, 0.0001f, 0.75f},
                Set.of(0, 1), List.of(AudienceExport.Column.values()), csv);
        assertEquals(3, written);
        assertEquals(List.of(
                BOM + "follower_id,platform,segment_number,segment,potential,engagement_score,purchase_propensity,"
                        + "followed_at,region,gender,age_band",
                "w-21,weibo,1,Superfans,high,0.5000,0.2500,2026-01-05 10:00:00,\"Beijing, Chaoyang\",f,25-34",
                // A formula in an id or a name gets an apostrophe; quotes and commas are quoted; unknowns are empty.
                "\"'=HYPERLINK(\"\"x\"\")\",douyin,2,\"'-Casual, \"\"quoted\"\"\",medium,0.1235,,,,,",
                "w-23,weibo,1,Superfans,high,1.0000,0.0001,2026-02-01 00:00:00,上海,m,18-24"),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheChosenColumnsInTheOrderGiven() throws Exception {
        Path csv = folder.resolve("lurkers.csv");
        long written = AudienceExport.write(project.database(), segmentation, null, Set.of(2),
                List.of(AudienceExport.Column.SEGMENT, AudienceExport.Column.FOLLOWER_ID,
                        AudienceExport.Column.PROPENSITY, AudienceExport.Column.REGION), csv);
        assertEquals(1, written);
        assertEquals(List.of(BOM + "segment,follower_id,purchase_propensity,region",
                "Lurkers,d-24,,\"He said \"\"hi\"\"\""), Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    @Test
    void noChosenMemberGivesAHeaderOnly() throws Exception {
        Path csv = folder.resolve("none.csv");
        assertEquals(0, AudienceExport.write(project.database(), segmentation, null, Set.of(5),
                List.of(AudienceExport.Column.FOLLOWER_ID), csv));
        assertEquals(List.of(BOM + "follower_id"), Files.readAllLines(csv, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> AudienceExport.write(project.database(), segmentation, null,
                Set.of(0), List.of(), folder.resolve("nothing.csv")));
    }

    /** Feature values follow the chosen columns, platform left out: up to four decimals, empty when unknown. */
    @Test
    void featureValuesFollowTheChosenColumns() throws Exception {
        FollowerFacts facts = new FollowerFacts(new long[]{21, 22, 23, 24}, new String[]{"weibo", "douyin", "weibo", "douyin"},
                LocalDateTime.of(2026, 3, 1, 0, 0), new double[]{12.345678, Double.NaN, 3.0, 0.00004}, new double[4],
                new long[4], new long[4], new double[4], Map.of("like", new long[]{7, 0, 1, 2}));
        MemberFeatures features = MemberFeatures.of(segmentation, facts);
        assertEquals(List.of("tenure_days", "likes"), features.headers());
        Path csv = folder.resolve("features.csv");
        assertEquals(3, AudienceExport.write(project.database(), segmentation, null, Set.of(0, 2),
                List.of(AudienceExport.Column.FOLLOWER_ID), features, csv));
        assertEquals(List.of(BOM + "follower_id,tenure_days,likes", "w-21,12.3457,7", "w-23,3,1", "d-24,0,2"),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
        assertEquals(List.of("", "0"), features.cells(1), "an unknown tenure is left empty");

        FollowerFacts others = new FollowerFacts(new long[]{21, 22, 23, 25}, facts.platforms(), facts.asOf(),
                facts.tenureDays(), facts.recencyDays(), facts.interactions(), facts.orders(), facts.monetary(),
                facts.kindCounts());
        assertThrows(IllegalArgumentException.class, () -> MemberFeatures.of(segmentation, others));
        assertFalse(MemberFeatures.NONE.headers().iterator().hasNext());
    }

    private static SegmentProfile profile(int number, String name, Potential potential) {
        return new SegmentProfile(number, name, potential, 1, 0.25, List.of(), List.of(), 0, 0, 0, 0, 0, Double.NaN);
    }
}
