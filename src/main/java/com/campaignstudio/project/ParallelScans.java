package com.campaignstudio.project;

import com.campaignstudio.work.CancelledException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the readers that scan whole tables on several connections at once share (the activity snapshot, the
 * audience portrait): cutting the engagement table into id ranges, streaming rows, and waiting for a part.
 */
public final class ParallelScans {

    private ParallelScans() {
    }

    /** The part's result; its SQL or runtime failure as it was thrown, an interruption as a cancellation. */
    public static <T> T await(Future<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Rows streamed as they are read, not gathered in memory first. */
    public static void lazy(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
    }

    /** The smallest and largest engagement id and the number of rows H2 estimates. */
    public static long[] engagementExtent(Connection connection) throws SQLException {
        long[] extent = new long[3];
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MIN(id), MAX(id) FROM engagement")) {
            rs.next();
            extent[0] = rs.getLong(1);
            extent[1] = rs.getLong(2);
        }
        extent[2] = rowEstimate(connection, "ENGAGEMENT");
        return extent;
    }

    /** The number of rows of {@code table} (upper case) that H2 estimates, without counting them. */
    public static long rowEstimate(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'")) {
            return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        }
    }
}
