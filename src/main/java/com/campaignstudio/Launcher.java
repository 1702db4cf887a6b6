package com.campaignstudio;

import com.campaignstudio.cli.CampaignStudioCommand;
import com.campaignstudio.project.H2Hardening;

/**
 * Entry point of the jar and of the installed launcher: with no arguments it opens the application
 * window, otherwise it runs a command-line command. Kept free of JavaFX types so that commands start
 * without loading the toolkit (and so that the JavaFX runtime check does not refuse a plain class path).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        H2Hardening.apply();
        if (args.length == 0) {
            com.campaignstudio.ui.CampaignStudioApp.launchApp(args);
            return;
        }
        System.exit(CampaignStudioCommand.execute(args));
    }
}
