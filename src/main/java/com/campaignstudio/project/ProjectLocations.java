package com.campaignstudio.project;

import java.nio.file.Path;

/** Where the application keeps working copies, backups and the locks that say which projects are open. */
public record ProjectLocations(Path workRoot, Path backupRoot, Path lockRoot) {

    public static ProjectLocations under(Path applicationData) {
        return new ProjectLocations(applicationData.resolve("work"), applicationData.resolve("backups"),
                applicationData.resolve("locks"));
    }
}
