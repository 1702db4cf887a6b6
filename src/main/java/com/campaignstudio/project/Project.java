package com.campaignstudio.project;

import com.campaignstudio.AppInfo;
import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

    private final ProjectLocations locations;
    private final Backups backups;
    private final WorkingCopy workingCopy;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final boolean recovered;
    private ProjectDatabase database;
    private Path file;
    private ProjectManifest basis;

    private Project(ProjectLocations locations, WorkingCopy workingCopy, ProjectDatabase database, Path file,
                    ProjectManifest basis, boolean recovered) {
        this.locations = locations;
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
        WorkingCopy workingCopy = WorkingCopy.claim(locations.workRoot(), target);
        try {
            workingCopy.clearDatabase();
            ProjectDatabase database = ProjectDatabase.create(workingCopy.directory());
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
            Project project = new Project(locations, workingCopy, database, target, null, false);
            project.writeFile(target, TaskContext.silent());
            return project;
        } catch (SQLException e) {
            workingCopy.release(false);
            throw new IOException("could not create the project database: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            workingCopy.release(false);
            throw e;
        }
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
        ProjectManifest manifest = ProjectContainer.readManifest(source);
        WorkingCopy workingCopy = WorkingCopy.claim(locations.workRoot(), source);
        boolean recovered = workingCopy.hasUnsavedChanges() && workingCopy.hasDatabase();
        try {
            if (!recovered) {
                workingCopy.clearDatabase();
                ProjectContainer.extractDatabase(source, manifest, workingCopy.databaseFile(), context);
            }
            StoredSchema.refuseExecutableObjects(workingCopy.databaseFile(), source);
            ProjectDatabase database = ProjectDatabase.open(workingCopy.directory(), source);
            return new Project(locations, workingCopy, database, source, manifest, recovered);
        } catch (ProjectOpenException | RuntimeException e) {
            workingCopy.release(recovered);
            throw e;
        } catch (IOException e) {
            workingCopy.release(recovered);
            throw new ProjectOpenException(Problem.UNREADABLE, source,
                    "its working copy could not be prepared (" + e.getMessage() + ")", e);
        }
    }

    /** Project files with unsaved changes left behind by a crash, to offer for recovery at start-up. */
    public static List<Path> findRecoverable(ProjectLocations locations) {
        return WorkingCopy.findRecoverable(locations.workRoot());
    }

    /** Throws away the unsaved changes a crash left for {@code file}. */
    public static void discardRecoverable(ProjectLocations locations, Path file) throws IOException {
        WorkingCopy.discardRecoverable(locations.workRoot(), file.toAbsolutePath().normalize());
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
        writeFile(file, context);
    }

    /** Saves over the project file even though someone else changed it (their version becomes a backup). */
    public void saveOverwriting(TaskContext context) throws IOException {
        writeFile(file, context);
    }

    /** Saves to {@code target}, which becomes this project's file from now on. */
    public void saveAs(Path target) throws IOException, ProjectOpenException {
        saveAs(target, TaskContext.silent());
    }

    /** As {@link #saveAs(Path)}, reporting progress. */
    public void saveAs(Path target, TaskContext context) throws IOException, ProjectOpenException {
        Path normalized = target.toAbsolutePath().normalize();
        if (!normalized.equals(file)) {
            workingCopy.rebind(locations.workRoot(), normalized);
            file = normalized;
            basis = Files.exists(normalized) ? ProjectContainer.readManifest(normalized) : null;
        }
        writeFile(normalized, context);
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

    private void writeFile(Path target, TaskContext context) throws IOException {
        try {
            String projectId = projectId();
            database.transaction(connection -> {
                ProjectMetadata.put(connection, ProjectMetadata.LAST_SAVED_BY_VERSION, AppInfo.version());
                return null;
            });
            backups.keep(projectId, target);
            ProjectManifest template = new ProjectManifest(projectId, SchemaVersion.CURRENT, AppInfo.version(),
                    Instant.now(), "", 0);
            database.suspend();
            try {
                basis = ProjectContainer.write(workingCopy.databaseFile(), template, target, context);
            } finally {
                database.resume();
            }
            workingCopy.markSaved();
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
    }

    /**
     * Leaves the working copy as a crash would: closed but kept with its unsaved changes, so that the next
     * open recovers them. For crash-recovery tests and for shutting down without a prompt.
     */
    public void closeKeepingUnsavedChanges() {
        database.close();
        workingCopy.release(workingCopy.hasUnsavedChanges());
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
