package com.campaignstudio.project;

import java.nio.file.Path;

/** A second process for tests: opens a project, says so, and keeps it open until its input closes. */
public final class HoldProjectOpen {

    private HoldProjectOpen() {
    }

    public static void main(String[] args) throws Exception {
        try (Project project = Project.open(ProjectLocations.under(Path.of(args[0])), Path.of(args[1]))) {
            System.out.println("open " + project.file().getFileName());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
