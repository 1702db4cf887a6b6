package com.campaignstudio.snapshot;

import com.campaignstudio.demo.ActivityHistories;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A saved project file carries the activity snapshot of its data, and the next open uses it only while it matches:
 * same bytes in and out, refused when damaged, left out when stale, ignored when it belongs to another database.
 */
class StoredSnapshotTest {

    private static final String ENTRY = "derived/" + Snapshots.DERIVED_NAME;

    @TempDir
    Path folder;

    private ProjectLocations locations() {
        return ProjectLocations.under(folder.resolve("home"));
    }

    private Path projectWithActivity() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations(), file, ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                ActivityHistories.write(connection, 300, 5_000, 400, 7L, TaskContext.silent());
                return null;
            });
            project.save();
        }
        return file;
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            ActivitySnapshot read = SnapshotReader.read(project.database(), TaskContext.silent());
            byte[] bytes = bytes(read);

            assertSameSnapshot(read, SnapshotFile.read(new ByteArrayInputStream(bytes), bytes.length));
            assertTrue(read.unlinkedBuyers() > 0 && read.events() > 5_000, "the fixture has unlinked buyers and events");
        }
    }

    @Test
    void aSavedProjectCarriesItsSnapshotAndTheNextOpenUsesIt() throws Exception {
        Path file = projectWithActivity();
        ActivitySnapshot built;
        try (Project project = Project.open(locations(), file)) {
            assertTrue(project.database().derived().asOpened(Snapshots.DERIVED_NAME).isEmpty(),
                    "saved before any snapshot was built: nothing stored");
            built = new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        assertEquals(manifestChecksum(file) + "\n", header(file), "stored for exactly the database saved beside it");

        try (Project project = Project.open(locations(), file)) {
            Path stored = project.database().derived().asOpened(Snapshots.DERIVED_NAME).orElseThrow();
            // Emptying the tables behind the cache's back (no commit through the project, so no new data version)
            // shows where the next snapshot comes from: the stored one still has every event.
            emptyEngagementUnnoticed(project);
            ActivitySnapshot reopened = new Snapshots().of(project.database(), TaskContext.silent());

            assertSameSnapshot(built, reopened);
            assertTrue(Files.size(stored) > 5_000L * 14, "the events' times, kinds and posts are in the file");
        }
    }

    @Test
    void aWriteAfterOpeningMakesTheStoredSnapshotStaleAndTheNextSaveLeavesItOut() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        try (Project project = Project.open(locations(), file)) {
            Snapshots snapshots = new Snapshots();
            snapshots.of(project.database(), TaskContext.silent());
            project.database().transaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM engagement WHERE id IN (SELECT MIN(id) FROM engagement)")) {
                    assertEquals(1, delete.executeUpdate());
                }
                return null;
            });

            assertTrue(project.database().derived().asOpened(Snapshots.DERIVED_NAME).isEmpty());
            project.save();
        }
        assertNull(entry(file), "the snapshot in memory no longer matched the data, so the save stored none");

        try (Project project = Project.open(locations(), file)) {
            Snapshots snapshots = new Snapshots();
            ActivitySnapshot fresh = snapshots.of(project.database(), TaskContext.silent());
            assertSameSnapshot(SnapshotReader.read(project.database(), TaskContext.silent()), fresh);
            project.save();
        }
        assertNotNull(entry(file), "built again after the write, it is stored again");
    }

    @Test
    void aSnapshotStoredForAnotherDatabaseIsIgnored() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        rewriteEntry(file, ENTRY, bytes -> {
            byte[] changed = bytes.clone();
            changed[0] = (byte) (changed[0] == 'a' ? 'b' : 'a');
            return changed;
        });

        try (Project project = Project.open(locations(), file)) {
            assertTrue(project.database().derived().asOpened(Snapshots.DERIVED_NAME).isEmpty());
        }
    }

    @Test
    void aDamagedStoredSnapshotIsReadFromTheTablesInstead() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        rewriteEntry(file, ENTRY, bytes -> Arrays.copyOf(bytes, bytes.length / 2));

        try (Project project = Project.open(locations(), file)) {
            assertTrue(project.database().derived().asOpened(Snapshots.DERIVED_NAME).isPresent(),
                    "the header matches; the body is cut");
            ActivitySnapshot snapshot = new Snapshots().of(project.database(), TaskContext.silent());
            assertSameSnapshot(SnapshotReader.read(project.database(), TaskContext.silent()), snapshot);
        }
    }

    @Test
    void aStoredItemLargerThanTwiceTheDatabaseOrBadlyNamedIsNotExtracted() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        long database;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            database = zip.getEntry("project.mv.db").getSize();
        }
        // Random bytes do not compress, so only the size limit (twice the database and a megabyte) can refuse them.
        byte[] noise = new byte[(int) (2 * database + 1024 * 1024)];
        new java.util.Random(3).nextBytes(noise);
        rewriteEntry(file, ENTRY, bytes -> {
            byte[] grown = Arrays.copyOf(bytes, bytes.length + noise.length);
            System.arraycopy(noise, 0, grown, bytes.length, noise.length);
            return grown;
        });
        try (Project project = Project.open(locations(), file)) {
            assertTrue(project.database().derived().asOpened(Snapshots.DERIVED_NAME).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> project.database().derived()
                    .storeOnSave("../outside", java.util.Optional::empty), "a name that could leave the folder");
        }
    }

    @Test
    void anItemJustUnderTheSizeLimitIsStillExtracted() throws Exception {
        Path file = projectWithActivity();
        try (Project project = Project.open(locations(), file)) {
            new Snapshots().of(project.database(), TaskContext.silent());
            project.save();
        }
        long database;
        long stored;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            database = zip.getEntry("project.mv.db").getSize();
            stored = zip.getEntry(ENTRY).getSize();
        }
        // Header and body exactly at the limit: two databases and a megabyte, plus the 65-byte checksum line.
        byte[] padding = new byte[(int) (2 * database + 1024 * 1024 + 65 - stored)];
        new java.util.Random(4).nextBytes(padding);
        rewriteEntry(file, ENTRY, bytes -> {
            byte[] grown = Arrays.copyOf(bytes, bytes.length + padding.length);
            System.arraycopy(padding, 0, grown, bytes.length, padding.length);
            return grown;
        });
        try (Project project = Project.open(locations(), file)) {
            Path extracted = project.database().derived().asOpened(Snapshots.DERIVED_NAME).orElseThrow();
            assertEquals(2 * database + 1024 * 1024, Files.size(extracted), "everything after the checksum line");
        }
    }

    @Test
    void truncatedOrInconsistentBytesAreRefused() throws Exception {
        Path file = projectWithActivity();
        byte[] bytes;
        try (Project project = Project.open(locations(), file)) {
            bytes = bytes(SnapshotReader.read(project.database(), TaskContext.silent()));
        }

        assertThrows(IOException.class, () -> SnapshotFile.read(new ByteArrayInputStream(bytes), bytes.length - 1),
                "one byte short of what it says");
        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] ^= 1;
        assertThrows(IOException.class, () -> SnapshotFile.read(new ByteArrayInputStream(wrongMagic), bytes.length));
        // The first array's length claims two billion follower ids: refused before anything is allocated.
        byte[] huge = bytes.clone();
        ByteBuffer.wrap(huge).putInt(12, Integer.MAX_VALUE);
        assertThrows(IOException.class, () -> SnapshotFile.read(new ByteArrayInputStream(huge), bytes.length));
        // The second follower id made equal to the first: ids must ascend.
        byte[] unsorted = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(unsorted);
        buffer.putLong(24, buffer.getLong(16));
        assertThrows(IOException.class, () -> SnapshotFile.read(new ByteArrayInputStream(unsorted), bytes.length));
    }

    private static byte[] bytes(ActivitySnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotFile.write(snapshot, out);
        return out.toByteArray();
    }

    private static void emptyEngagementUnnoticed(Project project) throws Exception {
        project.database().read(connection -> {
            connection.setReadOnly(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM engagement")) {
                assertTrue(delete.executeUpdate() > 0);
            }
            return null;
        });
    }

    private static String manifestChecksum(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("campaign-studio.properties"))) {
            Properties manifest = new Properties();
            manifest.load(in);
            return manifest.entrySet().stream()
                    .filter(e -> e.getKey().toString().toLowerCase().contains("sha256"))
                    .map(e -> e.getValue().toString()).findFirst().orElseThrow();
        }
    }

    private static String header(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(ENTRY))) {
            return new String(in.readNBytes(65), StandardCharsets.US_ASCII);
        }
    }

    private static ZipEntry entry(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(ENTRY);
        }
    }

    private interface Change {
        byte[] apply(byte[] bytes);
    }

    /** Rewrites one entry of a project file, keeping the others as they were. */
    private static void rewriteEntry(Path file, String name, Change change) throws IOException {
        Path copy = file.resolveSibling("rewritten.zip");
        try (ZipFile zip = new ZipFile(file.toFile());
             OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream target = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(entry.getName().equals(name) ? change.apply(content) : content);
                target.closeEntry();
            }
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertSameSnapshot(ActivitySnapshot expected, ActivitySnapshot actual) {
        assertEquals(expected.followers(), actual.followers());
        assertArrayEquals(expected.followerIds(), actual.followerIds());
        assertArrayEquals(expected.personPlatform(), actual.personPlatform());
        assertArrayEquals(expected.followedAt(), actual.followedAt());
        assertArrayEquals(expected.eventStart(), actual.eventStart());
        assertArrayEquals(expected.eventTime(), actual.eventTime());
        assertArrayEquals(expected.eventKind(), actual.eventKind());
        assertArrayEquals(expected.eventPost(), actual.eventPost());
        assertArrayEquals(expected.orderStart(), actual.orderStart());
        assertArrayEquals(expected.orderTime(), actual.orderTime());
        assertArrayEquals(expected.orderPlatform(), actual.orderPlatform());
        assertArrayEquals(expected.orderCampaign(), actual.orderCampaign());
        assertArrayEquals(expected.orderProduct(), actual.orderProduct());
        assertArrayEquals(expected.orderAmount(), actual.orderAmount());
        assertEquals(expected.kinds(), actual.kinds());
        for (int code = 0; code < expected.kinds().size(); code++) {
            assertEquals(expected.eventsOfKind(code), actual.eventsOfKind(code));
        }
        assertEquals(expected.platforms(), actual.platforms());
        assertEquals(expected.campaigns(), actual.campaigns());
        assertEquals(expected.products(), actual.products());
        assertEquals(expected.leftOut(), actual.leftOut());
        assertFalse(expected.kinds().isEmpty());
    }
}
