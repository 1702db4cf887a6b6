package com.campaignstudio.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A prepared INSERT that sends its rows in batches. Rows that reference rows of another batch must be sent
 * after them: such callers turn automatic sending off and call {@link #flush()} in dependency order.
 */
final class BatchInsert implements AutoCloseable {

    private static final int BATCH_SIZE = 5_000;

    private final PreparedStatement statement;
    private final boolean autoFlush;
    private int pending;
    private long rows;

    BatchInsert(Connection connection, String sql) throws SQLException {
        this(connection, sql, true);
    }

    BatchInsert(Connection connection, String sql, boolean autoFlush) throws SQLException {
        this.statement = connection.prepareStatement(sql);
        this.autoFlush = autoFlush;
    }

    /** Sets the parameters of one row (null, Number, String, LocalDate, LocalDateTime, Boolean) and queues it. */
    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            switch (value) {
                case null -> statement.setObject(i + 1, null);
                case LocalDateTime time -> statement.setTimestamp(i + 1, Timestamp.valueOf(time));
                case LocalDate date -> statement.setDate(i + 1, java.sql.Date.valueOf(date));
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case Double d -> statement.setDouble(i + 1, d);
                default -> statement.setObject(i + 1, value);
            }
        }
        statement.addBatch();
        rows++;
        if (++pending == BATCH_SIZE && autoFlush) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
