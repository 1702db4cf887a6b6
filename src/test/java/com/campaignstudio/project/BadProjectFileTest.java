package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of file that must be refused is refused with the right reason, and left untouched. */
class BadProjectFileTest {

    @TempDir
    Path folder;
    private ProjectLocations locations;

    @BeforeEach
    void setUp() {
        locations = ProjectLocations.under(folder.resolve("home"));
    }

    @Test
    void aTextFileIsNotAProject() throws Exception {
        Path file = folder.resolve("orders.campaign");
        Files.writeString(file, "order_id,amount\n1,99\n");
        assertRefusedUntouched(file, Problem.NOT_A_PROJECT);
    }

    @Test
    void anEmptyFileIsNotAProject() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.campaign"));
        assertRefusedUntouched(file, Problem.NOT_A_PROJECT);
    }

    @Test
    void anOrdinaryZipIsNotAProject() throws Exception {
        Path file = folder.resolve("photos.campaign");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertRefusedUntouched(file, Problem.NOT_A_PROJECT);
    }

    @Test
    void aTruncatedProjectIsDamaged() throws Exception {
        Path file = savedProject("t.campaign");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefusedUntouched(file, Problem.DAMAGED);
    }

    @Test
    void aProjectWhoseDatabaseWasAlteredFailsItsChecksum() throws Exception {
        Path file = savedProject("c.campaign");
        Path tampered = folder.resolve("tampered.campaign");
        try (var zip = new java.util.zip.ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ProjectContainer.DATABASE_ENTRY)) {
                    content[content.length / 2] ^= 0x5A;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertRefusedUntouched(tampered, Problem.DAMAGED);
    }

    @Test
    void aProjectFromANewerVersionIsRefusedBeforeItsDatabaseIsOpened() throws Exception {
        Path file = ProjectFiles.build(folder, "newer.campaign", String.valueOf(SchemaVersion.CURRENT),
                SchemaVersion.CURRENT + 1, connection -> { });
        ProjectOpenException error = assertRefusedUntouched(file, Problem.NEWER_VERSION);
        assertTrue(error.getMessage().contains("schema version " + (SchemaVersion.CURRENT + 1)), error.getMessage());
    }

    @Test
    void aDatabaseWithANewerSchemaHistoryIsRefusedEvenWhenItsManifestLies() throws Exception {
        Path file = ProjectFiles.build(folder, "lying.campaign", String.valueOf(SchemaVersion.CURRENT),
                SchemaVersion.CURRENT, connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                                + "\"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", "
                                + "\"success\") VALUES (99, '" + (SchemaVersion.CURRENT + 1)
                                + "', 'future', 'SQL', 'V9__future.sql', 'sa', 1, TRUE)");
                    }
                });
        assertRefusedUntouched(file, Problem.NEWER_VERSION);
    }

    @Test
    void aProjectFromThePreviousSchemaIsMigratedAndKeepsItsData() throws Exception {
        Path file = ProjectFiles.build(folder, "old.campaign", "1", 1, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO follower (platform_id, external_id) VALUES (2, 'kept')");
            }
        });
        String before = ProjectFiles.sha256(file);
        try (Project project = Project.open(locations, file)) {
            assertEquals(SchemaVersion.CURRENT, project.database().appliedSchemaVersion());
            assertEquals(1, ProjectLifecycleTest.countFollowers(project));
            project.database().read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT import_id FROM follower").close();
                }
                return null;
            });
            assertEquals(before, ProjectFiles.sha256(file), "the file changes only when the user saves");
        }
    }

    @ParameterizedTest(name = "compressed pages: {0}")
    @ValueSource(booleans = {false, true})
    void aLinkedTableIsRefusedAndItsConnectionNeverRuns(boolean compressed) throws Exception {
        Path marker = folder.resolve("linked-table-ran");
        String url = "jdbc:h2:mem:evil;INIT=CALL FILE_WRITE(''owned'', ''" + marker.toString().replace("\\", "/") + "'')";
        Path file = ProjectFiles.build(folder, "linked.campaign", "2", 2, compressed, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE FORCE LINKED TABLE stolen('org.h2.Driver', '" + url + "', 'sa', '', 'T')");
            }
        });
        Files.deleteIfExists(marker);
        ProjectOpenException error = assertRefusedUntouched(file, Problem.UNSAFE_CONTENT);
        assertTrue(error.getMessage().contains("a linked table"), error.getMessage());
        assertFalse(Files.exists(marker), "opening the project connected the linked table");
    }

    @Test
    void aTriggerIsRefused() throws Exception {
        Path file = ProjectFiles.build(folder, "trigger.campaign", "2", 2, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE FORCE TRIGGER evil BEFORE INSERT ON follower CALL 'com.example.Evil'");
            }
        });
        assertRefusedUntouched(file, Problem.UNSAFE_CONTENT);
    }

    @Test
    void aJavaFunctionIsRefusedAndNeverRuns() throws Exception {
        Path marker = folder.resolve("alias-ran");
        String source = "String evil() throws Exception { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "/") + "\"), \"owned\"); return \"x\"; }";
        Path file = ProjectFiles.build(folder, "alias.campaign", "2", 2, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE FORCE ALIAS EVIL AS $$ " + source + " $$");
                statement.execute("CREATE FORCE VIEW lure AS SELECT EVIL() AS v");
            }
        });
        Files.deleteIfExists(marker);
        assertRefusedUntouched(file, Problem.UNSAFE_CONTENT);
        assertFalse(Files.exists(marker), "opening the project ran the function");
    }

    @Test
    void aRefusedProjectLeavesNoWorkingCopyBehind() throws Exception {
        Path file = folder.resolve("junk.campaign");
        Files.writeString(file, "junk");
        assertThrows(ProjectOpenException.class, () -> Project.open(locations, file));
        assertTrue(Project.findRecoverable(locations).isEmpty());
    }

    private Path savedProject(String name) throws Exception {
        Path file = folder.resolve(name);
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            ProjectLifecycleTest.insertFollower(project, "someone");
            project.save();
        }
        return file;
    }

    private ProjectOpenException assertRefusedUntouched(Path file, Problem expected) throws Exception {
        String before = ProjectFiles.sha256(file);
        FileTime modified = Files.getLastModifiedTime(file);
        ProjectOpenException error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, file));
        assertEquals(expected, error.problem(), error.getMessage());
        assertEquals(before, ProjectFiles.sha256(file), "file content changed");
        assertEquals(modified, Files.getLastModifiedTime(file), "file was written");
        return error;
    }
}
