package com.campaignstudio.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last few saved versions of each project, kept in the application's own folder (not beside the
 * project, so that shared and synced folders stay clean). Every save first copies the version it
 * replaces here.
 */
public final class Backups {

    public static final int KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    public Backups(Path root) {
        this.root = root;
    }

    /** One kept version of a project. */
    public record Backup(Path file, Instant savedAt, long size) {
    }

    /** Copies {@code projectFile} (the version about to be replaced) into the backups of {@code projectId}. */
    void keep(String projectId, Path projectFile) throws IOException {
        if (!Files.exists(projectFile)) {
            return;
        }
        Path folder = folder(projectId);
        Files.createDirectories(folder);
        Path copy = folder.resolve(STAMP.format(Instant.now()) + "-" + projectFile.getFileName());
        Files.copy(projectFile, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        List<Backup> all = list(projectId);
        for (Backup old : all.subList(Math.min(KEPT, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /**
     * Puts {@code backup} in place of {@code target}, keeping the version it replaces as a backup. The
     * replacement is atomic: a crash leaves either the old or the restored file.
     */
    public void restore(String projectId, Backup backup, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".",
                ".restoring");
        try {
            Files.copy(backup.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
            keep(projectId, target);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The kept versions of a project, newest first. */
    public List<Backup> list(String projectId) throws IOException {
        Path folder = folder(projectId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(Backups::describe)
                    .sorted(Comparator.comparing(Backup::file).reversed())
                    .toList();
        }
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(file, Files.getLastModifiedTime(file).toInstant(), Files.size(file));
        } catch (IOException e) {
            return new Backup(file, Instant.EPOCH, 0);
        }
    }

    private Path folder(String projectId) {
        if (!projectId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a project id: " + projectId);
        }
        return root.resolve(projectId);
    }
}
