package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded H2 database of an open project's working copy.
 *
 * <p>Opening is defensive because a project file may come from anyone: the stored schema was checked
 * before H2 saw the file ({@link StoredSchema}); H2 is told to load no user classes at all (so triggers,
 * Java functions and drivers of linked tables cannot run); the URL carries no settings from the file;
 * and the live schema is inspected again before anything else touches it. Only then are pending
 * migrations applied.
 */
public final class ProjectDatabase implements AutoCloseable {

    static {
        H2Hardening.apply();
    }

    static final String FILE_BASE_NAME = "project";
    static final String FILE_SUFFIX = ".mv.db";

    private final String url;
    private Connection anchor;
    private final List<Runnable> writeListeners = new CopyOnWriteArrayList<>();
    /**
     * Queries share it; suspending for a save and closing take it alone, so that no query ever runs while the
     * files are being compacted, copied or closed (H2 would then see no database, and make an empty one).
     */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private volatile boolean closed;
    /** Counts committed transactions: caches of the data (the activity snapshot) compare it to know they are stale. */
    private final AtomicLong dataVersion = new AtomicLong();
    private final DerivedData derived = new DerivedData(dataVersion::get);

    private ProjectDatabase(String url, Connection anchor) {
        this.url = url;
        this.anchor = anchor;
    }

    /** Creates an empty database with the current schema in {@code directory}. */
    static ProjectDatabase create(Path directory) throws SQLException {
        ProjectDatabase database = connect(directory, false);
        database.migrate(null);
        return database;
    }

    /** Opens the database in {@code directory}, refusing hostile content, and migrates it to the current schema. */
    static ProjectDatabase open(Path directory, Path shownFile) throws ProjectOpenException {
        ProjectDatabase database;
        try {
            database = connect(directory, true);
        } catch (SQLException e) {
            throw new ProjectOpenException(Problem.DAMAGED, shownFile,
                    Reason.of("open.detail.databaseNotOpened", firstLine(e)), e);
        }
        try {
            database.refuseExecutableObjects(shownFile);
            int version = database.appliedSchemaVersion();
            if (version > SchemaVersion.CURRENT) {
                throw new ProjectOpenException(Problem.NEWER_VERSION, shownFile,
                        Reason.of("open.detail.newerDatabase", version, SchemaVersion.CURRENT));
            }
            database.migrate(null);
            BulkIndexes.repair(database.anchor);
            return database;
        } catch (ProjectOpenException e) {
            database.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new ProjectOpenException(Problem.DAMAGED, shownFile,
                    Reason.of("open.detail.databaseDamaged", firstLine(e)), e);
        }
    }

    static Path databaseFile(Path directory) {
        return directory.resolve(FILE_BASE_NAME + FILE_SUFFIX);
    }

    private static ProjectDatabase connect(Path directory, boolean mustExist) throws SQLException {
        // Only fixed settings: nothing from the project file may reach the URL.
        String base = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_BASE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
        // Only the very first connection of a new project may create its database; every later one insists
        // that it exists, so that a connection made at the wrong moment fails instead of starting an empty one.
        Connection anchor = DriverManager.getConnection(mustExist ? base + ";IFEXISTS=TRUE" : base, "sa", "");
        return new ProjectDatabase(base + ";IFEXISTS=TRUE", anchor);
    }

    /** Migrates to {@code target} (all pending migrations when null); {@code target} exists for upgrade tests. */
    MigrateResult migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .loggers("slf4j");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load().migrate();
    }

    int appliedSchemaVersion() throws SQLException {
        try (Statement statement = anchor.createStatement();
             ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = anchor.createStatement();
             ResultSet rs = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                     + "WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1).split("\\.")[0]));
            }
            return max;
        }
    }

    private void refuseExecutableObjects(Path shownFile) throws SQLException, ProjectOpenException {
        List<String> found = new ArrayList<>();
        collect(found, "SELECT 'linked or external table ' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' "
                + "AND TABLE_CLASS NOT IN ('org.h2.mvstore.db.MVTable', 'org.h2.table.TableView')");
        collect(found, "SELECT 'trigger ' || TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS");
        collect(found, "SELECT 'function ' || ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES "
                + "WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'");
        if (!found.isEmpty()) {
            throw new ProjectOpenException(Problem.UNSAFE_CONTENT, shownFile,
                    Reason.of("open.detail.executable", String.join(", ", found)));
        }
    }

    private void collect(List<String> found, String sql) throws SQLException {
        try (Statement statement = anchor.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
    }

    /** Runs read-only work on a fresh connection; waits while the project is being saved. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        enter();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setReadOnly(true);
            return work.apply(connection);
        } finally {
            gate.readLock().unlock();
        }
    }

    private void enter() throws SQLException {
        gate.readLock().lock();
        if (closed) {
            gate.readLock().unlock();
            throw new ProjectClosedException();
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or on any exception none of it.
     * Listeners learn of every committed write (the project uses this to know it has unsaved changes).
     */
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        return transaction(work, true);
    }

    /**
     * As {@link #transaction(SqlWork)}; {@code changesData} false for bookkeeping that analyses never read (the
     * version stamp a save writes, a saved funnel definition), which then leaves {@link #dataVersion()} as it was.
     */
    public <T> T transaction(SqlWork<T> work, boolean changesData) throws SQLException {
        T result;
        enter();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            try {
                result = work.apply(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } finally {
            gate.readLock().unlock();
        }
        if (changesData) {
            dataVersion.incrementAndGet();
        }
        writeListeners.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs work that changes how the data is stored but not the data (dropping and building indexes): like a
     * transaction, but it does not count as an unsaved change.
     */
    public <T> T maintain(SqlWork<T> work) throws SQLException {
        enter();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return work.apply(connection);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * A number that grows with every committed {@link #transaction} (imports, undo, edits, saved segmentations):
     * data read when it had one value may be stale once it has another. Saving does not change it.
     */
    public long dataVersion() {
        return dataVersion.get();
    }

    /** What the project file stored, and a save will store, of data computed from this database. */
    public DerivedData derived() {
        return derived;
    }

    void onWrite(Runnable listener) {
        writeListeners.add(listener);
    }

    /**
     * Closes the database files so that they can be copied; {@link #resume()} opens them again. When most of
     * the file is space that old versions of pages left behind (a large import leaves a file ten times its
     * data), the database is compacted as it closes: the copy is then smaller and quicker to write than the
     * compaction takes (100,000 customers' order history just generated: a 14 MB project file instead of 196 MB,
     * saved in 2.1 s instead of 9.0 s).
     */
    void suspend() {
        gate.writeLock().lock();
        try (Statement statement = anchor.createStatement()) {
            statement.execute(liveShare() < compactBelowLiveShare ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException | RuntimeException ignored) {
            // Closed already, or H2 reported its fill rates in a form we do not read: closing the anchor below
            // shuts the database down either way, and resume() opens the gate again.
        }
        closeAnchor();
    }

    /** Below this percentage of live data in the file, saving compacts it first. */
    static final int COMPACT_BELOW_LIVE_SHARE = 50;
    private int compactBelowLiveShare = COMPACT_BELOW_LIVE_SHARE;

    /** Makes every save compact (101) or none (0), for tests of saving under load. */
    void compactBelowLiveShare(int percent) {
        compactBelowLiveShare = percent;
    }

    /**
     * The percentage of the database file that holds live data, once pending changes are written: H2's share
     * of the file taken by chunks times the share of live data within them.
     */
    int liveShare() throws SQLException {
        try (Statement statement = anchor.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        Map<String, Integer> rates = new HashMap<>();
        try (Statement statement = anchor.createStatement();
             ResultSet rs = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                rates.put(rs.getString(1), Integer.parseInt(rs.getString(2)));
            }
        }
        return rates.getOrDefault("info.FILL_RATE", 100) * rates.getOrDefault("info.CHUNKS_FILL_RATE", 100) / 100;
    }

    /** Opens the files again after {@link #suspend()} and lets queries in. */
    void resume() throws SQLException {
        try {
            anchor = DriverManager.getConnection(url, "sa", "");
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Closes the database and its files, after waiting for the queries that are running; the working copy is
     * complete on disk afterwards, and every later query fails with {@link ProjectClosedException}.
     */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            closed = true;
            try (Statement statement = anchor.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // Already closed, or closing after a failed open: nothing is left to flush.
            }
            closeAnchor();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private void closeAnchor() {
        try {
            anchor.close();
        } catch (SQLException ignored) {
            // The connection is unusable after SHUTDOWN either way.
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
