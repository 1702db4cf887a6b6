package com.campaignstudio.project;

import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TestContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectLifecycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;
    private ProjectLocations locations;

    @BeforeEach
    void setUp() {
        locations = ProjectLocations.under(folder.resolve("home"));
    }

    @Test
    void createdProjectIsOneFileWithCurrentSchemaAndMetadata() throws Exception {
        Path file = folder.resolve("My shop.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            assertTrue(Files.isRegularFile(file));
            assertFalse(project.hasUnsavedChanges());
            assertEquals(SchemaVersion.CURRENT, project.database().appliedSchemaVersion());
            assertEquals("Asia/Shanghai", project.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
            assertEquals(44, project.metadata().get(ProjectMetadata.PSEUDONYMISATION_KEY).orElseThrow().length());
            assertEquals("My shop", project.metadata().get(ProjectMetadata.NAME).orElseThrow());
        }
        try (var entries = Files.list(folder)) {
            assertEquals(1, entries.filter(p -> p.toString().endsWith(".campaign")).count(),
                    "no side files next to the project");
        }
    }

    @Test
    void savedChangesSurviveReopening() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            insertFollower(project, "f-1");
            assertTrue(project.hasUnsavedChanges());
            project.save();
            assertFalse(project.hasUnsavedChanges());
        }
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(1, countFollowers(reopened));
            assertFalse(reopened.wasRecovered());
        }
    }

    @Test
    void theProjectFileIsNotWrittenUntilSave() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            String before = ProjectFiles.sha256(file);
            insertFollower(project, "f-1");
            assertEquals(before, ProjectFiles.sha256(file));
        }
    }

    @Test
    void closingWithoutSavingDiscardsChanges() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            insertFollower(project, "f-1");
        }
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(0, countFollowers(reopened));
        }
    }

    @Test
    void unsavedChangesLeftByACrashAreRecoveredOnNextOpen() throws Exception {
        Path file = folder.resolve("p.campaign");
        Project project = Project.create(locations, file, SHANGHAI);
        insertFollower(project, "f-1");
        project.closeKeepingUnsavedChanges();

        assertEquals(java.util.List.of(file.toAbsolutePath().normalize()), Project.findRecoverable(locations));
        try (Project recovered = Project.open(locations, file)) {
            assertTrue(recovered.wasRecovered());
            assertTrue(recovered.hasUnsavedChanges());
            assertEquals(1, countFollowers(recovered));
        }
    }

    @Test
    void discardingRecoverableChangesOpensTheSavedVersion() throws Exception {
        Path file = folder.resolve("p.campaign");
        Project project = Project.create(locations, file, SHANGHAI);
        insertFollower(project, "f-1");
        project.closeKeepingUnsavedChanges();

        Project.discardRecoverable(locations, file);
        assertTrue(Project.findRecoverable(locations).isEmpty());
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(0, countFollowers(reopened));
        }
    }

    @Test
    void savingKeepsTheReplacedVersionsAsBackups() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            for (int i = 0; i < Backups.KEPT + 2; i++) {
                insertFollower(project, "f-" + i);
                project.save();
            }
            var backups = project.backups().list(project.projectId());
            assertEquals(Backups.KEPT, backups.size());
            try (Project newestBackup = Project.open(ProjectLocations.under(folder.resolve("other")),
                    backups.getFirst().file())) {
                assertEquals(Backups.KEPT + 1, countFollowers(newestBackup), "newest backup is the previous save");
            }
        }
    }

    @Test
    void savingOverATeammatesSaveIsRefusedUntilConfirmed() throws Exception {
        Path file = folder.resolve("shared.campaign");
        Project.create(locations, file, SHANGHAI).close();
        ProjectLocations otherLaptop = ProjectLocations.under(folder.resolve("laptop2"));
        try (Project mine = Project.open(locations, file)) {
            try (Project theirs = Project.open(otherLaptop, file)) {
                insertFollower(theirs, "theirs");
                theirs.save();
            }
            insertFollower(mine, "mine");
            assertTrue(mine.changedOnDisk());
            String theirVersion = ProjectFiles.sha256(file);
            assertThrows(SaveConflictException.class, mine::save);
            assertEquals(theirVersion, ProjectFiles.sha256(file), "their save is untouched");

            Path copy = folder.resolve("shared (my copy).campaign");
            mine.saveAs(copy);
            assertEquals(copy, mine.file());
            assertFalse(mine.changedOnDisk());
        }
        try (Project copy = Project.open(locations, folder.resolve("shared (my copy).campaign"))) {
            assertEquals(1, countFollowers(copy));
        }
    }

    @Test
    void aProjectOpenInThisProcessCannotBeOpenedTwice() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            String before = ProjectFiles.sha256(file);
            var error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, file));
            assertEquals(ProjectOpenException.Problem.IN_USE, error.problem());
            assertEquals(before, ProjectFiles.sha256(file));
            assertEquals(0, countFollowers(project), "the open project still works");
        }
    }

    @Test
    void aCancelledSaveLeavesTheFileAsItWas() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            String before = ProjectFiles.sha256(file);
            insertFollower(project, "f-1");
            assertThrows(CancelledException.class, () -> project.save(TestContexts.cancelled()));
            assertEquals(before, ProjectFiles.sha256(file));
            assertTrue(project.hasUnsavedChanges());
            assertEquals(1, countFollowers(project), "the project is still usable");
            project.save();
        }
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(1, countFollowers(reopened));
        }
    }

    @Test
    void aCancelledOpenLeavesNothingBehind() throws Exception {
        Path file = folder.resolve("p.campaign");
        Project.create(locations, file, SHANGHAI).close();
        assertThrows(CancelledException.class, () -> Project.open(locations, file, TestContexts.cancelled()));
        assertTrue(Project.findRecoverable(locations).isEmpty());
        Project.open(locations, file).close();
    }

    @Test
    void savingALargelyDeadDatabaseCompactsItAndKeepsTheData() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            project.database().transaction(connection -> {
                try (var statement = connection.prepareStatement(
                        "INSERT INTO follower (platform_id, external_id, region) VALUES (1, ?, ?)")) {
                    for (int i = 0; i < 20_000; i++) {
                        statement.setString(1, "f-" + i);
                        statement.setString(2, "x".repeat(60));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
            for (int round = 0; round < 5; round++) {
                String region = Integer.toString(round).repeat(60);
                project.database().transaction(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.executeUpdate("UPDATE follower SET region = '" + region + "'");
                    }
                });
            }
            assertTrue(project.database().liveShare() < ProjectDatabase.COMPACT_BELOW_LIVE_SHARE,
                    "rewritten rows leave dead pages: " + project.database().liveShare() + "%");
            project.save();
            assertTrue(project.database().liveShare() >= ProjectDatabase.COMPACT_BELOW_LIVE_SHARE,
                    "compacted on save: " + project.database().liveShare() + "%");
        }
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(20_000, countFollowers(reopened));
        }
    }

    static void insertFollower(Project project, String externalId) throws SQLException {
        project.database().transaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO follower (platform_id, external_id) VALUES (1, ?)")) {
                statement.setString(1, externalId);
                return statement.executeUpdate();
            }
        });
    }

    static int countFollowers(Project project) throws SQLException {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM follower")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
