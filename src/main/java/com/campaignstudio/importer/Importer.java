package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.project.BulkIndexes;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.TaskContext;
import tools.jackson.databind.json.JsonMapper;

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
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports one file into a project in a single transaction: a failed, cancelled or killed import leaves
 * the project exactly as it was. Rows are read one at a time (memory stays flat whatever the file size),
 * converted, checked against the rows the project already has by natural key, and written in batches.
 * Every import is recorded in the history with its counts and rejected rows, and can be undone.
 */
public final class Importer {

    /** Rejected rows kept in the report and the history; all are counted. */
    public static final int REJECTIONS_KEPT = 10_000;
    private static final int PROGRESS_EVERY = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            throw new ImportException(plan.file().getFileName() + ": no column for "
                    + String.join(", ", missing.stream().map(Field::key).toList()));
        }
        String hash = sha256(plan.file());
        boolean seenBefore = importedBefore(hash);
        ZoneId zone = ZoneId.of(metadata(ProjectMetadata.TIME_ZONE, "Asia/Shanghai"));
        Pseudonymiser pseudonymiser = Boolean.parseBoolean(metadata(ProjectMetadata.PSEUDONYMISE, "true"))
                ? Pseudonymiser.withKey(metadata(ProjectMetadata.PSEUDONYMISATION_KEY, null))
                : Pseudonymiser.identity();
        String table = plan.kind().table();
        boolean bulk = !dryRun && isBulk(plan.file(), table);
        ImportReport report;
        try (TabularSource source = TabularSource.open(plan.file(), plan.source())) {
            if (bulk) {
                context.message(Reason.of("stage.preparing"));
                database.maintain(connection -> {
                    BulkIndexes.drop(connection, table);
                    return null;
                });
            }
            report = database.transaction(connection ->
                    write(connection, plan, source, hash, seenBefore, zone, pseudonymiser, context, dryRun));
        } catch (RolledBack rolledBack) {
            return rolledBack.report;
        } catch (SourceException e) {
            throw new ImportException(e.getMessage(), e);
        } finally {
            if (bulk) {
                context.message(Reason.of("stage.indexing"));
                database.maintain(connection -> {
                    BulkIndexes.build(connection, table);
                    return null;
                });
            }
        }
        return withLinks(report, context);
    }

    /**
     * Whether to load without the table's indexes and build them afterwards: when the file brings many rows, or
     * more than half as many as the table holds (building an index costs about 4 s a million rows; keeping one
     * up to date while loading costs five times as much).
     */
    private boolean isBulk(Path file, String table) throws IOException, SQLException {
        long estimatedRows = Files.size(file) / BYTES_PER_ROW;
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

    /** A CSV export's rows are about this long; a workbook's a little shorter. */
    private static final long BYTES_PER_ROW = 100;
    private static final long BULK_ROWS = 50_000;

    /**
     * Links orders to followers (same pseudonymised id, and the same platform where the order names one) after
     * any import that adds orders or followers, whichever came first: links are derived from the data, so they are
     * made in their own transaction once the indexes are back.
     */
    private ImportReport withLinks(ImportReport report, TaskContext context) throws SQLException {
        if (!report.committed() || !(report.kind() == EntityKind.ORDERS || report.kind() == EntityKind.FOLLOWERS
                || report.kind() == EntityKind.ENGAGEMENT)) {
            return report;
        }
        context.message(Reason.of("stage.linking"));
        long linked = database.transaction(connection -> linkOrdersToFollowers(connection, report.kind(),
                report.importId()));
        return new ImportReport(report.importId(), report.file(), report.kind(), report.rowsRead(), report.accepted(),
                report.updated(), report.skipped(), report.rejected(), linked, report.sameFileImportedBefore(),
                report.rejections(), true);
    }

    private ImportReport write(Connection connection, ImportPlan plan, TabularSource source, String hash,
                               boolean seenBefore, ZoneId zone, Pseudonymiser pseudonymiser, TaskContext context,
                               boolean dryRun) throws SQLException {
        LocalDateTime started = LocalDateTime.now(zone);
        long importId = startRecord(connection, plan, hash, started);
        References references = new References(connection, importId);
        RowConverter converter = new RowConverter(connection, plan.kind(), plan.mapping(), source.headers(), zone,
                pseudonymiser, references);
        EngagementLinks links = plan.kind() == EntityKind.ENGAGEMENT ? new EngagementLinks(connection, importId) : null;
        FollowerTotals totals = plan.kind() == EntityKind.FOLLOWERS && !dryRun
                ? new FollowerTotals(connection, importId, started) : null;
        List<RowRejection> rejections = new ArrayList<>();
        RowNumbers rowsAdded = new RowNumbers();
        Map<Long, Long> rowOfExistingTouched = new java.util.HashMap<>();
        long read = 0;
        long accepted = 0;
        long updated = 0;
        long skipped = 0;
        long rejected = 0;
        long startedNanos = System.nanoTime();
        try (TableWriter writer = new TableWriter(connection, plan.kind(), writtenColumns(plan), importId, dryRun)) {
            for (SourceRow row : source) {
                read++;
                if (read % PROGRESS_EVERY == 0) {
                    context.checkCancelled();
                    double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
                    context.message(Reason.of("stage.importing", plan.file().getFileName(),
                            String.format(java.util.Locale.ROOT, "%,d", read),
                            String.format(java.util.Locale.ROOT, "%,d", Math.round(read / seconds))));
                    if (source.totalBytes() > 0) {
                        context.progress(source.bytesRead(), source.totalBytes());
                    } else {
                        context.progress(-1, 1);
                    }
                }
                Map<String, Object> values;
                try {
                    values = converter.convert(row);
                } catch (RejectedRowException e) {
                    rejected++;
                    keep(rejections, e.at(row.number()));
                    continue;
                }
                if (links != null) {
                    links.resolve(values);
                }
                if (plan.kind() == EntityKind.ORDERS && values.get("currency") == null) {
                    values.put("currency", "CNY");
                }
                Map<String, Object> rowTotals = totals == null ? Map.of() : FollowerTotals.take(values);
                Long existing = writer.existingId(values);
                Long earlierRow = existing == null ? null : existing >= writer.firstNewId()
                        ? Long.valueOf(rowsAdded.get(existing - writer.firstNewId()))
                        : rowOfExistingTouched.putIfAbsent(existing, row.number());
                if (earlierRow != null) {
                    rejected++;
                    keep(rejections, new RowRejection(row.number(), "", "", Reason.of("reject.duplicate",
                            String.join(" + ", plan.kind().naturalKey()), earlierRow)));
                    continue;
                }
                if (existing == null) {
                    long id = writer.insert(values);
                    rowsAdded.add(row.number());
                    accepted++;
                    if (totals != null) {
                        writer.flush();
                        totals.add(id, rowTotals);
                    }
                } else if (plan.duplicates() == ImportPlan.Duplicates.UPDATE) {
                    writer.update(existing, values);
                    updated++;
                    if (totals != null) {
                        totals.add(existing, rowTotals);
                    }
                } else {
                    skipped++;
                }
            }
        } finally {
            if (links != null) {
                links.close();
            }
            if (totals != null) {
                totals.close();
            }
        }
        ImportReport report = new ImportReport(importId, plan.file().getFileName().toString(), plan.kind(), read,
                accepted, updated, skipped, rejected, 0, seenBefore, List.copyOf(rejections), true);
        if (dryRun) {
            throw new RolledBack(new ImportReport(0, report.file(), report.kind(), read, accepted, updated, skipped,
                    rejected, 0, seenBefore, report.rejections(), false));
        }
        if (rejected > 0 && plan.rejections() == ImportPlan.RejectionPolicy.ALL_OR_NOTHING) {
            throw new RolledBack(new ImportReport(0, report.file(), report.kind(), read, 0, 0, 0, rejected, 0,
                    seenBefore, report.rejections(), false));
        }
        finishRecord(connection, report, rejections, LocalDateTime.now(zone));
        context.progress(1, 1);
        return report;
    }

    /** The table columns this import writes, in a fixed order. */
    private static List<String> writtenColumns(ImportPlan plan) {
        List<String> columns = new ArrayList<>();
        for (Field field : plan.kind().fields()) {
            if (plan.mapping().columns().containsKey(field.key()) || plan.mapping().constants().containsKey(field.key())) {
                columns.add(field.column());
            }
        }
        if (plan.kind() == EntityKind.ENGAGEMENT) {
            columns.removeAll(List.of("platform_id", "follower", "post"));
            columns.add("follower_id");
            if (plan.mapping().columns().containsKey("post")) {
                columns.add("post_id");
            }
        }
        if (plan.kind() == EntityKind.ORDERS) {
            columns.add("currency");
        }
        if (plan.kind() == EntityKind.FOLLOWERS) {
            columns.removeAll(EntityKind.TOTALS.keySet());
            columns.remove("last_active_at");
        }
        return columns;
    }

    private static void keep(List<RowRejection> rejections, RowRejection rejection) {
        if (rejections.size() < REJECTIONS_KEPT) {
            rejections.add(rejection);
        }
    }

    private static long linkOrdersToFollowers(Connection connection, EntityKind kind, long importId)
            throws SQLException {
        if (kind != EntityKind.ORDERS && kind != EntityKind.FOLLOWERS && kind != EntityKind.ENGAGEMENT) {
            return 0;
        }
        String match = "FROM follower f WHERE f.external_id = o.customer_ref "
                + "AND (o.platform_id IS NULL OR f.platform_id = o.platform_id)";
        try (PreparedStatement link = connection.prepareStatement("UPDATE customer_order o SET follower_id = "
                + "(SELECT MIN(f.id) " + match + ") WHERE o.follower_id IS NULL AND EXISTS (SELECT 1 " + match + ")")) {
            link.executeUpdate();
        }
        if (kind != EntityKind.ORDERS) {
            return 0;
        }
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM customer_order WHERE import_id = ? AND follower_id IS NOT NULL")) {
            count.setLong(1, importId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long startRecord(Connection connection, ImportPlan plan, String hash, LocalDateTime started)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch (file_name, "
                + "content_hash, entity, mapping, rows_read, rows_accepted, rows_rejected, started_at) "
                + "VALUES (?, ?, ?, ?, 0, 0, 0, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, plan.file().getFileName().toString());
            insert.setString(2, hash);
            insert.setString(3, plan.kind().cliName());
            insert.setString(4, JSON.writeValueAsString(plan.mapping()));
            insert.setTimestamp(5, Timestamp.valueOf(started));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void finishRecord(Connection connection, ImportReport report, List<RowRejection> rejections,
                                     LocalDateTime finished) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE import_batch SET rows_read = ?, "
                + "rows_accepted = ?, rows_updated = ?, rows_skipped = ?, rows_rejected = ?, finished_at = ? "
                + "WHERE id = ?")) {
            update.setLong(1, report.rowsRead());
            update.setLong(2, report.accepted());
            update.setLong(3, report.updated());
            update.setLong(4, report.skipped());
            update.setLong(5, report.rejected());
            update.setTimestamp(6, Timestamp.valueOf(finished));
            update.setLong(7, report.importId());
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_rejection "
                + "(import_id, row_number, column_name, raw_value, reason, reason_key, reason_arguments) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RowRejection rejection : rejections) {
                insert.setLong(1, report.importId());
                insert.setLong(2, rejection.row());
                insert.setString(3, truncate(rejection.column(), 200));
                insert.setString(4, truncate(rejection.value(), 1000));
                insert.setString(5, truncate(rejection.reason().english(), 1000));
                insert.setString(6, rejection.reason().key());
                insert.setString(7, JSON.writeValueAsString(rejection.reason().arguments()));
                insert.addBatch();
            }
            insert.executeBatch();
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

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
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
