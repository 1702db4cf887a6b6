package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The private folder where an open project's database lives while the user works on it, one per project file
 * path. Only the holder of the project's {@link ProjectLock} may claim it, so it needs no lock of its own. A
 * folder left behind by a crash with unsaved changes in it is offered for recovery.
 */
final class WorkingCopy implements AutoCloseable {

    private static final String SESSION_FILE = "session.properties";
    private static final String MODIFIED_MARKER = "modified";

    private final Path directory;

    private WorkingCopy(Path directory) {
        this.directory = directory;
    }

    /**
     * Takes the working folder for {@code source}: the one left from an earlier session, or a new one. The
     * caller holds the project's lock.
     */
    static WorkingCopy claim(Path workRoot, Path source) throws ProjectOpenException {
        try {
            Path directory = folderFor(workRoot, source)
                    .orElse(workRoot.resolve(UUID.randomUUID().toString()));
            Files.createDirectories(directory);
            WorkingCopy copy = new WorkingCopy(directory);
            copy.writeSession(source);
            return copy;
        } catch (IOException e) {
            throw new ProjectOpenException(Problem.UNREADABLE, source,
                    Reason.of("open.detail.workingFolder", e.getMessage()), e);
        }
    }

    /**
     * Points this working copy at another project file (after Save As; the caller holds that file's lock). A
     * folder a crash left for that file is replaced: the user chose to save over the file.
     */
    void rebind(Path workRoot, Path source) throws IOException {
        Optional<Path> other = folderFor(workRoot, source);
        if (other.isPresent() && !other.get().equals(directory)) {
            deleteTree(other.get());
        }
        writeSession(source);
    }

    /** Project files whose unsaved changes were left behind by a crash (no process holds their lock). */
    static List<Path> findRecoverable(Path workRoot, Path lockRoot) {
        List<Path> sources = new ArrayList<>();
        if (!Files.isDirectory(workRoot)) {
            return sources;
        }
        try (Stream<Path> folders = Files.list(workRoot)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.exists(folder.resolve(MODIFIED_MARKER))) {
                    readSource(folder).filter(source -> !ProjectLock.isHeld(lockRoot, source)).ifPresent(sources::add);
                }
            }
        } catch (IOException e) {
            return sources;
        }
        return sources;
    }

    private static Optional<Path> readSource(Path folder) {
        try (InputStream in = Files.newInputStream(folder.resolve(SESSION_FILE))) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("source")).map(Path::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes the unsaved changes left for {@code source}; the caller holds the project's lock. */
    static void discard(Path workRoot, Path source) throws IOException {
        Optional<Path> folder = folderFor(workRoot, source);
        if (folder.isPresent()) {
            deleteTree(folder.get());
        }
    }

    private static Optional<Path> folderFor(Path workRoot, Path source) throws IOException {
        if (!Files.isDirectory(workRoot)) {
            return Optional.empty();
        }
        Path wanted = source.toAbsolutePath().normalize();
        try (Stream<Path> folders = Files.list(workRoot)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> readSource(folder).map(s -> s.toAbsolutePath().normalize().equals(wanted))
                            .orElse(false))
                    .findFirst();
        }
    }

    Path directory() {
        return directory;
    }

    Path databaseFile() {
        return ProjectDatabase.databaseFile(directory);
    }

    boolean hasDatabase() {
        return Files.exists(databaseFile());
    }

    boolean hasUnsavedChanges() {
        return Files.exists(directory.resolve(MODIFIED_MARKER));
    }

    void markModified() {
        try {
            Files.writeString(directory.resolve(MODIFIED_MARKER), "unsaved changes", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to the working folder " + directory, e);
        }
    }

    void markSaved() throws IOException {
        Files.deleteIfExists(directory.resolve(MODIFIED_MARKER));
    }

    /** Moves the database files out of the way, into {@code folder}; returns where the database went. */
    Path setAsideDatabase(Path folder) throws IOException {
        Files.createDirectories(folder);
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = folder.resolve(directory.getFileName() + "-" + stamp + ProjectDatabase.FILE_SUFFIX);
        Files.move(databaseFile(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        clearDatabase();
        return target;
    }

    /** Removes the database files, keeping the folder. */
    void clearDatabase() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(ProjectDatabase.FILE_BASE_NAME + ".")) {
                    Files.delete(file);
                }
            }
        }
        markSaved();
    }

    private void writeSession(Path source) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("source", source.toAbsolutePath().toString());
        try (OutputStream out = Files.newOutputStream(directory.resolve(SESSION_FILE))) {
            properties.store(out, "Campaign Studio working copy");
        }
    }

    /** Deletes the folder, unless unsaved changes must survive for recovery. */
    void release(boolean keepFiles) {
        if (keepFiles) {
            return;
        }
        try {
            deleteTree(directory);
        } catch (IOException ignored) {
            // A leftover folder without the modified marker is harmless and reused next time.
        }
    }

    @Override
    public void close() {
        release(hasUnsavedChanges());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
