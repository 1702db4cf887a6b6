package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

/**
 * The on-disk layout of a project file: a ZIP archive holding the H2 database and a manifest with
 * the schema version and a SHA-256 of the database. ZIP because users can recognise and inspect it,
 * and because its per-entry CRC plus our checksum catch a truncated download or a damaged sync.
 */
final class ProjectContainer {

    static final String MANIFEST_ENTRY = "campaign-studio.properties";
    static final String DATABASE_ENTRY = "project.mv.db";
    /** Entries of {@link DerivedData}: each starts with the hex checksum of the database it was computed from. */
    static final String DERIVED_PREFIX = "derived/";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ProjectContainer() {
    }

    /** Reads and checks the manifest without touching the database inside. */
    static ProjectManifest readManifest(Path file) throws ProjectOpenException {
        if (Files.isDirectory(file)) {
            throw new ProjectOpenException(Problem.UNREADABLE, file, Reason.of("open.detail.folder"));
        }
        if (!Files.exists(file)) {
            throw new ProjectOpenException(Problem.UNREADABLE, file, Reason.of("open.detail.noSuchFile"));
        }
        boolean looksLikeZip = startsWithZipMagic(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST_ENTRY);
            if (entry == null) {
                throw new ProjectOpenException(Problem.NOT_A_PROJECT, file, Reason.of("open.detail.notAProjectArchive"));
            }
            ProjectManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = ProjectManifest.readFrom(in);
            }
            if (manifest == null) {
                throw new ProjectOpenException(Problem.NOT_A_PROJECT, file, Reason.of("open.detail.notAProjectArchive"));
            }
            if (manifest.schemaVersion() > SchemaVersion.CURRENT) {
                throw new ProjectOpenException(Problem.NEWER_VERSION, file,
                        Reason.of("open.detail.newerSchema", manifest.appVersion(), manifest.schemaVersion(),
                                SchemaVersion.CURRENT));
            }
            return manifest;
        } catch (ProjectManifest.NewerFormat e) {
            throw new ProjectOpenException(Problem.NEWER_VERSION, file, e.reason(), e);
        } catch (ZipException e) {
            Problem problem = looksLikeZip ? Problem.DAMAGED : Problem.NOT_A_PROJECT;
            throw new ProjectOpenException(problem, file, Reason.of(looksLikeZip ? "open.detail.incomplete"
                    : "open.detail.notAProject"), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ProjectOpenException(Problem.UNREADABLE, file, Reason.of("open.detail.noPermission"), e);
        } catch (IOException e) {
            throw new ProjectOpenException(looksLikeZip ? Problem.DAMAGED : Problem.UNREADABLE, file,
                    Reason.of("open.detail.unreadable", e.getMessage()), e);
        }
    }

    /**
     * Never inflate more than this many bytes per compressed byte. H2 files compress little (measured: a new
     * project 4.8:1, the demo projects 1.6:1 and 1.7:1), nowhere near the 1,000:1 of a deflate bomb.
     */
    static final long MAX_RATIO = 200;
    /** Up to this declared size the ratio is not checked: extraction stops at the declared size anyway. */
    static final long RATIO_APPLIES_ABOVE = 16L * 1024 * 1024;

    /**
     * Copies the database out of {@code file} to {@code target}, verifying size and checksum. What the file
     * declares is checked before anything is written (it must be plausible for its compressed size and fit on
     * the disk), and extraction stops at the declared size: a small file cannot fill the disk.
     */
    static void extractDatabase(Path file, ProjectManifest manifest, Path target, TaskContext context)
            throws ProjectOpenException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(DATABASE_ENTRY);
            if (entry == null) {
                throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.noDatabase"));
            }
            refuseImplausibleSize(file, manifest, entry, target);
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(new BoundedStream(
                    new ProgressStream(zip.getInputStream(entry), manifest.contentSize(), context),
                    manifest.contentSize()), digest)) {
                size = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (BoundedStream.LimitExceeded e) {
                Files.deleteIfExists(target);
                throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.tooLarge",
                        megabytes(manifest.contentSize())), e);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (size != manifest.contentSize() || !actual.equals(manifest.contentSha256())) {
                Files.deleteIfExists(target);
                throw new ProjectOpenException(Problem.DAMAGED, file,
                        Reason.of("open.detail.checksumAfterSave"));
            }
        } catch (ZipException e) {
            throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.damaged", e.getMessage()), e);
        } catch (IOException e) {
            throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.contentUnreadable",
                    e.getMessage()), e);
        }
    }

    /** Reads the whole database entry of {@code file} and checks it against the manifest, writing nothing. */
    static void verify(Path file) throws ProjectOpenException {
        ProjectManifest manifest = readManifest(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(DATABASE_ENTRY);
            if (entry == null || implausible(manifest.contentSize(), entry.getCompressedSize())) {
                throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.databaseImplausible"));
            }
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(new BoundedStream(zip.getInputStream(entry),
                    manifest.contentSize()), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            if (size != manifest.contentSize() || !HexFormat.of().formatHex(digest.digest()).equals(manifest.contentSha256())) {
                throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.checksum"));
            }
        } catch (IOException e) {
            throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.damaged", e.getMessage()), e);
        }
    }

    private static void refuseImplausibleSize(Path file, ProjectManifest manifest, ZipEntry entry, Path target)
            throws ProjectOpenException, IOException {
        long declared = manifest.contentSize();
        long compressed = entry.getCompressedSize();
        if (implausible(declared, compressed)) {
            throw new ProjectOpenException(Problem.DAMAGED, file, Reason.of("open.detail.packed",
                    megabytes(declared), megabytes(compressed)));
        }
        // statvfs on the folder itself: Files.getFileStore looks the folder up in the mount table, which fails
        // ("Mount point not found") inside a chroot or a container whose /proc/mounts shows the host's paths.
        long free = target.toAbsolutePath().getParent().toFile().getUsableSpace();
        if (declared > free) {
            throw new ProjectOpenException(Problem.UNREADABLE, file, Reason.of("open.detail.noSpace",
                    megabytes(declared), target.getParent(), megabytes(free)));
        }
    }

    private static boolean implausible(long declared, long compressed) {
        return declared < 0 || (declared > RATIO_APPLIES_ABOVE && (compressed <= 0 || declared / compressed > MAX_RATIO));
    }

    private static byte[] derivedHeader(ProjectManifest manifest) {
        return (manifest.contentSha256() + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Extracts into {@code folder} (emptied first) the derived data that {@code file} stores for exactly the database
     * its manifest describes; returns each item's file by name. Items for another database, with a bad name, packed
     * implausibly or larger than twice the database are skipped: derived data is never needed, so nothing here fails
     * the open.
     */
    static Map<String, Path> extractDerived(Path file, ProjectManifest manifest, Path folder) {
        Map<String, Path> extracted = new TreeMap<>();
        try {
            deleteFolder(folder);
            Files.createDirectories(folder);
            byte[] header = derivedHeader(manifest);
            long limit = header.length + 2 * manifest.contentSize() + 1024 * 1024;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName().startsWith(DERIVED_PREFIX)
                            ? entry.getName().substring(DERIVED_PREFIX.length()) : "";
                    if (!DerivedData.isValidName(name) || entry.getSize() > limit
                            || implausible(entry.getSize(), entry.getCompressedSize())) {
                        continue;
                    }
                    Path target = folder.resolve(name);
                    try (InputStream in = new BoundedStream(zip.getInputStream(entry), limit)) {
                        if (Arrays.equals(in.readNBytes(header.length), header)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                            extracted.put(name, target);
                        }
                    } catch (IOException e) {
                        Files.deleteIfExists(target);
                    }
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return extracted;
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path stale : files.toList()) {
                    Files.delete(stale);
                }
            }
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Runs just before a save replaces the project file; throws to keep the file as it is. */
    @FunctionalInterface
    interface ReplaceCheck {
        void beforeReplacing() throws SaveConflictException;
    }

    /**
     * Writes {@code database} into a new project file at {@code target} atomically: the archive is
     * written to a temporary file beside the target, forced to disk, checked by {@code check} (the
     * compare half of a compare-and-swap), then renamed over the target. A crash at any point leaves
     * either the old file or the new one, never a mixture.
     */
    static ProjectManifest write(Path database, ProjectManifest template, Path target, TaskContext context,
                                 ReplaceCheck check) throws IOException, SaveConflictException {
        return write(database, Map.of(), template, target, context, check);
    }

    /** As {@link #write(Path, ProjectManifest, Path, TaskContext, ReplaceCheck)}, storing {@code derived} too. */
    static ProjectManifest write(Path database, Map<String, DerivedData.Writer> derived, ProjectManifest template,
                                 Path target, TaskContext context, ReplaceCheck check)
            throws IOException, SaveConflictException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, SaveLeftovers.prefix(target), SaveLeftovers.SAVING);
        try {
            MessageDigest digest = sha256();
            long size;
            ProjectManifest manifest;
            try (OutputStream fileOut = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(fileOut)) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry(DATABASE_ENTRY));
                try (InputStream in = new DigestInputStream(new ProgressStream(
                        new BufferedInputStream(Files.newInputStream(database)), Files.size(database), context), digest)) {
                    size = in.transferTo(zip);
                }
                zip.closeEntry();
                manifest = new ProjectManifest(template.projectId(), template.schemaVersion(),
                        template.appVersion(), template.savedAt(), HexFormat.of().formatHex(digest.digest()), size);
                for (Map.Entry<String, DerivedData.Writer> item : derived.entrySet()) {
                    zip.putNextEntry(new ZipEntry(DERIVED_PREFIX + item.getKey()));
                    zip.write(derivedHeader(manifest));
                    item.getValue().writeTo(zip);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                manifest.writeTo(zip);
                zip.closeEntry();
                zip.finish();
                fileOut.flush();
            }
            forceToDisk(temporary);
            check.beforeReplacing();
            moveAtomically(temporary, target);
            return manifest;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network shares cannot rename atomically; a plain replace is the best they allow.
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return Arrays.equals(head, ZIP_MAGIC);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
