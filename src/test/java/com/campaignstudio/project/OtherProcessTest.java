package com.campaignstudio.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project held open by another running instance (a separate JVM) is refused, and usable after it closes. */
class OtherProcessTest {

    @TempDir
    Path folder;

    @Test
    void aProjectOpenInAnotherProcessIsRefusedUntilThatProcessCloses() throws Exception {
        Path home = folder.resolve("home");
        Path file = folder.resolve("shared.campaign");
        Project.create(ProjectLocations.under(home), file, ZoneId.of("Asia/Shanghai")).close();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process other = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldProjectOpen.class.getName(), home.toString(), file.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream()));
            assertEquals("open shared.campaign", out.readLine());
            String before = ProjectFiles.sha256(file);

            ProjectOpenException error = assertThrows(ProjectOpenException.class,
                    () -> Project.open(ProjectLocations.under(home), file));
            assertEquals(ProjectOpenException.Problem.IN_USE, error.problem());
            assertTrue(error.getMessage().matches(".*already open by " + System.getProperty("user.name") + "@\\S+ since "
                    + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(process \\d+\\); close it there first"), error.getMessage());
            assertEquals(before, ProjectFiles.sha256(file));
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        Project.open(ProjectLocations.under(home), file).close();
    }
}
