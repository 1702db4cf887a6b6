package com.campaignstudio.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The last few saved versions of each project, kept in the application's own folder (not beside the
 * project, so that shared and synced folders stay clean). Every save first copies the version it
 * replaces here.
 */
public final class Backups {

    public static final int KEPT = 5;
    /** Beside a project's backups: the path its file was last saved at, to find them when the file is damaged. */
    private static final String ORIGIN = ".origin";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    public Backups(Path root) {
        this.root = root;
    }

    /** One kept version of a project. */
    public record Backup(Path file, Instant savedAt, long size) {

        /** The project id whose folder holds this backup. */
        String projectId() {
            return file.getParent().getFileName().toString();
        }

        /** When it was saved, in this computer's time zone, to the minute. */
        public String describeTime() {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(savedAt);
        }
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
        Files.writeString(folder.resolve(ORIGIN), projectFile.toAbsolutePath().normalize().toString());
        List<Backup> all = list(projectId);
        for (Backup old : all.subList(Math.min(KEPT, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /**
     * Puts {@code backup} in place of {@code target}, keeping the version it replaces as a backup (even a
     * damaged one: nothing is thrown away). The replacement is atomic: a crash leaves either the old or the
     * restored file.
     */
    void restore(Backup backup, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), SaveLeftovers.prefix(target),
                SaveLeftovers.RESTORING);
        try {
            Files.copy(backup.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
            keep(backup.projectId(), target);
            ProjectContainer.moveAtomically(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The kept versions of {@code projectFile}, newest first: those of its project id when its manifest can be
     * read, and else (a truncated or damaged file) those saved under its file name.
     */
    public List<Backup> forFile(Path projectFile) throws IOException {
        try {
            return list(ProjectContainer.readManifest(projectFile).projectId());
        } catch (ProjectOpenException e) {
            return forUnreadableFile(projectFile);
        }
    }

    /**
     * The backups of a file whose manifest cannot be read: those of the project last saved at this path; else, when
     * exactly one project has backups under this file name, that one's (two shop.campaign files in different
     * folders must not get each other's backups).
     */
    private List<Backup> forUnreadableFile(Path projectFile) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String path = projectFile.toAbsolutePath().normalize().toString();
        String suffix = "-" + projectFile.getFileName();
        List<Path> samePath = new java.util.ArrayList<>();
        List<Path> sameName = new java.util.ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path origin = folder.resolve(ORIGIN);
                if (Files.exists(origin) && Files.readString(origin).strip().equals(path)) {
                    samePath.add(folder);
                } else if (list(folder).stream().anyMatch(b -> b.file().getFileName().toString().endsWith(suffix))) {
                    sameName.add(folder);
                }
            }
        }
        List<Path> chosen = !samePath.isEmpty() ? samePath : sameName.size() == 1 ? sameName : List.of();
        List<Backup> found = new java.util.ArrayList<>();
        for (Path folder : chosen) {
            found.addAll(list(folder));
        }
        found.sort(Comparator.comparing((Backup b) -> b.file().getFileName().toString()).reversed());
        return found;
    }

    /** The newest kept version of {@code projectFile} that is intact (its content matches its checksum). */
    public Optional<Backup> newestGood(Path projectFile) {
        try {
            return forFile(projectFile).stream().filter(Backups::isIntact).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when the backup's content matches its checksum. */
    public static boolean isIntact(Backup backup) {
        try {
            ProjectContainer.verify(backup.file());
            return true;
        } catch (ProjectOpenException e) {
            return false;
        }
    }

    /** The kept versions of a project, newest first. */
    public List<Backup> list(String projectId) throws IOException {
        return list(folder(projectId));
    }

    private static List<Backup> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
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
