package com.campaignstudio;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void aLinuxWithoutDisplayIsToldSoInsteadOfAStackTrace() {
        assertFalse(Launcher.hasDisplay("Linux", Map.of(), null));
        assertTrue(Launcher.hasDisplay("Linux", Map.of("DISPLAY", ":0"), null));
        assertTrue(Launcher.hasDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertTrue(Launcher.hasDisplay("Linux", Map.of(), "Headless"), "JavaFX's headless platform, as in tests");
        assertTrue(Launcher.hasDisplay("Windows 11", Map.of(), null));
    }
}
