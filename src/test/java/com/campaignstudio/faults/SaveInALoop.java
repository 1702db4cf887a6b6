package com.campaignstudio.faults;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.AppDirectories;

import java.nio.file.Path;

/**
 * A process for kill-during-save trials: opens a project and, round after round, adds a batch of followers and
 * saves, printing "saved N" after each save, until it is killed. A consistent file holds a whole number of batches.
 */
public final class SaveInALoop {

    static final int BATCH = 20_000;

    private SaveInALoop() {
    }

    public static void main(String[] args) throws Exception {
        ProjectLocations locations = ProjectLocations.under(AppDirectories.current().data());
        try (Project project = Project.open(locations, Path.of(args[0]))) {
            for (int round = 1; ; round++) {
                int start = round * BATCH;
                project.database().transaction(connection -> {
                    try (var insert = connection.prepareStatement(
                            "INSERT INTO follower (platform_id, external_id, region) VALUES (1, ?, ?)")) {
                        for (int i = 0; i < BATCH; i++) {
                            insert.setString(1, "f-" + (start + i));
                            insert.setString(2, "region-" + (start + i) % 97);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    return null;
                });
                project.save();
                System.out.println("saved " + round);
                System.out.flush();
            }
        }
    }
}
