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
        H2Hardening.apply();
        if (args.length == 0 || isProjectFile(args)) {
            com.campaignstudio.ui.CampaignStudioApp.launchApp(args);
            return;
        }
        System.exit(CampaignStudioCommand.execute(args));
    }

    private static boolean isProjectFile(String[] args) {
        return args.length == 1 && args[0].endsWith(AppInfo.PROJECT_EXTENSION) && Files.isRegularFile(Path.of(args[0]));
    }
}
