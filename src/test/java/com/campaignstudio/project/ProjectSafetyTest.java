package com.campaignstudio.project;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.data.TableBrowser;
import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.campaignstudio.project.ProjectLifecycleTest.countFollowers;
import static com.campaignstudio.project.ProjectLifecycleTest.insertFollower;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What keeps a project file safe from other processes, sync tools, hostile files and badly timed queries. */
class ProjectSafetyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;
    private ProjectLocations locations;

    @BeforeEach
    void setUp() {
        locations = ProjectLocations.under(folder.resolve("home"));
    }

    @Test
    void everySpellingOfOneFileMeetsTheSameLock() throws Exception {
        Path file = folder.resolve("p.campaign");
        Path link = Files.createSymbolicLink(folder.resolve("link.campaign"), file.getFileName());
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            for (Path other : List.of(link, folder.resolve("sub").resolve("..").resolve("p.campaign"))) {
                ProjectOpenException error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, other));
                assertEquals(ProjectOpenException.Problem.IN_USE, error.problem(), other.toString());
            }
            assertEquals(0, countFollowers(project));
        }
    }

    @Test
    void aFileReplacedWhileSavingIsLeftAsTheOtherWriterLeftIt() throws Exception {
        Path file = folder.resolve("shared.campaign");
        Path theirVersion = folder.resolve("theirs.campaign");
        Project.create(ProjectLocations.under(folder.resolve("laptop2")), theirVersion, SHANGHAI).close();
        Path copy;
        try (Project mine = Project.create(locations, file, SHANGHAI)) {
            insertFollower(mine, "mine");
            // A sync tool puts a teammate's version in place while this save is writing its temporary file.
            TaskContext syncMeanwhile = new DuringTheWrite(() -> Files.copy(theirVersion, file,
                    StandardCopyOption.REPLACE_EXISTING));
            assertThrows(SaveConflictException.class, () -> mine.save(syncMeanwhile));
            assertEquals(ProjectFiles.sha256(theirVersion), ProjectFiles.sha256(file), "their version is untouched");
            assertTrue(mine.hasUnsavedChanges());

            copy = mine.saveConflictCopy(TaskContext.silent());
            assertTrue(copy.getFileName().toString().matches("shared \\(conflict \\d{4}-\\d\\d-\\d\\d \\d{4}\\)\\.campaign"),
                    copy.toString());
            assertEquals(copy, mine.file());
        }
        try (Project reopened = Project.open(locations, copy)) {
            assertEquals(1, countFollowers(reopened), "this session's work is in the copy");
        }
    }

    @Test
    void aSecondConflictCopyInTheSameMinuteGetsItsOwnName() throws Exception {
        Path file = folder.resolve("shop.campaign");
        LocalDateTime when = LocalDateTime.of(2026, 11, 25, 22, 31);
        Path first = Project.conflictCopyName(file, when);
        assertEquals("shop (conflict 2026-11-25 2231).campaign", first.getFileName().toString());
        Files.createFile(first);
        assertEquals("shop (conflict 2026-11-25 2231 2).campaign",
                Project.conflictCopyName(file, when).getFileName().toString());
    }

    @Test
    void leftoversOfKilledSavesAreRemovedOnOpenButAnotherComputersFreshOneIsNot() throws Exception {
        Path file = folder.resolve("p.campaign");
        Project.create(locations, file, SHANGHAI).close();
        long deadPid = deadProcessId();
        Path deadHere = Files.createFile(folder.resolve(".p.campaign." + deadPid + "@"
                + ThisComputer.name().replaceAll("[^A-Za-z0-9-]", "_") + ".1234.saving"));
        Path oldUnnamed = Files.createFile(folder.resolve(".p.campaign.5678.saving"));
        Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path freshElsewhere = Files.createFile(folder.resolve(".p.campaign.42@other-laptop.99.saving"));
        Path unrelated = Files.createFile(folder.resolve(".q.campaign.1@x.1.saving"));

        Project.open(locations, file).close();

        assertFalse(Files.exists(deadHere));
        assertFalse(Files.exists(oldUnnamed));
        assertTrue(Files.exists(freshElsewhere), "its writer may still be at work");
        assertTrue(Files.exists(unrelated), "another project's file");
    }

    @Test
    void unsavedChangesThatCannotBeReadBackGiveWayToTheSavedVersion() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            insertFollower(project, "saved");
            project.save();
        }
        Project crashed = Project.open(locations, file);
        insertFollower(crashed, "unsaved");
        Path workingDatabase;
        try (var folders = Files.list(locations.workRoot())) {
            workingDatabase = folders.findFirst().orElseThrow().resolve("project.mv.db");
        }
        crashed.closeKeepingUnsavedChanges();
        byte[] bytes = Files.readAllBytes(workingDatabase);
        Arrays.fill(bytes, 0, Math.min(bytes.length, 8192), (byte) 0x55);
        Files.write(workingDatabase, bytes);

        try (Project opened = Project.open(locations, file)) {
            assertFalse(opened.wasRecovered());
            assertEquals(1, countFollowers(opened), "the saved version");
            Path aside = opened.unrecoveredChanges().orElseThrow();
            assertTrue(Files.exists(aside), "the damaged copy is kept: " + aside);
        }
    }

    @Test
    void aSmallFileThatInflatesBeyondItsDeclaredSizeStopsThere() throws Exception {
        Path bomb = folder.resolve("bomb.campaign");
        long declared = 1024 * 1024;
        writeProjectFile(bomb, new ProjectManifest("bomb", SchemaVersion.CURRENT, "test", Instant.now(),
                "00".repeat(32), declared), zeros(200L * 1024 * 1024));
        ProjectOpenException error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, bomb));
        assertEquals(ProjectOpenException.Problem.DAMAGED, error.problem());
        assertTrue(error.getMessage().contains("larger than its manifest declares"), error.getMessage());
        assertTrue(Project.findRecoverable(locations).isEmpty());
    }

    @Test
    void aFileDeclaringFarMoreThanItCouldHoldIsRefusedBeforeAnythingIsUnpacked() throws Exception {
        Path bomb = folder.resolve("bomb.campaign");
        writeProjectFile(bomb, new ProjectManifest("bomb", SchemaVersion.CURRENT, "test", Instant.now(),
                "00".repeat(32), 2L * 1024 * 1024 * 1024), zeros(1024 * 1024));
        ProjectOpenException error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, bomb));
        assertTrue(error.getMessage().contains("declares 2048.0 MB"), error.getMessage());
        assertTrue(error.getMessage().contains("nothing was unpacked"), error.getMessage());
    }

    @Test
    void entriesNamedToEscapeTheWorkingFolderAreNeverWritten() throws Exception {
        Path file = folder.resolve("p.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), file, SHANGHAI).close();
        Path slip = folder.resolve("slip.campaign");
        try (var source = new java.util.zip.ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slip))) {
            for (String name : List.of("../../escaped.txt", "/tmp/escaped-absolute.txt", "work/../../escaped2.txt")) {
                out.putNextEntry(new ZipEntry(name));
                out.write("written outside".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                source.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
        }
        Project.open(locations, slip).close();
        try (var all = Files.walk(folder)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith("escaped")), "an entry escaped");
        }
        assertFalse(Files.exists(Path.of("/tmp/escaped-absolute.txt")));
    }

    @Test
    void aDamagedFilesErrorNamesTheNewestIntactBackupAndHowToRestoreIt() throws Exception {
        Path file = folder.resolve("t.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            insertFollower(project, "f-1");
            project.save();
            insertFollower(project, "f-2");
            project.save();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        Backups backups = new Backups(locations.backupRoot());
        Backups.Backup newest = backups.forFile(file).getFirst();

        ProjectOpenException error = assertThrows(ProjectOpenException.class, () -> Project.open(locations, file));

        assertEquals(ProjectOpenException.Problem.DAMAGED, error.problem());
        assertEquals(newest, error.goodBackup().orElseThrow());
        assertTrue(error.getMessage().contains("newest intact backup is from " + newest.describeTime()), error.getMessage());
        assertTrue(error.getMessage().contains("campaign-studio restore --project"), error.getMessage());

        Project.restore(locations, file, newest);
        try (Project restored = Project.open(locations, file)) {
            assertEquals(1, countFollowers(restored), "the version before the last save");
        }
        assertEquals(3, backups.forFile(file).size(), "the damaged file is kept as a backup too");
    }

    @Test
    void twoDamagedFilesOfTheSameNameInDifferentFoldersEachGetTheirOwnBackups() throws Exception {
        Path shop = folder.resolve("a").resolve("shop.campaign");
        Path other = folder.resolve("b").resolve("shop.campaign");
        for (Path file : List.of(shop, other)) {
            Files.createDirectories(file.getParent());
            try (Project project = Project.create(locations, file, SHANGHAI)) {
                insertFollower(project, "f-1");
                project.save();
                if (file.equals(other)) {
                    insertFollower(project, "f-2");
                    project.save();
                }
            }
        }
        Backups backups = new Backups(locations.backupRoot());
        List<Backups.Backup> shopBackups = backups.forFile(shop);
        List<Backups.Backup> otherBackups = backups.forFile(other);
        for (Path file : List.of(shop, other)) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, 40));
        }
        assertEquals(shopBackups, backups.forFile(shop), "found by the path the project was saved at");
        assertEquals(otherBackups, backups.forFile(other));

        Path moved = folder.resolve("c").resolve("shop.campaign");
        Files.createDirectories(moved.getParent());
        Files.copy(shop, moved);
        assertEquals(List.of(), backups.forFile(moved),
                "a damaged copy elsewhere matches two projects by name: neither is offered");
    }

    @Test
    void queriesDuringSavesWithCompactionWaitAndNeverSeeAMissingDatabase() throws Exception {
        int saves = Integer.getInteger("campaignstudio.faults.saves", 100);
        Path file = folder.resolve("busy.campaign");
        try (Project project = Project.create(locations, file, SHANGHAI)) {
            for (int i = 0; i < 200; i++) {
                insertFollower(project, "f-" + i);
            }
            project.database().compactBelowLiveShare(101);
            AtomicBoolean saving = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger queries = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int kind = t;
                readers.add(Thread.ofPlatform().start(() -> {
                    while (saving.get()) {
                        try {
                            query(project.database(), kind);
                            queries.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (int i = 0; i < saves; i++) {
                insertFollower(project, "s-" + i);
                project.save();
            }
            saving.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            assertTrue(failures.isEmpty(), () -> "queries failed while saving: " + failures.peek());
            assertTrue(queries.get() > saves, "queries ran between the saves: " + queries.get());
            assertEquals(200 + saves, countFollowers(project));
        }
        try (Project reopened = Project.open(locations, file)) {
            assertEquals(200 + saves, countFollowers(reopened));
        }
    }

    @Test
    void aQueryAfterCloseFailsPlainlyAndCreatesNoDatabase() throws Exception {
        Path file = folder.resolve("closed.campaign");
        Project project = Project.create(locations, file, SHANGHAI);
        ProjectDatabase database = project.database();
        project.closeKeepingUnsavedChanges();
        assertThrows(ProjectClosedException.class, () -> new DashboardQueries(database).summary());
        assertTrue(Project.findRecoverable(locations).isEmpty());
    }

    private static void query(ProjectDatabase database, int kind) throws SQLException {
        switch (kind) {
            case 0 -> new DashboardQueries(database).summary();
            case 1 -> new TableCatalog(database).counts();
            default -> {
                TableBrowser browser = new TableBrowser(database, "follower");
                long[] keys = browser.orderedKeys("external_id", true, TaskContext.silent());
                browser.rows(Arrays.copyOf(keys, Math.min(50, keys.length)));
            }
        }
    }

    static void writeProjectFile(Path file, ProjectManifest manifest, java.io.InputStream database) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(ProjectContainer.DATABASE_ENTRY));
            database.transferTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ProjectContainer.MANIFEST_ENTRY));
            manifest.writeTo(zip);
            zip.closeEntry();
        }
    }

    private static java.io.InputStream zeros(long size) {
        return new java.io.InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static long deadProcessId() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    /**
     * Runs an action once, the first time the save looks for a Cancel (as it copies its first bytes), as a sync
     * tool might act in the middle of a save.
     */
    private record DuringTheWrite(ThrowingAction action, AtomicBoolean done) implements TaskContext {
        DuringTheWrite(ThrowingAction action) {
            this(action, new AtomicBoolean());
        }

        @Override
        public void progress(long doneUnits, long total) {
        }

        @Override
        public void message(Reason message) {
        }

        @Override
        public boolean isCancelled() {
            if (done.compareAndSet(false, true)) {
                try {
                    action.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
