package com.campaignstudio.funnels;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.snapshot.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funnel definitions saved in the project: kept across a save and reopen, replaced, renamed and deleted by name. */
class FunnelStoreTest {

    private static final FunnelDefinition SOCIAL = new FunnelDefinition(FunnelDefinition.SOCIAL_TO_SALE,
            Duration.ofDays(14), StepOrder.STRICT);
    private static final FunnelDefinition LIVE = new FunnelDefinition(List.of("live_watch", "purchase"),
            Duration.ofHours(12), StepOrder.ANY);

    @TempDir
    Path folder;

    private ProjectLocations locations() {
        return ProjectLocations.under(folder.resolve("home"));
    }

    private Project create() throws Exception {
        return Project.create(locations(), folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aSavedFunnelComesBackAsItWasAfterTheProjectIsSavedAndReopened() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = create()) {
            FunnelStore store = new FunnelStore(project.database());
            assertFalse(store.save("Live", LIVE, Breakdown.PERIOD, Period.WEEK), "a new name");
            assertFalse(store.save("Post to sale", SOCIAL, Breakdown.PLATFORM, Period.MONTH));
            project.save();
        }
        try (Project project = Project.open(locations(), file)) {
            FunnelStore store = new FunnelStore(project.database());
            FunnelStore.Saved social = store.load("Post to sale").orElseThrow();
            assertEquals(SOCIAL, social.definition());
            assertEquals(Breakdown.PLATFORM, social.breakdown());
            assertEquals(Period.MONTH, social.period());
            FunnelStore.Saved live = store.load("Live").orElseThrow();
            assertEquals(LIVE, live.definition());
            assertEquals(Breakdown.PERIOD, live.breakdown());
            assertEquals(Period.WEEK, live.period());
            assertEquals(List.of("Post to sale", "Live"), store.list().stream().map(FunnelStore.Saved::name).toList(),
                    "the most recently saved first");
        }
    }

    @Test
    void savingUnderATakenNameReplacesItAndSavingLeavesTheDataVersionAsItWas() throws Exception {
        try (Project project = create()) {
            FunnelStore store = new FunnelStore(project.database());
            long version = project.database().dataVersion();
            store.save("Post to sale", SOCIAL, Breakdown.NONE, Period.MONTH);
            assertTrue(store.save(" Post to sale ", LIVE, Breakdown.NONE, Period.MONTH), "the same name, stripped");
            assertEquals(1, store.list().size());
            assertEquals(LIVE, store.load("Post to sale").orElseThrow().definition());
            assertEquals(version, project.database().dataVersion(), "no analysis reads funnel definitions: the "
                    + "activity snapshot stays current");
            assertTrue(project.hasUnsavedChanges(), "but the project has a change to save");
        }
    }

    @Test
    void aFunnelIsRenamedUnlessTheNameIsTakenAndDeletedByName() throws Exception {
        try (Project project = create()) {
            FunnelStore store = new FunnelStore(project.database());
            store.save("A", SOCIAL, Breakdown.NONE, Period.MONTH);
            store.save("B", LIVE, Breakdown.NONE, Period.MONTH);
            FunnelException taken = assertThrows(FunnelException.class, () -> store.rename("A", "B"));
            assertEquals("funnel.error.nameTaken", taken.reason().key());
            assertEquals(SOCIAL, store.load("A").orElseThrow().definition(), "nothing renamed");
            store.rename("A", "Post to sale");
            assertTrue(store.load("A").isEmpty());
            assertEquals(SOCIAL, store.load("Post to sale").orElseThrow().definition());
            assertTrue(store.delete("B"));
            assertFalse(store.delete("B"), "already gone");
            assertEquals(List.of("Post to sale"), store.list().stream().map(FunnelStore.Saved::name).toList());
        }
    }

    @Test
    void aNameIsNeededAndFitsTheKeyAndOtherProjectFactsAreNotFunnels() throws Exception {
        try (Project project = create()) {
            FunnelStore store = new FunnelStore(project.database());
            assertEquals("funnel.error.noName", assertThrows(FunnelException.class,
                    () -> store.save("  ", SOCIAL, Breakdown.NONE, Period.MONTH)).reason().key());
            assertEquals("funnel.error.nameLength", assertThrows(FunnelException.class,
                    () -> store.save("x".repeat(FunnelStore.MAX_NAME + 1), SOCIAL, Breakdown.NONE, Period.MONTH))
                    .reason().key());
            store.save("y".repeat(FunnelStore.MAX_NAME), SOCIAL, Breakdown.NONE, Period.MONTH);
            assertTrue(new ProjectMetadata(project.database()).get(ProjectMetadata.TIME_ZONE).isPresent());
            assertEquals(1, store.list().size(), "the time zone and the project id are not funnels");
        }
    }
}
