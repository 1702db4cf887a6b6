package com.campaignstudio.snapshot;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The activity snapshot of each open project, built on first use and kept until the project's data changes: a
 * snapshot remembers the {@link ProjectDatabase#dataVersion()} it was read at, and a later write (an import, an
 * undo, any committed transaction) makes the next request read the project again. Analyses that change only their
 * settings (a breakdown, a window) reuse the same arrays.
 *
 * <p>A saved project file carries the snapshot of its data (see {@link com.campaignstudio.project.DerivedData}): the
 * first request after opening reads it back instead of scanning the tables, as long as nothing was written since.
 *
 * <p>One instance serves the whole application (the composition root makes it and hands it to every analysis that
 * reads activity), so that the funnel, retention and other views share one snapshot per project.
 */
public final class Snapshots {

    /** The name under which a saved project file carries the snapshot of its data. */
    static final String DERIVED_NAME = "activity-snapshot";

    private record Entry(long version, ActivitySnapshot snapshot) {
    }

    /** Weak keys: a closed project's snapshot goes with its database. */
    private final Map<ProjectDatabase, Entry> cache = new WeakHashMap<>();
    private final Map<ProjectDatabase, Object> locks = new WeakHashMap<>();

    /** The snapshot of {@code database}'s current data, read now (one scan per table) unless already read. */
    public ActivitySnapshot of(ProjectDatabase database, TaskContext context) throws SQLException {
        Object lock;
        synchronized (cache) {
            lock = locks.computeIfAbsent(database, d -> new Object());
        }
        // One reader per project at a time: a second caller waits and takes the first one's snapshot.
        synchronized (lock) {
            long version = database.dataVersion();
            Entry cached;
            synchronized (cache) {
                cached = cache.get(database);
            }
            if (cached != null && cached.version() == version) {
                return cached.snapshot();
            }
            synchronized (cache) {
                // Let the old arrays go before the new ones are read: both at once would double the peak heap.
                cache.remove(database);
            }
            // The version is taken before reading: a write committed meanwhile leaves the snapshot marked stale.
            ActivitySnapshot snapshot = stored(database, version).orElse(null);
            if (snapshot == null) {
                snapshot = SnapshotReader.read(database, context);
            }
            synchronized (cache) {
                cache.put(database, new Entry(version, snapshot));
            }
            database.derived().storeOnSave(DERIVED_NAME, () -> current(database)
                    .map(current -> out -> SnapshotFile.write(current, out)));
            return snapshot;
        }
    }

    /**
     * The snapshot the project file stored for the data as opened, when there is one that reads back whole (a damaged
     * one is only a reason to read the tables again).
     */
    private static Optional<ActivitySnapshot> stored(ProjectDatabase database, long version) {
        Optional<Path> file = database.derived().asOpened(DERIVED_NAME);
        if (file.isEmpty() || version != 0) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.get()), 1 << 16)) {
            return Optional.of(SnapshotFile.read(in, Files.size(file.get())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code database} has a snapshot of its current data in the cache. */
    public boolean isCurrent(ProjectDatabase database) {
        return current(database).isPresent();
    }

    private Optional<ActivitySnapshot> current(ProjectDatabase database) {
        synchronized (cache) {
            Entry cached = cache.get(database);
            return cached != null && cached.version() == database.dataVersion()
                    ? Optional.of(cached.snapshot()) : Optional.empty();
        }
    }

    /** Drops the snapshot of {@code database} (when its project closes). */
    public void forget(ProjectDatabase database) {
        synchronized (cache) {
            cache.remove(database);
            locks.remove(database);
        }
    }
}
