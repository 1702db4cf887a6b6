package com.campaignstudio.project;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
