package com.campaignstudio.importer;

import com.campaignstudio.bench.OrderFiles;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import killed half-way (the process, not a cancel) leaves the project holding none of it. */
class KilledImportTest {

    @TempDir
    Path folder;

    @Test
    void aKilledImportLeavesNoTraceAndEarlierUnsavedWorkIsRecovered() throws Exception {
        Path home = folder.resolve("home");
        Path projectFile = folder.resolve("p.campaign");
        Project.create(ProjectLocations.under(home), projectFile, ZoneId.of("Asia/Shanghai")).close();
        Path orders = folder.resolve("orders.csv");
        OrderFiles.write(orders, 400_000);

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillableImport.class.getName(), home.toString(), projectFile.toString(), orders.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        assertEquals("importing", out.readLine());
        Thread.sleep(1500);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (Project project = Project.open(ProjectLocations.under(home), projectFile)) {
            assertTrue(project.wasRecovered(), "the committed change before the import is unsaved work to recover");
            assertEquals(1L, count(project, "SELECT COUNT(*) FROM follower WHERE external_id = 'before-the-import'"));
            assertEquals(0L, count(project, "SELECT COUNT(*) FROM customer_order"));
            assertEquals(0L, count(project, "SELECT COUNT(*) FROM import_batch"));
            assertEquals(0L, count(project, "SELECT COUNT(*) FROM product"));
        }
    }

    private static long count(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
