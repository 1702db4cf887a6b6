package com.campaignstudio.project;

import com.campaignstudio.AppInfo;
import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open project. The project file itself is never written while it is open: the database lives in a
 * private working copy, and {@link #save()} writes the whole file anew and renames it over the old one.
 * This is because H2 does not flush on commit, does not detect damaged pages, and its file lock does
 * not reach other laptops through a synced folder.
 */
public final class Project implements AutoCloseable {

    /** The working folder's subfolder for the derived data a project file stores. */
    private static final String DERIVED_FOLDER = "derived";

    private final ProjectLocations locations;
    private final Backups backups;
    private final WorkingCopy workingCopy;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final boolean recovered;
    private ProjectLock lock;
    private Path unrecovered;
    private ProjectDatabase database;
    private Path file;
    private ProjectManifest basis;

    private Project(ProjectLocations locations, ProjectLock lock, WorkingCopy workingCopy, ProjectDatabase database,
                    Path file, ProjectManifest basis, boolean recovered) {
        this.locations = locations;
        this.lock = lock;
        this.backups = new Backups(locations.backupRoot());
        this.workingCopy = workingCopy;
        this.database = database;
        this.file = file;
        this.basis = basis;
        this.recovered = recovered;
        database.onWrite(this::noteWrite);
    }

    /** Creates a new, empty project and saves it to {@code file} at once, so that it exists on disk. */
    public static Project create(ProjectLocations locations, Path file, ZoneId timeZone) throws IOException,
            ProjectOpenException {
        Path target = file.toAbsolutePath().normalize();
        ProjectLock lock = ProjectLock.acquire(locations.lockRoot(), target);
        boolean replacing = Files.exists(target);
        WorkingCopy workingCopy;
        try {
            workingCopy = WorkingCopy.claim(locations.workRoot(), target);
        } catch (ProjectOpenException | RuntimeException e) {
            lock.close();
            throw e;
        }
        ProjectDatabase database = null;
        try {
            workingCopy.clearDatabase();
            database = ProjectDatabase.create(workingCopy.directory());
            database.transaction(connection -> {
                ProjectMetadata.put(connection, ProjectMetadata.PROJECT_ID, UUID.randomUUID().toString());
                ProjectMetadata.put(connection, ProjectMetadata.CREATED_AT, LocalDateTime.now(timeZone).toString());
                ProjectMetadata.put(connection, ProjectMetadata.CREATED_BY_VERSION, AppInfo.version());
                ProjectMetadata.put(connection, ProjectMetadata.TIME_ZONE, timeZone.getId());
                ProjectMetadata.put(connection, ProjectMetadata.CURRENCY, "CNY");
                ProjectMetadata.put(connection, ProjectMetadata.PSEUDONYMISATION_KEY, newKey());
                ProjectMetadata.put(connection, ProjectMetadata.NAME, displayName(target));
                return null;
            });
            Project project = new Project(locations, lock, workingCopy, database, target, null, false);
            project.writeFile(target, TaskContext.silent(), replacing ? () -> { } : project::refuseIfCreatedMeanwhile);
            return project;
        } catch (SaveConflictException e) {
            abandon(database, workingCopy, lock);
            throw new IOException(target.getFileName() + " was created by someone else meanwhile; nothing was "
                    + "written over it", e);
        } catch (SQLException e) {
            abandon(database, workingCopy, lock);
            throw new IOException("could not create the project database: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            abandon(database, workingCopy, lock);
            throw e;
        }
    }

    private static void abandon(ProjectDatabase database, WorkingCopy workingCopy, ProjectLock lock) {
        if (database != null) {
            database.close();
        }
        workingCopy.release(false);
        lock.close();
    }

    /**
     * Opens a project file. Unsaved changes left by a crash are recovered (see {@link #wasRecovered()}).
     * On any problem the file is left exactly as it was.
     */
    public static Project open(ProjectLocations locations, Path file) throws ProjectOpenException {
        return open(locations, file, TaskContext.silent());
    }

    /** As {@link #open(ProjectLocations, Path)}, reporting progress; a cancelled open changes nothing. */
    public static Project open(ProjectLocations locations, Path file, TaskContext context) throws ProjectOpenException {
        Path source = file.toAbsolutePath().normalize();
        ProjectLock lock = ProjectLock.acquire(locations.lockRoot(), source);
        WorkingCopy workingCopy;
        ProjectManifest manifest;
        try {
            SaveLeftovers.clean(source);
            manifest = readManifestOrNameBackup(locations, source);
            workingCopy = WorkingCopy.claim(locations.workRoot(), source);
        } catch (ProjectOpenException | RuntimeException e) {
            lock.close();
            throw e;
        }
        boolean recovering = workingCopy.hasUnsavedChanges() && workingCopy.hasDatabase();
        try {
            Path unrecovered = null;
            if (recovering) {
                try {
                    return openDatabase(locations, lock, workingCopy, source, manifest, true, null);
                } catch (ProjectOpenException e) {
                    if (e.problem() != Problem.DAMAGED) {
                        throw e;
                    }
                    unrecovered = workingCopy.setAsideDatabase(locations.workRoot().resolveSibling("unrecovered"));
                    recovering = false;
                }
            }
            workingCopy.clearDatabase();
            try {
                ProjectContainer.extractDatabase(source, manifest, workingCopy.databaseFile(), context);
            } catch (ProjectOpenException e) {
                throw withBackupAdvice(locations, e);
            }
            Project project = openDatabase(locations, lock, workingCopy, source, manifest, false, unrecovered);
            // Computed under an older schema, derived data may not match what the migrations made of the data.
            if (manifest.schemaVersion() == SchemaVersion.CURRENT) {
                project.database.derived().opened(ProjectContainer.extractDerived(source, manifest,
                        workingCopy.directory().resolve(DERIVED_FOLDER)));
            }
            return project;
        } catch (ProjectOpenException | RuntimeException e) {
            workingCopy.release(recovering);
            lock.close();
            throw e;
        } catch (IOException e) {
            workingCopy.release(recovering);
            lock.close();
            throw new ProjectOpenException(Problem.UNREADABLE, source,
                    Reason.of("open.detail.workingCopy", e.getMessage()), e);
        }
    }

    private static Project openDatabase(ProjectLocations locations, ProjectLock lock, WorkingCopy workingCopy,
                                        Path source, ProjectManifest manifest, boolean recovered, Path unrecovered)
            throws ProjectOpenException {
        StoredSchema.refuseExecutableObjects(workingCopy.databaseFile(), source);
        ProjectDatabase database = ProjectDatabase.open(workingCopy.directory(), source);
        Project project = new Project(locations, lock, workingCopy, database, source, manifest, recovered);
        project.unrecovered = unrecovered;
        return project;
    }

    private static ProjectManifest readManifestOrNameBackup(ProjectLocations locations, Path source)
            throws ProjectOpenException {
        try {
            return ProjectContainer.readManifest(source);
        } catch (ProjectOpenException e) {
            throw withBackupAdvice(locations, e);
        }
    }

    /** A damaged file's error names the newest backup that is intact, and how to restore it. */
    private static ProjectOpenException withBackupAdvice(ProjectLocations locations, ProjectOpenException e) {
        if (e.problem() != Problem.DAMAGED) {
            return e;
        }
        return new Backups(locations.backupRoot()).newestGood(e.file())
                .map(backup -> e.withGoodBackup(backup))
                .orElse(e);
    }

    /**
     * Puts {@code backup} in place of {@code file} (which must not be open anywhere), keeping the version it
     * replaces as a backup too.
     */
    public static void restore(ProjectLocations locations, Path file, Backups.Backup backup) throws IOException,
            ProjectOpenException {
        Path target = file.toAbsolutePath().normalize();
        try (ProjectLock lock = ProjectLock.acquire(locations.lockRoot(), target)) {
            SaveLeftovers.clean(target);
            new Backups(locations.backupRoot()).restore(backup, target);
        }
    }

    /** Project files with unsaved changes left behind by a crash, to offer for recovery at start-up. */
    public static List<Path> findRecoverable(ProjectLocations locations) {
        return WorkingCopy.findRecoverable(locations.workRoot(), locations.lockRoot());
    }

    /** Throws away the unsaved changes a crash left for {@code file}, unless a process has it open. */
    public static void discardRecoverable(ProjectLocations locations, Path file) throws IOException,
            ProjectOpenException {
        Path source = file.toAbsolutePath().normalize();
        try (ProjectLock lock = ProjectLock.acquire(locations.lockRoot(), source)) {
            WorkingCopy.discard(locations.workRoot(), source);
        }
    }

    public Path file() {
        return file;
    }

    public ProjectDatabase database() {
        return database;
    }

    public ProjectMetadata metadata() {
        return new ProjectMetadata(database);
    }

    public Backups backups() {
        return backups;
    }

    public String projectId() throws SQLException {
        return metadata().get(ProjectMetadata.PROJECT_ID)
                .orElseThrow(() -> new SQLException("the project has no id"));
    }

    public boolean hasUnsavedChanges() {
        return workingCopy.hasUnsavedChanges();
    }

    /**
     * When a crash left unsaved changes that could not be read back (the process was killed in the middle of a
     * write H2 could not recover from), the last saved version was opened instead: where the damaged copy of the
     * unsaved changes was put aside. Empty in every other case.
     */
    public java.util.Optional<Path> unrecoveredChanges() {
        return java.util.Optional.ofNullable(unrecovered);
    }

    /** True when this session started from unsaved changes that a crash had left behind. */
    public boolean wasRecovered() {
        return recovered;
    }

    /** Runs {@code listener} after every committed write and after every save. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Saves to the project file, keeping the replaced version as a backup.
     *
     * @throws SaveConflictException when someone else saved the file since it was opened; nothing is written
     */
    public void save() throws IOException, SaveConflictException {
        save(TaskContext.silent());
    }

    /** As {@link #save()}, reporting progress; a cancelled save leaves the file as it was. */
    public void save(TaskContext context) throws IOException, SaveConflictException {
        if (changedOnDisk()) {
            throw new SaveConflictException(file);
        }
        writeFile(file, context, this::refuseIfChangedOnDisk);
    }

    /** Saves over the project file even though someone else changed it (their version becomes a backup). */
    public void saveOverwriting(TaskContext context) throws IOException {
        try {
            writeFile(file, context, () -> { });
        } catch (SaveConflictException e) {
            throw new IllegalStateException("an unconditional save has no conflict", e);
        }
    }

    /**
     * Keeps this session's work when the project file was changed by someone else: saves it beside the file as
     * {@code NAME (conflict YYYY-MM-DD HHMM).campaign}, which becomes this project's file. Returns that path.
     */
    public Path saveConflictCopy(TaskContext context) throws IOException, ProjectOpenException {
        Path copy = conflictCopyName(file, LocalDateTime.now());
        saveAs(copy, context);
        return copy;
    }

    static Path conflictCopyName(Path file, LocalDateTime when) {
        String stamp = when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HHmm"));
        String base = displayName(file) + " (conflict " + stamp;
        Path candidate = file.resolveSibling(base + ")" + AppInfo.PROJECT_EXTENSION);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + " " + n + ")" + AppInfo.PROJECT_EXTENSION);
        }
        return candidate;
    }

    /** Saves to {@code target}, which becomes this project's file from now on. */
    public void saveAs(Path target) throws IOException, ProjectOpenException {
        saveAs(target, TaskContext.silent());
    }

    /** As {@link #saveAs(Path)}, reporting progress. */
    public void saveAs(Path target, TaskContext context) throws IOException, ProjectOpenException {
        Path normalized = target.toAbsolutePath().normalize();
        if (!normalized.equals(file)) {
            ProjectLock targetLock = ProjectLock.acquire(locations.lockRoot(), normalized);
            try {
                workingCopy.rebind(locations.workRoot(), normalized);
            } catch (IOException | RuntimeException e) {
                targetLock.close();
                throw e;
            }
            lock.close();
            lock = targetLock;
            file = normalized;
        }
        // Save As means "replace whatever is there": the user chose the target in a dialog that asked.
        saveOverwriting(context);
    }

    /** True when the project file on disk is no longer the version this session opened or last saved. */
    public boolean changedOnDisk() {
        if (!Files.exists(file)) {
            return basis != null;
        }
        try {
            ProjectManifest current = ProjectContainer.readManifest(file);
            return basis == null
                    || !Objects.equals(current.contentSha256(), basis.contentSha256())
                    || !Objects.equals(current.savedAt(), basis.savedAt());
        } catch (ProjectOpenException e) {
            return true;
        }
    }

    private void refuseIfChangedOnDisk() throws SaveConflictException {
        if (changedOnDisk()) {
            throw new SaveConflictException(file);
        }
    }

    private void refuseIfCreatedMeanwhile() throws SaveConflictException {
        if (Files.exists(file)) {
            throw new SaveConflictException(file);
        }
    }

    /**
     * Writes the project file. Saves of one project never overlap: a second waits for the first, so that one
     * save never mistakes another's temporary file for a leftover.
     */
    private synchronized void writeFile(Path target, TaskContext context, ProjectContainer.ReplaceCheck check)
            throws IOException, SaveConflictException {
        SaveLeftovers.clean(target);
        try {
            String projectId = projectId();
            database.transaction(connection -> {
                ProjectMetadata.put(connection, ProjectMetadata.LAST_SAVED_BY_VERSION, AppInfo.version());
                return null;
            }, false);
            backups.keep(projectId, target);
            ProjectManifest template = new ProjectManifest(projectId, SchemaVersion.CURRENT, AppInfo.version(),
                    Instant.now(), "", 0);
            database.suspend();
            try {
                basis = ProjectContainer.write(workingCopy.databaseFile(), database.derived().current(), template,
                        target, context, check);
                // Before queries may run again: a change committed right after the gate opens must leave its mark.
                workingCopy.markSaved();
            } finally {
                database.resume();
            }
            changeListeners.forEach(Runnable::run);
        } catch (SQLException e) {
            throw new IOException("could not save the project: " + e.getMessage(), e);
        }
    }

    private void noteWrite() {
        workingCopy.markModified();
        changeListeners.forEach(Runnable::run);
    }

    /** Closes the project, throwing away unsaved changes (the caller asked the user first). */
    @Override
    public void close() {
        database.close();
        workingCopy.release(false);
        lock.close();
    }

    /**
     * Leaves the working copy as a crash would: closed but kept with its unsaved changes, so that the next
     * open recovers them. For crash-recovery tests and for shutting down without a prompt.
     */
    public void closeKeepingUnsavedChanges() {
        database.close();
        workingCopy.release(workingCopy.hasUnsavedChanges());
        lock.close();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String displayName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(AppInfo.PROJECT_EXTENSION)
                ? name.substring(0, name.length() - AppInfo.PROJECT_EXTENSION.length()) : name;
    }
}
