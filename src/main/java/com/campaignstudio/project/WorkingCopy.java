package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The private folder where an open project's database lives while the user works on it. One folder per
 * project file path, held by an OS file lock so that a second running instance cannot open the same
 * project. A folder left behind by a crash with unsaved changes in it is offered for recovery.
 */
final class WorkingCopy implements AutoCloseable {

    private static final String LOCK_FILE = "lock";
    private static final String SESSION_FILE = "session.properties";
    private static final String MODIFIED_MARKER = "modified";

    /** Working folders this process holds, so that probing them never touches their lock files. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private WorkingCopy(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the working folder for {@code source} (the one left from an earlier session, or a new one), or
     * fails with IN_USE when another instance holds it.
     */
    static WorkingCopy claim(Path workRoot, Path source) throws ProjectOpenException {
        try {
            Path directory = folderFor(workRoot, source)
                    .orElse(workRoot.resolve(UUID.randomUUID().toString()));
            Files.createDirectories(directory);
            if (HELD_HERE.contains(directory.toAbsolutePath().normalize())) {
                throw new ProjectOpenException(Problem.IN_USE, source,
                        "it is already open in this Campaign Studio");
            }
            FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ProjectOpenException(Problem.IN_USE, source,
                        "it is already open in another Campaign Studio window or process");
            }
            HELD_HERE.add(directory.toAbsolutePath().normalize());
            WorkingCopy copy = new WorkingCopy(directory, channel, lock);
            copy.writeSession(source);
            return copy;
        } catch (IOException e) {
            throw new ProjectOpenException(Problem.UNREADABLE, source,
                    "its working folder could not be prepared (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Points this working copy at another project file (after Save As), failing with IN_USE when another
     * instance has that file open.
     */
    void rebind(Path workRoot, Path source) throws IOException, ProjectOpenException {
        Optional<Path> other = folderFor(workRoot, source);
        if (other.isPresent() && !other.get().equals(directory)) {
            if (isLocked(other.get())) {
                throw new ProjectOpenException(Problem.IN_USE, source,
                        "it is already open in another Campaign Studio window or process");
            }
            deleteTree(other.get());
        }
        writeSession(source);
    }

    /** Project files whose unsaved changes were left behind by a crash (their folders are not locked). */
    static List<Path> findRecoverable(Path workRoot) {
        List<Path> sources = new ArrayList<>();
        if (!Files.isDirectory(workRoot)) {
            return sources;
        }
        try (Stream<Path> folders = Files.list(workRoot)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.exists(folder.resolve(MODIFIED_MARKER)) && !isLocked(folder)) {
                    readSource(folder).ifPresent(sources::add);
                }
            }
        } catch (IOException e) {
            return sources;
        }
        return sources;
    }

    private static boolean isLocked(Path folder) {
        if (HELD_HERE.contains(folder.toAbsolutePath().normalize())) {
            // Never open a second channel on a lock file this process holds: on POSIX systems closing
            // it would silently release our own lock.
            return true;
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
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

    /** Deletes the unsaved changes left for {@code source}, if no instance holds them. */
    static void discardRecoverable(Path workRoot, Path source) throws IOException {
        Optional<Path> folder = folderFor(workRoot, source);
        if (folder.isPresent() && !isLocked(folder.get())) {
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

    /** Removes the database files, keeping the folder and its lock. */
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

    /** Releases the lock and, unless unsaved changes must survive, deletes the folder. */
    void release(boolean keepFiles) {
        try {
            lock.release();
            lockChannel.close();
            HELD_HERE.remove(directory.toAbsolutePath().normalize());
            if (!keepFiles) {
                deleteTree(directory);
            }
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
