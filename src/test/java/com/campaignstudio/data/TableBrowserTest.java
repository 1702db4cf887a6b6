package com.campaignstudio.data;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableBrowserTest {

    @TempDir
    Path folder;

    @Test
    void sortsByAColumnWithNullsAndTiesInAStableOrder() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("INSERT INTO follower (id, platform_id, external_id, region) VALUES "
                            + "(1, 1, 'a', 'Sichuan'), (2, 1, 'b', NULL), (3, 1, 'c', 'Beijing'), "
                            + "(4, 1, 'd', 'Sichuan'), (5, 1, 'e', 'Anhui')");
                }
                return null;
            });
            TableBrowser browser = new TableBrowser(project.database(), "follower");
            assertArrayEquals(new long[]{1, 2, 3, 4, 5}, browser.orderedKeys(null, true, TaskContext.silent()));
            assertArrayEquals(new long[]{2, 5, 3, 1, 4}, browser.orderedKeys("region", true, TaskContext.silent()));
            assertArrayEquals(new long[]{1, 4, 3, 5, 2}, browser.orderedKeys("region", false, TaskContext.silent()));

            List<Object[]> rows = browser.rows(new long[]{3, 1});
            int region = browser.columns().indexOf("region");
            assertEquals("Beijing", rows.get(0)[region]);
            assertEquals("Sichuan", rows.get(1)[region]);
            assertThrows(IllegalArgumentException.class,
                    () -> browser.orderedKeys("region; DROP TABLE follower", true, TaskContext.silent()));
        }
    }

    @Test
    void onlyKnownTablesCanBeBrowsed() {
        assertThrows(IllegalArgumentException.class, () -> TableCatalog.requireBrowsable("project_meta"));
    }
}
