package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says that one running Campaign Studio has a project file open, so that no other process on this computer
 * opens, imports into or saves the same file meanwhile. It is an operating-system lock on a small file whose
 * name is derived from the project's canonical path (symbolic links and {@code ..} resolved), taken before
 * anything else is done with the project: two processes racing for one project cannot both get past it,
 * whatever their timing. The file also says who holds it ({@code user@host since ...}) for the one refused.
 *
 * <p>The lock covers a single byte far beyond the end of the file, so that the holder's description stays
 * readable on systems whose locks are mandatory (Windows). A process that dies leaves the file, but the
 * operating system releases its lock.
 */
final class ProjectLock implements AutoCloseable {

    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;
    /** Locks this process holds, by lock file: a second channel on a held lock file would, when closed, release it. */
    private static final Map<Path, ProjectLock> HELD_HERE = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code projectFile}, or fails with IN_USE naming who holds it. */
    static ProjectLock acquire(Path lockRoot, Path projectFile) throws ProjectOpenException {
        Path lockFile;
        try {
            Files.createDirectories(lockRoot);
            lockFile = lockRoot.resolve(lockName(projectFile));
        } catch (IOException e) {
            throw new ProjectOpenException(Problem.UNREADABLE, projectFile,
                    Reason.of("open.detail.lockFolder", lockRoot, e.getMessage()), e);
        }
        synchronized (HELD_HERE) {
            if (HELD_HERE.containsKey(lockFile)) {
                throw new ProjectOpenException(Problem.IN_USE, projectFile,
                        Reason.of("open.detail.openHere"));
            }
            try {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock(LOCKED_BYTE, 1, false);
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = awaitHolder(channel);
                    channel.close();
                    throw new ProjectOpenException(Problem.IN_USE, projectFile, holder.isEmpty()
                            ? Reason.of("open.detail.openElsewhere") : Reason.of("open.detail.openBy", holder));
                }
                ProjectLock held = new ProjectLock(lockFile, channel, lock);
                try {
                    writeHolder(channel);
                } catch (IOException e) {
                    held.release();
                    throw e;
                }
                HELD_HERE.put(lockFile, held);
                return held;
            } catch (IOException e) {
                throw new ProjectOpenException(Problem.UNREADABLE, projectFile,
                        Reason.of("open.detail.notReserved", e.getMessage()), e);
            }
        }
    }

    /** True when a process (this one or another) holds the lock of {@code projectFile}. */
    static boolean isHeld(Path lockRoot, Path projectFile) {
        Path lockFile;
        try {
            lockFile = lockRoot.resolve(lockName(projectFile));
        } catch (IOException e) {
            return false;
        }
        synchronized (HELD_HERE) {
            if (HELD_HERE.containsKey(lockFile)) {
                return true;
            }
            if (!Files.exists(lockFile)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock(LOCKED_BYTE, 1, false);
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (IOException | OverlappingFileLockException e) {
                return true;
            }
        }
    }

    /**
     * The lock file's name: a hash of the canonical path, so that every spelling of one file (relative,
     * through a link, with {@code ..}) meets the same lock.
     */
    static String lockName(Path projectFile) throws IOException {
        String canonical = canonical(projectFile).toString();
        byte[] hash = ProjectContainer.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16) + ".lock";
    }

    static Path canonical(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path parent = absolute.getParent();
        return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
    }

    /** Written over the old text, then cut to length, so that the file is never empty while held. */
    private static void writeHolder(FileChannel channel) throws IOException {
        byte[] holder = (System.getProperty("user.name", "someone") + "@" + ThisComputer.name() + " since "
                + LocalDateTime.now().withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + " (process " + ProcessHandle.current().pid() + ")").getBytes(StandardCharsets.UTF_8);
        channel.write(ByteBuffer.wrap(holder), 0);
        channel.truncate(holder.length);
        channel.force(false);
    }

    /**
     * Who holds the lock. The holder writes its name just after it takes the lock, so a process refused in that
     * instant may still read nothing, or the name of an earlier holder that has since died: it waits a little
     * for the current one.
     */
    private static String awaitHolder(FileChannel channel) {
        String holder = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            holder = readHolder(channel);
            if (!holder.isEmpty() && isAlive(holder)) {
                return holder;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return holder;
    }

    /** False only when the text names a process on this computer that no longer runs. */
    private static boolean isAlive(String holder) {
        int at = holder.indexOf('@');
        int since = holder.indexOf(" since ");
        int process = holder.lastIndexOf("(process ");
        if (at < 0 || since < at || process < 0 || !holder.substring(at + 1, since).equals(ThisComputer.name())) {
            return true;
        }
        try {
            long pid = Long.parseLong(holder.substring(process + "(process ".length(), holder.length() - 1));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int read = channel.read(buffer, 0);
            return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        synchronized (HELD_HERE) {
            HELD_HERE.remove(lockFile, this);
            release();
        }
    }

    private void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock too.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be done; the operating system releases it when the process ends.
        }
    }
}
