package com.campaignstudio.segments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.text.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved segmentations in a fresh project: what is saved comes back field by field, members are filtered by
 * segment, renames and deletes touch only what they name, and a write that fails leaves nothing behind.
 */
class SegmentStoreTest {

    private static final LocalDateTime MARCH = LocalDateTime.of(2026, 3, 1, 10, 30);
    private static final LocalDateTime APRIL = LocalDateTime.of(2026, 4, 2, 8, 15);

    @TempDir
    Path folder;
    Project project;
    SegmentStore store;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        store = new SegmentStore(project.database());
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void aSavedSegmentationComesBackFieldByField() throws Exception {
        Segmentation spring = spring("Spring", MARCH);
        Segmentation saved = store.save(spring);
        assertTrue(saved.id() > 0, "the saved copy carries its new id: " + saved.id());
        assertEquals(spring.settings(), saved.settings());

        Segmentation loaded = store.load(saved.id());
        assertEquals(saved.id(), loaded.id());
        assertEquals(spring.settings(), loaded.settings());
        assertEquals(MARCH, loaded.createdAt());
        assertEquals(LocalDateTime.of(2026, 2, 28, 0, 0), loaded.asOf());
        assertEquals(List.of("recency_days", "views", "likes"), loaded.columns());
        assertArrayEquals(new long[]{10, 11, 12, 13, 14}, loaded.followerIds());
        assertArrayEquals(new int[]{0, 2, 1, 0, 2}, loaded.segment());
        assertArrayEquals(new float[]{0.9f, 0.1f, 0.5f, 0.75f, 0.2f}, loaded.engagement());
        assertEquals(spring.profiles(), loaded.profiles());
        assertEquals(List.of(Reason.of("segment.note.imputed", "tenure_days", 2, "3.5")), loaded.notes());
        assertArrayEquals(new double[]{1.5, -2, 0.25}, loaded.scatter().x());
        assertArrayEquals(new double[]{0, 4, -1}, loaded.scatter().y());
        assertArrayEquals(new int[]{0, 2, 1}, loaded.scatter().segment());
        assertEquals(0.8, loaded.scatter().explainedShare());
        assertEquals(spring.profiles(), store.profiles(saved.id()), "profiles alone, without the members");
    }

    @Test
    void withoutAPictureTheLoadedSegmentationHasNone() throws Exception {
        Segmentation plain = spring("Plain", MARCH);
        plain = new Segmentation(0, plain.settings(), plain.createdAt(), plain.asOf(), plain.columns(),
                plain.followerIds(), plain.segment(), plain.engagement(), plain.profiles(), null, List.of());
        Segmentation loaded = store.load(store.save(plain).id());
        assertNull(loaded.scatter());
        assertEquals(List.of(), loaded.notes());
    }

    @Test
    void theListShowsTheNewestFirstWithCountsAndFindPicksByName() throws Exception {
        assertEquals(List.of(), store.list());
        long older = store.save(spring("Spring", MARCH)).id();
        long newer = store.save(spring("Easter", APRIL)).id();
        assertEquals(List.of(new SegmentStore.Summary(newer, "Easter", APRIL, 3, 5, false),
                new SegmentStore.Summary(older, "Spring", MARCH, 3, 5, false)), store.list());
        assertEquals(older, store.find("Spring").orElseThrow().id(), "the older one, although listed second");
        assertEquals(newer, store.find("Easter").orElseThrow().id());
        assertTrue(store.find("Summer").isEmpty());
        assertTrue(store.find("spring").isEmpty(), "names are matched exactly");
    }

    @Test
    void membersAreTheFollowersOfOneSegment() throws Exception {
        long id = store.save(spring("Spring", MARCH)).id();
        assertEquals(Set.of(10L, 13L), store.members(id, 0));
        assertEquals(Set.of(12L), store.members(id, 1));
        assertEquals(Set.of(11L, 14L), store.members(id, 2));
        assertEquals(Set.of(), store.members(id, 3), "no such segment");
    }

    @Test
    void aSecondSegmentationUnderATakenNameIsRefusedAndNothingIsWritten() throws Exception {
        long first = store.save(spring("Spring", MARCH)).id();
        SegmentationException taken = assertThrows(SegmentationException.class,
                () -> store.save(spring("Spring", APRIL)));
        assertEquals(Reason.of("segment.error.nameTaken", "Spring"), taken.reason());
        assertEquals(List.of(first), store.list().stream().map(SegmentStore.Summary::id).toList());
        assertEquals(MARCH, store.load(first).createdAt(), "the first one is untouched");
    }

    @Test
    void aFailedWriteLeavesTheStoreAsItWas() throws Exception {
        long kept = store.save(spring("Spring", MARCH)).id();
        Segmentation good = spring("Easter", APRIL);
        List<SegmentProfile> profiles = new java.util.ArrayList<>(good.profiles());
        // Segment names hold at most 200 characters: the segment rows fail after the segmentation row went in.
        profiles.set(1, profiles.get(1).renamed("x".repeat(201)));
        assertThrows(SQLException.class, () -> store.save(good.withProfiles(profiles)));
        assertEquals(List.of(kept), store.list().stream().map(SegmentStore.Summary::id).toList(),
                "the segmentation row was rolled back with its segments");
        assertTrue(store.find("Easter").isEmpty());

        long easter = store.save(good).id();
        assertEquals(good.profiles(), store.profiles(easter), "the name is free again and nothing half-written remains");
    }

    @Test
    void renamingChangesOnlyTheSegmentNamed() throws Exception {
        Segmentation spring = spring("Spring", MARCH);
        long springId = store.save(spring).id();
        long easterId = store.save(spring("Easter", APRIL)).id();
        store.rename(springId, 1, "周末观众");
        List<SegmentProfile> renamed = store.profiles(springId);
        assertEquals(List.of("Superfans", "周末观众", "Lurkers"), renamed.stream().map(SegmentProfile::name).toList());
        assertEquals(spring.profiles().get(1).renamed("周末观众"), renamed.get(1), "only the name changed");
        assertEquals("周末观众", store.load(springId).profiles().get(1).name());
        assertEquals(List.of("Superfans", "Casuals", "Lurkers"),
                store.profiles(easterId).stream().map(SegmentProfile::name).toList(), "the other segmentation");

        store.rename(springId, 7, "nobody");
        store.rename(999, 0, "nobody");
        assertEquals(List.of("Superfans", "周末观众", "Lurkers"),
                store.profiles(springId).stream().map(SegmentProfile::name).toList(), "unknown segments change nothing");
    }

    @Test
    void deletingRemovesOneSegmentationWithItsSegments() throws Exception {
        long springId = store.save(spring("Spring", MARCH)).id();
        long easterId = store.save(spring("Easter", APRIL)).id();
        store.delete(999);
        assertEquals(2, store.list().size(), "an unknown id deletes nothing");

        store.delete(springId);
        assertEquals(List.of(easterId), store.list().stream().map(SegmentStore.Summary::id).toList());
        assertTrue(store.find("Spring").isEmpty());
        assertEquals(List.of(), store.profiles(springId), "its segments went with it");
        SQLException gone = assertThrows(SQLException.class, () -> store.load(springId));
        assertEquals("no segmentation " + springId, gone.getMessage());
        assertThrows(SQLException.class, () -> store.members(springId, 0));
        assertEquals(Set.of(10L, 13L), store.members(easterId, 0), "the other one is intact");
        assertEquals(3, store.profiles(easterId).size());
        store.save(spring("Spring", MARCH));
        assertTrue(store.find("Spring").isPresent(), "the name can be used again");
    }

    @Test
    void propensityScoresAreStoredWithTheirSummary() throws Exception {
        long id = store.save(spring("Spring", MARCH)).id();
        long other = store.save(spring("Easter", APRIL)).id();
        assertTrue(store.propensity(id).isEmpty());
        Propensity.Summary summary = new Propensity.Summary(30, LocalDate.of(2026, 1, 30), 700, 300, 0.125, 0.81,
                0.74, "forest", List.of(new Propensity.Gain(0, 0), new Propensity.Gain(0.5, 0.9)),
                List.of(new Propensity.Importance("likes", 0.75), new Propensity.Importance("views", 0.25)));
        float[] scores = {0.5f, Float.NaN, 0.01f, 0.99f, 0.25f};
        store.savePropensity(id, new Propensity(summary, scores));

        Propensity stored = store.propensity(id).orElseThrow();
        assertEquals(summary, stored.summary());
        assertArrayEquals(scores, stored.scores());
        assertTrue(store.propensity(other).isEmpty(), "only the segmentation named");
        assertTrue(store.propensity(999).isEmpty());
        assertEquals(List.of(false, true), store.list().stream().map(SegmentStore.Summary::hasPropensity).toList(),
                "newest (Easter) first");
    }

    /** Five followers in three segments with worked profiles; {@code createdAt} orders the list. */
    static Segmentation spring(String name, LocalDateTime createdAt) {
        SegmentationSettings defaults = SegmentationSettings.defaults(name, 3);
        SegmentationSettings settings = new SegmentationSettings(name,
                new Population("douyin", true, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 27)),
                List.of(Feature.RECENCY_DAYS, Feature.VIEWS, Feature.LIKES), defaults.transform(),
                new Clusterer.Settings(Algorithm.GAUSSIAN_MIXTURE, 3, 2, 50, 42), defaults.weights());
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, "Superfans", Potential.HIGH, 2, 0.4, List.of(1.5, 20.0, 7.0),
                        List.of(-1.0, 1.25, 0.5), 0.7, 1.0, 35.0, 0.825, 0.6, Double.NaN),
                new SegmentProfile(1, "Casuals", Potential.MEDIUM, 1, 0.2, List.of(10.0, 3.0, 1.0),
                        List.of(0.5, -0.25, 0.0), 0.3, 1.0, 30.0, 0.5, 0.4, 0.2),
                new SegmentProfile(2, "Lurkers", Potential.LOW, 2, 0.4, List.of(40.0, 0.5, 0.0),
                        List.of(1.5, -1.0, -0.75), 0.0, 0.0, 0.0, 0.15, 0.1, Double.NaN));
        return new Segmentation(0, settings, createdAt, LocalDateTime.of(2026, 2, 28, 0, 0),
                List.of("recency_days", "views", "likes"), new long[]{10, 11, 12, 13, 14}, new int[]{0, 2, 1, 0, 2},
                new float[]{0.9f, 0.1f, 0.5f, 0.75f, 0.2f}, profiles,
                new Scatter(new double[]{1.5, -2, 0.25}, new double[]{0, 4, -1}, new int[]{0, 2, 1}, 0.8),
                List.of(Reason.of("segment.note.imputed", "tenure_days", 2, "3.5")));
    }
}
