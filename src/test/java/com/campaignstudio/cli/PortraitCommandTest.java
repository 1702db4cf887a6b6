package com.campaignstudio.cli;

import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.portrait.IndexRow;
import com.campaignstudio.portrait.PortraitFixture;
import com.campaignstudio.portrait.PortraitGroup;
import com.campaignstudio.portrait.PortraitResult;
import com.campaignstudio.portrait.PortraitRun;
import com.campaignstudio.portrait.Share;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.Potential;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code portrait} on the ten followers of {@link PortraitFixture}: its JSON is the domain's answer, value by value. */
class PortraitCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;
    static Path file;
    static PortraitResult expected;
    static Segmentation saved;

    @BeforeAll
    static void makeProject() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        try (Project project = PortraitFixture.create(folder)) {
            saved = new SegmentStore(project.database()).save(handMade());
            project.save();
            file = project.file();
            expected = new PortraitRun(project.database(), new Audiences())
                    .run(List.of(PortraitGroup.buyers(), PortraitGroup.onPlatform("douyin")), TaskContext.silent());
        }
    }

    /** Followers 1, 2, 4 and 7 (the buyers) in "Paying", the other six in "Watching": too few to cluster. */
    private static Segmentation handMade() {
        long[] ids = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int[] segment = {0, 0, 1, 0, 1, 1, 0, 1, 1, 1};
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, "Paying", Potential.HIGH, 4, 0.4, List.of(), List.of(), 1, 1, 0, 0, 0, 0),
                new SegmentProfile(1, "Watching", Potential.LOW, 6, 0.6, List.of(), List.of(), 0, 0, 0, 0, 0, 0));
        LocalDateTime now = LocalDateTime.of(2026, 7, 1, 9, 0);
        return new Segmentation(0, SegmentationSettings.defaults("Hand-made", 2), now, now, List.of(), ids, segment,
                new float[ids.length], profiles, null, List.of());
    }

    @Test
    void theJsonHoldsTheDomainsPortraitTgiAndComparison() throws Exception {
        CommandLineTest.Run run = run("portrait", "--project", file.toString(), "--buyers", "--compare",
                "platform=douyin", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(10, json.get("followers").asLong());
        assertEquals(4, json.get("buyers").asLong());
        assertEquals("2026-06-30", json.get("last_day").asString());
        assertEquals(1, json.get("buyers_without_follower").asLong());
        JsonNode buyers = json.get("groups").get(0);
        assertTrue(buyers.get("group").get("buyers_only").asBoolean());
        assertEquals("douyin", json.get("groups").get(1).get("group").get("platform").asString());
        for (int g = 0; g < 2; g++) {
            PortraitResult.GroupPortrait group = expected.groups().get(g);
            JsonNode shown = json.get("groups").get(g);
            assertEquals(group.portrait().followers(), shown.get("followers").asLong());
            for (Trait trait : Trait.values()) {
                JsonNode values = shown.get("traits").get(trait.key()).get("values");
                List<Share> shares = group.portrait().trait(trait).values();
                assertEquals(shares.size(), values.size(), trait.key());
                for (int v = 0; v < shares.size(); v++) {
                    assertEquals(shares.get(v).key(), values.get(v).get("value").asString());
                    assertEquals(shares.get(v).count(), values.get(v).get("count").asLong());
                    assertEquals(shares.get(v).share(), values.get(v).get("share").asDouble(), 1e-12);
                }
            }
            for (int day = 0; day < 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    assertEquals(group.portrait().activeHours().at(day, hour),
                            shown.get("active_hours").get(day).get(hour).asLong());
                }
            }
            JsonNode tgi = shown.get("tgi");
            assertEquals(group.tgi().size(), tgi.size());
            for (int r = 0; r < tgi.size(); r++) {
                IndexRow row = group.tgi().get(r);
                assertEquals(row.trait().key() + ":" + row.key(),
                        tgi.get(r).get("trait").asString() + ":" + tgi.get(r).get("value").asString());
                if (Double.isFinite(row.index())) {
                    assertEquals(row.index(), tgi.get(r).get("tgi").asDouble(), 1e-9);
                }
                assertEquals(row.tooFew(), tgi.get(r).get("too_few").asBoolean());
            }
        }
        assertEquals(150, row(json.get("groups").get(0).get("tgi"), "gender", "female").get("tgi").asDouble(), 1e-9,
                "buyers' women: (3/4) / (5/10)");
        JsonNode comparison = json.get("comparison");
        assertEquals(expected.comparison().size(), comparison.size());
        JsonNode women = row(comparison, "gender", "female");
        assertEquals(100 * 0.75 / 0.8, women.get("index").asDouble(), 1e-9, "buyers 3/4 against Douyin 4/5");
        assertEquals(0.8, women.get("base_share").asDouble(), 1e-12);
    }

    private static JsonNode row(JsonNode rows, String trait, String value) {
        for (JsonNode row : rows) {
            if (row.get("trait").asString().equals(trait) && row.get("value").asString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row " + trait + ":" + value);
    }

    @Test
    void theTableNamesTheGroupAndItsMostDistinctiveValues() {
        CommandLineTest.Run run = run("portrait", "--project", file.toString(), "--platform", "douyin");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Group platform douyin: 5 followers, 3 buyers"), run.out());
        assertTrue(run.out().contains("Stands out most against everyone"), run.out());
    }

    @Test
    void aSegmentIsChosenByNumberOrNameOfTheNewestSegmentation() throws Exception {
        String second = saved.profiles().get(1).name();
        long members = 6;
        for (String chosen : List.of("2", second)) {
            CommandLineTest.Run run = run("portrait", "--project", file.toString(), "--segment", chosen, "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode group = JSON.readTree(run.out()).get("groups").get(0);
            assertEquals(second, group.get("group").get("segment").asString());
            assertEquals(saved.id(), group.get("group").get("segmentation").asLong());
            assertEquals(members, group.get("followers").asLong(), "followers 3, 5, 6, 8, 9 and 10");
            assertEquals(0, group.get("buyers").asLong(), "none of them bought");
        }
        CommandLineTest.Run missing = run("portrait", "--project", file.toString(), "--segment", "3");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("has segments 1 to 2"), missing.err());
    }

    @Test
    void aBadGroupOrAMissingSegmentationFailsInOneLine() {
        CommandLineTest.Run bad = run("portrait", "--project", file.toString(), "--compare", "friends");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("give everyone, buyers, platform=CODE or segment=N|NAME"), bad.err());
        CommandLineTest.Run segment = run("portrait", "--project", file.toString(), "--segmentation", "99",
                "--segment", "1");
        assertEquals(1, segment.exitCode());
        assertTrue(segment.err().contains("--segmentation 99: no such saved segmentation"), segment.err());
    }
}
