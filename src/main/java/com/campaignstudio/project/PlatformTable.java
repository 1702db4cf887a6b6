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

    /** One of the project's platforms, with its names in English and Chinese. */
    public record Platform(String code, String nameEn, String nameZh, boolean builtIn) {
    }

    /** The project's platforms, the shipped ones first, then in the order they were added. */
    public static java.util.List<Platform> list(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            java.util.List<Platform> platforms = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT code, name_en, name_zh, built_in FROM platform ORDER BY id")) {
                while (rs.next()) {
                    platforms.add(new Platform(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            return platforms;
        });
    }

    /** Gives platform {@code code} new names (the user's own words for a platform a file named). */
    public static void rename(ProjectDatabase database, String code, String nameEn, String nameZh) throws SQLException {
        database.transaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE platform SET name_en = ?, name_zh = ? WHERE code = ?")) {
                update.setString(1, nameEn);
                update.setString(2, nameZh);
                update.setString(3, code);
                return update.executeUpdate();
            }
        });
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
