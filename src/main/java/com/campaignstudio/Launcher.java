package com.campaignstudio;

import com.campaignstudio.cli.CampaignStudioCommand;
import com.campaignstudio.project.H2Hardening;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the jar and of the installed launcher: with no arguments it opens the application
 * window, with the path of a project file it opens the window on that project (a double-click in a file
 * manager), otherwise it runs a command-line command. Kept free of JavaFX types so that commands start
 * without loading the toolkit (and so that the JavaFX runtime check does not refuse a plain class path).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        NativePreload.load(System.getProperty(NativePreload.PROPERTY));
        H2Hardening.apply();
        if (args.length == 0 || isProjectFile(args)) {
            if (!hasDisplay(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"))) {
                System.err.println("error: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
                        + "are not set). Run it on a desktop, or use the command line: campaign-studio --help");
                System.exit(2);
            }
            com.campaignstudio.ui.CampaignStudioApp.launchApp(args);
            return;
        }
        System.exit(CampaignStudioCommand.execute(args));
    }

    /** Windows and macOS always have one; elsewhere an X or Wayland display, or JavaFX's headless platform. */
    static boolean hasDisplay(String osName, java.util.Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        return os.startsWith("windows") || os.startsWith("mac") || "Headless".equalsIgnoreCase(glassPlatform)
                || !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    private static boolean isProjectFile(String[] args) {
        return args.length == 1 && args[0].endsWith(AppInfo.PROJECT_EXTENSION) && Files.isRegularFile(Path.of(args[0]));
    }
}
