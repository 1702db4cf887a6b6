package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One import inside its transaction: every row read and converted (on the reading thread, {@link RowFeed}), its
 * references looked up, checked against the rows the project has by natural key, and written; the import recorded
 * in the history with its counts and rejected rows.
 */
final class ImportRun {

    /** Rejected rows kept in the report and the history; all are counted. */
    static final int REJECTIONS_KEPT = 10_000;
    private static final int PROGRESS_EVERY = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ORDER_COLUMNS = List.of("order_ref", "customer_ref", "amount", "currency",
            "paid_at", "product_id", "platform_id", "campaign_id", "status", "follower_id", "refund_of");

    /** What the run needs besides the plan. */
    record Setup(String hash, boolean seenBefore, ZoneId zone, boolean dayFirst, Pseudonymiser pseudonymiser,
                 boolean dryRun) {
    }

    private final Connection connection;
    private final ImportPlan plan;
    private final Setup setup;
    private final List<RowRejection> rejections = new ArrayList<>();
    private final RowNumbers rowsAdded = new RowNumbers();
    private final Map<Long, Long> rowOfExistingTouched = new HashMap<>();
    private long read;
    private long accepted;
    private long updated;
    private long skipped;
    private long rejected;

    ImportRun(Connection connection, ImportPlan plan, Setup setup) {
        this.connection = connection;
        this.plan = plan;
        this.setup = setup;
    }

    /** Imports every row of {@code source}; the caller's transaction commits or rolls back. */
    ImportReport run(TabularSource source, TaskContext context) throws SQLException {
        LocalDateTime started = LocalDateTime.now(setup.zone());
        long importId = startRecord(started);
        EntityKind kind = plan.kind();
        References references = new References(connection, importId, plan.platforms());
        RowConverter converter = new RowConverter(connection, kind, plan.mapping(), source.headers(),
                new DateTimes(setup.zone()).withDayFirst(setup.dayFirst()), setup.pseudonymiser());
        OrderRows orders = kind == EntityKind.ORDERS ? new OrderRows(connection, plan.mapping(), importId, setup.dryRun())
                : null;
        EngagementLinks links = kind == EntityKind.ENGAGEMENT ? new EngagementLinks(connection, importId) : null;
        ReachSnapshotLinks snapshots = kind == EntityKind.REACH_SNAPSHOTS ? new ReachSnapshotLinks(connection,
                references, header("post", source.headers()), header("taken_at", source.headers())) : null;
        FollowerTotals totals = kind == EntityKind.FOLLOWERS && !setup.dryRun()
                && EntityKind.TOTALS.keySet().stream().anyMatch(plan.mapping()::maps)
                ? new FollowerTotals(connection, importId, started) : null;
        long startedNanos = System.nanoTime();
        try (TableWriter writer = new TableWriter(connection, kind, writtenColumns(), importId, setup.dryRun());
             RowFeed feed = new RowFeed(source, converter)) {
            for (List<RowFeed.Converted> batch = feed.next(); !batch.isEmpty(); batch = feed.next()) {
                for (RowFeed.Converted row : batch) {
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        report(context, source, startedNanos);
                    }
                    if (row.rejection() != null) {
                        reject(row.rejection().at(row.row()));
                        continue;
                    }
                    try {
                        write(row.row(), row.values(), writer, references, orders, links, snapshots, totals);
                    } catch (RejectedRowException e) {
                        reject(e.at(row.row()));
                    }
                }
            }
            if (orders != null) {
                orders.finish(connection, writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("the import was interrupted", e);
        } finally {
            if (orders != null) {
                orders.close();
            }
            if (links != null) {
                links.close();
            }
            if (totals != null) {
                totals.close();
            }
        }
        ImportReport report = new ImportReport(importId, plan.file().getFileName().toString(), kind, read, accepted,
                updated, skipped, rejected, orders == null ? 0 : orders.linked(), setup.seenBefore(),
                List.copyOf(rejections), true, List.of(), references.added(),
                orders == null ? OrderNotes.NONE : orders.notes());
        if (!setup.dryRun() && !(rejected > 0 && plan.rejections() == ImportPlan.RejectionPolicy.ALL_OR_NOTHING)) {
            finishRecord(report, LocalDateTime.now(setup.zone()));
        }
        context.progress(1, 1);
        return report;
    }

    private void write(long rowNumber, Map<String, Object> values, TableWriter writer, References references,
                       OrderRows orders, EngagementLinks links, ReachSnapshotLinks snapshots, FollowerTotals totals)
            throws SQLException, RejectedRowException {
        OrderRows.Line line = orders == null ? null : orders.shape(values);
        if (snapshots != null) {
            snapshots.resolve(values);
        }
        references.resolve(values);
        if (links != null) {
            links.resolve(values);
        }
        if (orders != null && values.get("currency") == null) {
            values.put("currency", "CNY");
        }
        Map<String, Object> rowTotals = totals == null ? Map.of() : FollowerTotals.take(values);
        Long existing = writer.existingId(values);
        boolean addedHere = existing != null && existing >= writer.firstNewId();
        if (line != null && existing != null) {
            // Another line of an order: of this file's (stored with it), or of one imported before (its lines are
            // kept as they were; its first row here updates the order).
            if (addedHere) {
                orders.addLine(existing, rowNumber, line, values, writer);
            } else if (rowOfExistingTouched.putIfAbsent(existing, rowNumber) != null) {
                skipped++;
            } else {
                update(existing, orders.forExistingOrder(values), writer, orders, totals, rowTotals);
            }
            return;
        }
        Long earlierRow = existing == null ? null : addedHere
                ? Long.valueOf(rowsAdded.get(existing - writer.firstNewId()))
                : rowOfExistingTouched.putIfAbsent(existing, rowNumber);
        if (earlierRow != null) {
            if (orders != null && OrderRows.isUndoing(values)) {
                writer.update(existing, orders.statusChange(values));
                updated++;
                return;
            }
            throw new RejectedRowException("", "", Reason.of("reject.duplicate",
                    String.join(" + ", plan.kind().naturalKey()), earlierRow));
        }
        if (existing == null) {
            if (orders != null) {
                orders.link(values);
            }
            long id = writer.insert(values);
            rowsAdded.add(rowNumber);
            accepted++;
            if (line != null) {
                orders.addLine(id, rowNumber, line, values.get("product_id"));
            }
            if (totals != null) {
                totals.add(id, rowTotals);
            }
        } else {
            update(existing, values, writer, orders, totals, rowTotals);
        }
    }

    private void update(long existing, Map<String, Object> values, TableWriter writer, OrderRows orders,
                        FollowerTotals totals, Map<String, Object> rowTotals) throws SQLException {
        if (plan.duplicates() == ImportPlan.Duplicates.SKIP) {
            skipped++;
            return;
        }
        if (orders != null) {
            orders.link(values);
        }
        writer.update(existing, values);
        updated++;
        if (totals != null) {
            totals.add(existing, rowTotals);
        }
    }

    private void reject(RowRejection rejection) {
        rejected++;
        if (rejections.size() < REJECTIONS_KEPT) {
            rejections.add(rejection);
        }
    }

    private void report(TaskContext context, TabularSource source, long startedNanos) {
        context.checkCancelled();
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        context.message(Reason.of("stage.importing", plan.file().getFileName(), String.format(Locale.ROOT, "%,d", read),
                String.format(Locale.ROOT, "%,d", Math.round(read / seconds))));
        if (source.totalBytes() > 0) {
            context.progress(source.bytesRead(), source.totalBytes());
        } else {
            context.progress(-1, 1);
        }
    }

    /** The table columns this import writes, in a fixed order. */
    private List<String> writtenColumns() {
        if (plan.kind() == EntityKind.ORDERS) {
            return ORDER_COLUMNS;
        }
        List<String> columns = new ArrayList<>();
        for (Field field : plan.kind().fields()) {
            if (plan.mapping().maps(field.key())) {
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
        if (plan.kind() == EntityKind.REACH_SNAPSHOTS) {
            columns.removeAll(List.of("platform_id", "post"));
            columns.addFirst("post_id");
        }
        if (plan.kind() == EntityKind.FOLLOWERS) {
            columns.removeAll(EntityKind.TOTALS.keySet());
            columns.remove("last_active_at");
        }
        return columns;
    }

    /** The file's header of the column mapped to {@code field}, for rejections; the field's name when a constant. */
    private String header(String field, List<String> headers) {
        Integer column = plan.mapping().columns().get(field);
        return column != null && column < headers.size() ? headers.get(column) : field;
    }

    private long startRecord(LocalDateTime started) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch (file_name, "
                + "content_hash, entity, mapping, rows_read, rows_accepted, rows_rejected, started_at) "
                + "VALUES (?, ?, ?, ?, 0, 0, 0, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, plan.file().getFileName().toString());
            insert.setString(2, setup.hash());
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

    private void finishRecord(ImportReport report, LocalDateTime finished) throws SQLException {
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

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
