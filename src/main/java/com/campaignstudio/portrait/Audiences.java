package com.campaignstudio.portrait;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The audience table of each open project, read on first use and kept until the project's data change (as
 * {@code snapshot.Snapshots} keeps activity): choosing another group or comparing two re-uses the same arrays.
 */
public final class Audiences {

    private record Entry(long version, AudienceTable table) {
    }

    /** Weak keys: a closed project's table goes with its database. */
    private final Map<ProjectDatabase, Entry> cache = new WeakHashMap<>();

    /** The table of {@code database}'s current data, read now unless already read. */
    public synchronized AudienceTable of(ProjectDatabase database, TaskContext context) throws SQLException {
        long version = database.dataVersion();
        Entry cached = cache.get(database);
        if (cached != null && cached.version() == version) {
            return cached.table();
        }
        // Let the old arrays go before the new ones are read: both at once would double the peak heap.
        cache.remove(database);
        AudienceTable table = AudienceReader.read(database, context);
        cache.put(database, new Entry(version, table));
        return table;
    }
}
