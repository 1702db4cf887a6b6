package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.project.BulkIndexes;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

/**
 * Imports one file into a project in a single transaction: a failed, cancelled or killed import leaves
 * the project exactly as it was. Rows are read one at a time (memory stays flat whatever the file size),
 * converted, checked against the rows the project already has by natural key, and written in batches.
 * Every import is recorded in the history with its counts and rejected rows, and can be undone.
 */
public final class Importer {

    /** Rejected rows kept in the report and the history; all are counted. */
    public static final int REJECTIONS_KEPT = ImportRun.REJECTIONS_KEPT;

    private final ProjectDatabase database;

    public Importer(ProjectDatabase database) {
        this.database = database;
    }

    public ImportReport run(ImportPlan plan, TaskContext context) throws IOException, ImportException, SQLException {
        return execute(plan, context, false);
    }

    /** Runs the import and rolls it back: the report says what an import would do, and nothing is written. */
    public ImportReport check(ImportPlan plan, TaskContext context) throws IOException, ImportException, SQLException {
        return execute(plan, context, true);
    }

    private ImportReport execute(ImportPlan plan, TaskContext context, boolean dryRun)
            throws IOException, ImportException, SQLException {
        List<Field> missing = plan.mapping().missing(plan.kind());
        if (!missing.isEmpty()) {
            throw new ImportException(Reason.of("import.problem.noColumn", plan.file().getFileName(),
                    String.join(", ", missing.stream().map(Field::key).toList())));
        }
        String hash = sha256(plan.file());
        boolean seenBefore = importedBefore(hash);
        ZoneId zone = ZoneId.of(metadata(ProjectMetadata.TIME_ZONE, "Asia/Shanghai"));
        Pseudonymiser pseudonymiser = Boolean.parseBoolean(metadata(ProjectMetadata.PSEUDONYMISE, "true"))
                ? Pseudonymiser.withKey(metadata(ProjectMetadata.PSEUDONYMISATION_KEY, null))
                : Pseudonymiser.identity();
        String table = plan.kind().table();
        boolean bulk = !dryRun && isBulk(plan.file(), table);
        PhaseClock clock = new PhaseClock();
        ImportReport report;
        try (TabularSource source = TabularSource.open(plan.file(), plan.source())) {
            if (bulk) {
                context.message(Reason.of("stage.preparing"));
                database.maintain(connection -> {
                    BulkIndexes.drop(connection, table);
                    return null;
                });
                clock.lap("drop_indexes");
            }
            ImportRun.Setup setup = new ImportRun.Setup(hash, seenBefore, zone, dayFirst(plan), pseudonymiser, dryRun);
            report = database.transaction(connection -> {
                ImportReport written = new ImportRun(connection, plan, setup).run(source, context);
                clock.lap("read_convert_write");
                if (dryRun || written.rejected() > 0 && plan.rejections() == ImportPlan.RejectionPolicy.ALL_OR_NOTHING) {
                    throw new RolledBack(written.uncommitted(dryRun));
                }
                return written;
            });
            clock.lap("commit");
        } catch (RolledBack rolledBack) {
            return rolledBack.report;
        } catch (SourceException e) {
            throw new ImportException(e.reason(), e);
        } finally {
            if (bulk) {
                context.message(Reason.of("stage.indexing"));
                upkeep("building the indexes of " + table, null, () -> database.maintain(connection -> {
                    BulkIndexes.build(connection, table);
                    return null;
                }));
                clock.lap("build_indexes");
            }
        }
        ImportReport committed = report;
        report = upkeep("linking orders to followers", committed, () -> withLinks(committed, context));
        clock.lap("link");
        return report.withPhases(clock.phases());
    }

    private interface Upkeep<T> {
        T run() throws SQLException;
    }

    /**
     * Runs work that follows the import's commit (or its failure): derived data only, so a failure here must not
     * report a committed import as failed, nor hide the error that failed it. Missing indexes are built when the
     * project next opens; orders left unlinked are linked by the next import of followers.
     */
    private static <T> T upkeep(String what, T fallback, Upkeep<T> work) {
        try {
            return work.run();
        } catch (SQLException | RuntimeException e) {
            System.err.println("Campaign Studio: " + what + " after an import failed (" + e.getMessage()
                    + "); the imported rows are kept.");
            return fallback;
        }
    }

    /**
     * Whether to load without the table's indexes and build them afterwards: when the file brings many rows and
     * at least half as many as the table holds (building an index costs about 4 s a million rows; keeping one
     * up to date while loading costs five times as much).
     */
    private boolean isBulk(Path file, String table) throws IOException, SQLException {
        long estimatedRows = estimatedRows(file);
        if (estimatedRows < BULK_ROWS) {
            return false;
        }
        long existing = database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return estimatedRows * 2 >= existing;
    }

    /** Whether the file writes {@code 1/2/2024} for the first of February: decided from its first 10,000 rows. */
    private static boolean dayFirst(ImportPlan plan) throws IOException, ImportException {
        List<Integer> dateColumns = plan.kind().fields().stream()
                .filter(f -> f.type() == ValueType.DATE || f.type() == ValueType.DATE_TIME)
                .map(f -> plan.mapping().columns().get(f.key())).filter(java.util.Objects::nonNull).toList();
        if (dateColumns.isEmpty()) {
            return false;
        }
        List<String> cells = new java.util.ArrayList<>();
        try (TabularSource source = TabularSource.open(plan.file(), plan.source())) {
            java.util.Iterator<SourceRow> rows = source.iterator();
            for (int i = 0; i < DATE_SAMPLE && rows.hasNext(); i++) {
                SourceRow row = rows.next();
                dateColumns.forEach(column -> cells.add(row.cell(column)));
            }
        } catch (SourceException e) {
            throw new ImportException(e.reason(), e);
        }
        return DateTimes.dayFirstIn(cells);
    }

    private static final int DATE_SAMPLE = 10_000;

    /**
     * About how many rows a file has: for text, its size times the lines in its first 64 KB per byte; a workbook
     * is compressed, about 35 bytes a row.
     */
    private static long estimatedRows(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return size / XLSX_BYTES_PER_ROW;
        }
        long lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        return head.length == 0 ? 0 : size * Math.max(1, lines) / head.length;
    }

    private static final long XLSX_BYTES_PER_ROW = 35;
    private static final long BULK_ROWS = 50_000;

    /**
     * After an import of followers (or of events, which add followers), links the orders that now have one: same
     * pseudonymised id, and the same platform where the order names one. Links are derived from the data, so
     * they are made in their own transaction once the indexes are back, whichever file came first.
     */
    private ImportReport withLinks(ImportReport report, TaskContext context) throws SQLException {
        if (report.kind() != EntityKind.FOLLOWERS && report.kind() != EntityKind.ENGAGEMENT) {
            return report;
        }
        context.message(Reason.of("stage.linking"));
        return report.withLinked(database.transaction(Importer::linkOrdersToFollowers));
    }

    /**
     * Links orders that have no follower yet to the followers this import brought (orders link to the followers
     * the project already has as they are written); returns how many were linked.
     */
    private static long linkOrdersToFollowers(Connection connection) throws SQLException {
        String match = "FROM follower f WHERE f.external_id = o.customer_ref "
                + "AND (o.platform_id IS NULL OR f.platform_id = o.platform_id)";
        try (PreparedStatement link = connection.prepareStatement("UPDATE customer_order o SET follower_id = "
                + "(SELECT MIN(f.id) " + match + ") WHERE o.follower_id IS NULL AND o.customer_ref IS NOT NULL "
                + "AND EXISTS (SELECT 1 " + match + ")")) {
            return link.executeUpdate();
        }
    }

    private boolean importedBefore(String hash) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT COUNT(*) FROM import_batch WHERE content_hash = ? AND undone_at IS NULL")) {
                find.setString(1, hash);
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    private String metadata(String key, String fallback) throws SQLException {
        return new ProjectMetadata(database).get(key).orElse(fallback);
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Carries the report of an all-or-nothing import out of its rolled-back transaction. */
    private static final class RolledBack extends RuntimeException {
        private final transient ImportReport report;

        RolledBack(ImportReport report) {
            super("rolled back", null, false, false);
            this.report = report;
        }
    }
}
