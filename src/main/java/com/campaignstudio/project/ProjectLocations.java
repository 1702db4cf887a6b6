package com.campaignstudio.project;

import java.nio.file.Path;

/** Where the application keeps working copies and backups of projects. */
public record ProjectLocations(Path workRoot, Path backupRoot) {

    public static ProjectLocations under(Path applicationHome) {
        return new ProjectLocations(applicationHome.resolve("work"), applicationHome.resolve("backups"));
    }
}
