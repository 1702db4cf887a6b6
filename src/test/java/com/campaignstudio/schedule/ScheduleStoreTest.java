package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleStoreTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);

    @Test
    void aSavedScheduleComesBackWithItsPredictionAfterReopening() throws Exception {
        Simulator simulator = new Simulator(ModelFixtures.model(0.5,
                SimulatorTest.withNoise(ModelFixtures.exact("douyin", 3000, 12, 0.05))));
        SchedulePlan plan = SchedulePlan.week(MONDAY, List.of(
                new PlannedPost("douyin", MONDAY.plusHours(21), "video", "新课预告, 第1期; 限时", 500, true),
                PlannedPost.of("douyin", MONDAY.plusDays(3).plusHours(12), "article")));
        Prediction prediction = Prediction.of(simulator.simulate(plan));
        ScheduleSettings settings = ScheduleSettings.defaults().withHalfLife("weibo", 5).withZone("douyin", "UTC");
        Path file = folder.resolve("p.campaign");
        ProjectLocations locations = ProjectLocations.under(folder.resolve("home"));
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            ScheduleStore store = new ScheduleStore(project.database());
            long version = project.database().dataVersion();
            assertFalse(store.save("Week 49", plan, settings, prediction));
            assertTrue(store.save("Week 49", plan, settings, prediction), "the same name replaces");
            store.save("Other", plan.withPosts(List.of()), settings, new Prediction(List.of(), Outcome.NONE));
            assertEquals(version, project.database().dataVersion(), "a saved plan is not data analyses read");
            project.save();
        }
        try (Project project = Project.open(locations, file)) {
            ScheduleStore store = new ScheduleStore(project.database());
            ScheduleStore.Saved saved = store.load("Week 49").orElseThrow();
            assertEquals(plan, saved.plan());
            assertEquals(settings, saved.settings());
            assertEquals(prediction, saved.prediction());
            assertEquals(List.of("Other", "Week 49"), store.list().stream().map(ScheduleStore.Saved::name).sorted()
                    .toList());
            assertTrue(store.delete("Other"));
            assertEquals(1, store.list().size());
            assertThrows(IllegalArgumentException.class, () -> store.save(" ", plan, settings, prediction));
        }
    }
}
