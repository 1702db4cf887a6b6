package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleSettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void aProjectWithoutStoredSettingsHasTheDefaults() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            assertEquals(ScheduleSettings.defaults(), new ScheduleSettingsStore(project.database()).load());
        }
    }

    @Test
    void savedSettingsComeBackAfterReopeningUnderTheKeysThePlannerReadsWithoutChangingTheDataVersion()
            throws Exception {
        ScheduleSettings settings = ScheduleSettings.defaults().withPriorPosts(7).withHalfLife("weibo", 5.5)
                .withHalfLife("douyin", 30).withZone("douyin", "Asia/Tokyo");
        Path file = folder.resolve("p.campaign");
        ProjectLocations locations = ProjectLocations.under(folder.resolve("home"));
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            long version = project.database().dataVersion();
            new ScheduleSettingsStore(project.database()).save(settings);
            assertEquals(version, project.database().dataVersion(), "settings are not data the analyses read");
            assertEquals("5.5", project.metadata().get("schedule:halfLife:weibo").orElseThrow());
            assertEquals("Asia/Tokyo", project.metadata().get("schedule:zone:douyin").orElseThrow());
            assertEquals("7.0", project.metadata().get("schedule:priorPosts").orElseThrow());
            project.save();
        }
        try (Project project = Project.open(locations, file)) {
            assertEquals(settings, new ScheduleSettingsStore(project.database()).load());
        }
    }

    @Test
    void aHalfLifeLeftOutOfTheSettingsIsRemoved() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            ScheduleSettingsStore store = new ScheduleSettingsStore(project.database());
            store.save(ScheduleSettings.defaults().withHalfLife("weibo", 5).withHalfLife("zhihu", 80));
            store.save(ScheduleSettings.defaults().withHalfLife("zhihu", 80));
            assertEquals(Map.of("zhihu", 80.0), store.load().halfLifeHours());
        }
    }

    @Test
    void valuesThatDoNotReadAreTakenAsUnset() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.metadata().put("schedule:priorPosts", "-2");
            project.metadata().put("schedule:halfLife:weibo", "soon");
            project.metadata().put("schedule:halfLife:douyin", "0");
            project.metadata().put("schedule:zone:douyin", "Mars/Olympus");
            project.metadata().put("schedule:zone:weibo", "Europe/London");
            assertEquals(ScheduleSettings.defaults().withZone("weibo", "Europe/London"),
                    new ScheduleSettingsStore(project.database()).load());
        }
    }
}
