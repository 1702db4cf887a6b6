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

    /**
     * Gives platform {@code code} new names (the user's own words for a platform a file named). The old names stay
     * as aliases, so the next export that writes them still lands on this platform.
     */
    public static void rename(ProjectDatabase database, String code, String nameEn, String nameZh) throws SQLException {
        database.transaction(connection -> {
            try (var old = connection.prepareStatement("SELECT id, name_en, name_zh FROM platform WHERE code = ?")) {
                old.setString(1, code);
                try (ResultSet rs = old.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    for (String name : new java.util.LinkedHashSet<>(java.util.List.of(rs.getString(2), rs.getString(3)))) {
                        keepAsAlias(connection, rs.getInt(1), name);
                    }
                }
            }
            try (var update = connection.prepareStatement("UPDATE platform SET name_en = ?, name_zh = ? WHERE code = ?")) {
                update.setString(1, nameEn);
                update.setString(2, nameZh);
                update.setString(3, code);
                return update.executeUpdate();
            }
        });
    }

    private static void keepAsAlias(Connection connection, int platformId, String name) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO platform_alias (alias, platform_id) "
                + "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM platform_alias WHERE alias = ?)")) {
            insert.setString(1, name);
            insert.setInt(2, platformId);
            insert.setString(3, name);
            insert.executeUpdate();
        }
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
