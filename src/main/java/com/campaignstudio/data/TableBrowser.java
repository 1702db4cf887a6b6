package com.campaignstudio.data;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.work.TaskContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one table for a virtualised grid: first the row keys in the wanted order (one pass, in the
 * background), then any page of rows by key (a few milliseconds, fine on the UI thread). This keeps
 * scrolling fast on a million rows, which OFFSET paging over a sorted query would not.
 */
public final class TableBrowser {

    private final ProjectDatabase database;
    private final String table;
    private final List<ShownColumns.Column> columns;

    public TableBrowser(ProjectDatabase database, String table) throws SQLException {
        TableCatalog.requireBrowsable(table);
        this.database = database;
        this.table = table;
        this.columns = ShownColumns.of(table, database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                return names;
            }
        }));
    }

    public String table() {
        return table;
    }

    /**
     * The columns shown, by name: the table's own columns without its internals, with references named after
     * what they point at ({@code platform} for {@code platform_id} ...). Each row has one value per column.
     */
    public List<String> columns() {
        return columns.stream().map(ShownColumns.Column::name).toList();
    }

    /**
     * Row keys ordered by {@code sortColumn} (by key when null), ties broken by key. Column sorts happen in
     * memory here: H2 spills large sorts to disk and took 18 s for a million rows, this takes about one.
     */
    public long[] orderedKeys(String sortColumn, boolean ascending, TaskContext context) throws SQLException {
        String sortBy = sortColumn == null ? null : columns.stream().filter(c -> c.name().equals(sortColumn))
                .findFirst().map(ShownColumns.Column::sort)
                .orElseThrow(() -> new IllegalArgumentException("no column " + sortColumn + " in " + table));
        return database.read(connection -> {
            int total = Math.toIntExact(TableCatalog.count(connection, table));
            long[] keys = new long[total];
            Object[] values = sortBy == null ? null : new Object[total];
            int n = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                String select = "SELECT t.id" + (sortBy == null ? "" : ", " + sortBy) + " FROM " + table + " t"
                        + (sortBy == null ? " ORDER BY t.id" + (ascending ? "" : " DESC") : "");
                try (ResultSet rs = statement.executeQuery(select)) {
                    while (rs.next() && n < total) {
                        keys[n] = rs.getLong(1);
                        if (values != null) {
                            values[n] = rs.getObject(2);
                        }
                        if (++n % 100_000 == 0) {
                            context.checkCancelled();
                            context.progress(n, total);
                        }
                    }
                }
            }
            long[] read = n == total ? keys : Arrays.copyOf(keys, n);
            return values == null ? read : sortedKeys(read, values, ascending);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static long[] sortedKeys(long[] keys, Object[] values, boolean ascending) {
        Comparator<Comparable> byValue = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<Integer> order = Comparator.comparing((Integer i) -> (Comparable) values[i],
                ascending ? Comparator.nullsFirst(byValue) : Comparator.nullsLast(byValue))
                .thenComparingLong(i -> keys[i]);
        Integer[] positions = new Integer[keys.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        Arrays.sort(positions, order);
        long[] sorted = new long[keys.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = keys[positions[i]];
        }
        return sorted;
    }

    /** The rows with the given keys, in the order of {@code keys}; each row has one value per shown column. */
    public List<Object[]> rows(long[] keys) throws SQLException {
        if (keys.length == 0) {
            return List.of();
        }
        return database.read(connection -> fetch(connection, keys));
    }

    private List<Object[]> fetch(Connection connection, long[] keys) throws SQLException {
        Map<Long, Object[]> byKey = new HashMap<>();
        String select = "SELECT t.id, " + String.join(", ", columns.stream().map(ShownColumns.Column::select).toList())
                + " FROM " + table + " t WHERE t.id = ANY(?)";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setArray(1, connection.createArrayOf("BIGINT", Arrays.stream(keys).boxed().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                int width = columns.size();
                while (rs.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getObject(i + 2);
                    }
                    byKey.put(rs.getLong(1), row);
                }
            }
        }
        List<Object[]> ordered = new ArrayList<>(keys.length);
        for (long key : keys) {
            ordered.add(byKey.get(key));
        }
        return ordered;
    }
}
