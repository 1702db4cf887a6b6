package com.campaignstudio.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppSettingsTest {

    @TempDir
    Path folder;

    @Test
    void recentProjectsAreNewestFirstWithoutDuplicatesAndLimited() throws Exception {
        Path file = folder.resolve("settings.properties");
        AppSettings settings = AppSettings.load(file);
        for (int i = 0; i < AppSettings.RECENT_LIMIT + 2; i++) {
            settings.addRecentProject(Files.createFile(folder.resolve("p" + i + ".campaign")));
        }
        settings.addRecentProject(folder.resolve("p3.campaign"));

        var recent = AppSettings.load(file).recentProjects();
        assertEquals(AppSettings.RECENT_LIMIT, recent.size());
        assertEquals(folder.resolve("p3.campaign"), recent.getFirst());
        assertEquals(recent.size(), recent.stream().distinct().count());
    }

    @Test
    void missingProjectsDropOutOfTheRecentList() throws Exception {
        AppSettings settings = AppSettings.load(folder.resolve("settings.properties"));
        Path project = Files.createFile(folder.resolve("gone.campaign"));
        settings.addRecentProject(project);
        Files.delete(project);
        assertTrue(settings.recentProjects().isEmpty());
    }

    @Test
    void languageChoicePersistsAndDefaultsToTheSystem() throws Exception {
        Path file = folder.resolve("settings.properties");
        AppSettings settings = AppSettings.load(file);
        assertTrue(settings.isFirstRun());
        assertEquals(Optional.empty(), settings.language());
        settings.setLanguage(Optional.of(Language.SIMPLIFIED_CHINESE));
        AppSettings reloaded = AppSettings.load(file);
        assertFalse(reloaded.isFirstRun());
        assertEquals(Locale.SIMPLIFIED_CHINESE, reloaded.effectiveLocale());
    }

    @Test
    void chineseSystemLocalesGetTheChineseInterface() {
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.forLocale(Locale.CHINA));
        assertEquals(Language.ENGLISH, Language.forLocale(Locale.GERMANY));
    }
}
