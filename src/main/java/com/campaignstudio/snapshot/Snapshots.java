package com.campaignstudio.snapshot;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The activity snapshot of each open project, built on first use and kept until the project's data changes: a
 * snapshot remembers the {@link ProjectDatabase#dataVersion()} it was read at, and a later write (an import, an
 * undo, any committed transaction) makes the next request read the project again. Analyses that change only their
 * settings (a breakdown, a window) reuse the same arrays.
 *
 * <p>One instance serves the whole application (the composition root makes it and hands it to every analysis that
 * reads activity), so that the funnel, retention and other views share one snapshot per project.
 */
public final class Snapshots {

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
            ActivitySnapshot snapshot = SnapshotReader.read(database, context);
            synchronized (cache) {
                cache.put(database, new Entry(version, snapshot));
            }
            return snapshot;
        }
    }

    /** Whether {@code database} has a snapshot of its current data in the cache. */
    public boolean isCurrent(ProjectDatabase database) {
        synchronized (cache) {
            Entry cached = cache.get(database);
            return cached != null && cached.version() == database.dataVersion();
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
