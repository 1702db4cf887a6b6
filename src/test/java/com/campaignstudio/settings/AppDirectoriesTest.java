package com.campaignstudio.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppDirectoriesTest {

    @TempDir
    Path folder;

    @Test
    void linuxFollowsXdgWithHomeFromTheEnvironmentNotThePasswordDatabase() {
        AppDirectories dirs = AppDirectories.resolve("Linux", Map.of("HOME", "/home/lin"), "/root", null);
        assertEquals(Path.of("/home/lin/.config/campaign-studio"), dirs.config());
        assertEquals(Path.of("/home/lin/.local/share/campaign-studio"), dirs.data());
        assertEquals(Path.of("/home/lin/.config/campaign-studio/settings.properties"), dirs.settingsFile());
    }

    @Test
    void xdgVariablesMoveConfigAndDataButRelativeOnesAreIgnored() {
        AppDirectories dirs = AppDirectories.resolve("Linux",
                Map.of("HOME", "/home/lin", "XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data"), "/root", null);
        assertEquals(Path.of("/cfg/campaign-studio"), dirs.config());
        assertEquals(Path.of("/home/lin/.local/share/campaign-studio"), dirs.data());
    }

    @Test
    void windowsUsesRoamingAppDataForSettingsAndLocalAppDataForProjects() {
        AppDirectories dirs = AppDirectories.resolve("Windows 11",
                Map.of("APPDATA", "/users/wen/AppData/Roaming", "LOCALAPPDATA", "/users/wen/AppData/Local"),
                "/users/wen", null);
        assertEquals(Path.of("/users/wen/AppData/Roaming/Campaign Studio"), dirs.config());
        assertEquals(Path.of("/users/wen/AppData/Local/Campaign Studio"), dirs.data());
    }

    @Test
    void macOsUsesApplicationSupport() {
        AppDirectories dirs = AppDirectories.resolve("Mac OS X", Map.of("HOME", "/Users/mei"), "/Users/mei", null);
        assertEquals(Path.of("/Users/mei/Library/Application Support/Campaign Studio"), dirs.config());
        assertEquals(dirs.config(), dirs.data());
    }

    @Test
    void oneVariableOrPropertyPutsEverythingUnderOneRootAndThePropertyWins() {
        Map<String, String> env = Map.of("HOME", "/home/lin", "CAMPAIGN_STUDIO_HOME", "/portable");
        assertEquals(AppDirectories.under(Path.of("/portable")), AppDirectories.resolve("Linux", env, "/root", null));
        assertEquals(AppDirectories.under(Path.of("/tests")), AppDirectories.resolve("Linux", env, "/root", "/tests"));
    }

    @Test
    void anEarlierVersionsFolderIsMovedWithItsSettingsInTheConfigFolder() throws Exception {
        Path legacy = Files.createDirectories(folder.resolve(".campaign-studio"));
        Files.writeString(legacy.resolve("settings.properties"), "language=zh-CN\n");
        Files.writeString(legacy.resolve("presets.json"), "[]");
        Files.createDirectories(legacy.resolve("backups").resolve("p1"));
        AppDirectories target = new AppDirectories(folder.resolve("config/campaign-studio"),
                folder.resolve("share/campaign-studio"));

        AppDirectories adopted = AppDirectories.adoptLegacy(legacy, target);

        assertEquals(target, adopted);
        assertFalse(Files.exists(legacy));
        assertEquals("language=zh-CN\n", Files.readString(target.settingsFile()));
        assertTrue(Files.exists(target.presetsFile()));
        assertTrue(Files.isDirectory(target.data().resolve("backups").resolve("p1")));
    }

    @Test
    void anEarlierVersionsFolderIsLeftAloneOnceTheNewOneExists() throws Exception {
        Path legacy = Files.createDirectories(folder.resolve(".campaign-studio"));
        AppDirectories target = AppDirectories.under(Files.createDirectories(folder.resolve("new")));
        assertEquals(target, AppDirectories.adoptLegacy(legacy, target));
        assertTrue(Files.exists(legacy));
    }

    @Test
    void testsRunUnderATemporaryRootNeverTheUsersHome() {
        Path root = AppDirectories.current().data();
        assertTrue(root.startsWith(Path.of(System.getProperty("java.io.tmpdir"))),
                "tests must not use the real application folder: " + root);
    }
}
