package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged project can be brought back from the command line, and a save conflict never loses a command's work. */
class RecoveryCommandsTest {

    @TempDir
    Path folder;

    @Test
    void aDamagedProjectNamesItsNewestIntactBackupAndRestoreBringsItBack() throws Exception {
        Path project = folder.resolve("shop.campaign");
        Path orders = Path.of(RecoveryCommandsTest.class.getResource("/import/orders-gbk.csv").toURI());
        assertEquals(0, run("import", "--project", project.toString(), "--file", orders.toString(), "--as", "orders").exitCode());
        assertEquals(0, run("import", "--project", project.toString(), "--file", orders.toString(), "--as", "orders").exitCode());
        byte[] bytes = Files.readAllBytes(project);
        Files.write(project, Arrays.copyOf(bytes, bytes.length - 100));

        CommandLineTest.Run stats = run("stats", "--project", project.toString());
        assertEquals(1, stats.exitCode());
        assertTrue(stats.err().contains("shop.campaign: the file is incomplete or damaged"), stats.err());
        assertTrue(stats.err().contains("the newest intact backup is from"), stats.err());
        assertTrue(stats.err().contains("campaign-studio restore --project"), stats.err());

        CommandLineTest.Run listed = run("backups", "--project", project.toString());
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(3, listed.out().strip().lines().count(), "a header and two backups: " + listed.out());
        assertTrue(listed.out().lines().skip(1).allMatch(line -> line.contains(" true ")), listed.out());

        CommandLineTest.Run restored = run("restore", "--project", project.toString());
        assertEquals(0, restored.exitCode(), restored.err());
        assertTrue(restored.out().startsWith("restored shop.campaign to the version saved "), restored.out());
        CommandLineTest.Run after = run("stats", "--project", project.toString());
        assertTrue(after.out().lines().anyMatch(line -> line.matches("customer_order\\s+5")), after.out());

        List<String> backups = run("backups", "--project", project.toString()).out().strip().lines().toList();
        assertEquals(4, backups.size(), "the damaged version is kept too: " + backups);
        assertTrue(backups.get(1).contains(" false "), backups.get(1));
        CommandLineTest.Run damagedChoice = run("restore", "--project", project.toString(), "--backup", "1");
        assertEquals(1, damagedChoice.exitCode());
        assertTrue(damagedChoice.err().contains("is damaged itself"), damagedChoice.err());
    }

    @Test
    void aProjectReplacedWhileACommandRanKeepsTheCommandsWorkInAConflictCopy() throws Exception {
        Path project = folder.resolve("team.campaign");
        Path theirs = folder.resolve("theirs.campaign");
        Project.create(ProjectLocations.under(folder.resolve("laptop2")), theirs, ZoneId.of("Asia/Shanghai")).close();
        Project.create(ProjectOption.locations(), project, ZoneId.of("Asia/Shanghai")).close();
        try (Project open = Project.open(ProjectOption.locations(), project)) {
            open.database().transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO follower (platform_id, external_id) VALUES (1, 'mine')");
                }
            });
            Files.copy(theirs, project, StandardCopyOption.REPLACE_EXISTING);

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> ProjectOption.save(open));

            assertTrue(error.getMessage().startsWith("team.campaign was changed by someone else"), error.getMessage());
            Path copy = open.file();
            assertTrue(error.getMessage().contains("\"" + copy.getFileName() + "\""), error.getMessage());
            assertTrue(copy.getFileName().toString().startsWith("team (conflict "), copy.toString());
        }
        Path copy;
        try (var files = Files.list(folder)) {
            copy = files.filter(p -> p.getFileName().toString().startsWith("team (conflict ")).findFirst().orElseThrow();
        }
        try (Project reopened = Project.open(ProjectOption.locations(), copy)) {
            long followers = reopened.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM follower WHERE external_id = 'mine'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(1, followers);
        }
    }
}
