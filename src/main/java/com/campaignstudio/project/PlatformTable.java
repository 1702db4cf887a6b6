package com.campaignstudio.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The project's platforms as the analyses need them. */
public final class PlatformTable {

    private PlatformTable() {
    }

    /** Each platform's code by its id, for turning the platform ids of rows into codes. */
    public static Map<Integer, String> codesById(Connection connection) throws SQLException {
        Map<Integer, String> codes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code FROM platform")) {
            while (rs.next()) {
                codes.put(rs.getInt(1), rs.getString(2));
            }
        }
        return codes;
    }
}
