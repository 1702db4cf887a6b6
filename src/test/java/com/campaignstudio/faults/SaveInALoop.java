package com.campaignstudio.faults;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.AppDirectories;

import java.nio.file.Path;

/**
 * A process for kill-during-save trials: opens a project, adds {@link #BASE} followers and saves, says "ready",
 * then round after round adds one follower named {@code round-N} and saves, until it is killed. Saving dominates
 * its time, so a kill at a random moment usually lands in the middle of a save. An intact file holds the base
 * followers and rounds 1 to N without a gap.
 */
public final class SaveInALoop {

    static final int BASE = 100_000;

    private SaveInALoop() {
    }

    public static void main(String[] args) throws Exception {
        ProjectLocations locations = ProjectLocations.under(AppDirectories.current().data());
        try (Project project = Project.open(locations, Path.of(args[0]))) {
            project.database().transaction(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("INSERT INTO follower (platform_id, external_id, region) "
                            + "SELECT 1, 'f-' || X, 'region-' || MOD(X, 97) FROM SYSTEM_RANGE(1, " + BASE + ")");
                }
                return null;
            });
            project.save();
            System.out.println("ready");
            System.out.flush();
            for (int round = 1; ; round++) {
                String name = "round-" + round;
                project.database().transaction(connection -> {
                    try (var insert = connection.prepareStatement(
                            "INSERT INTO follower (platform_id, external_id) VALUES (2, ?)")) {
                        insert.setString(1, name);
                        return insert.executeUpdate();
                    }
                });
                project.save();
            }
        }
    }
}
