package com.campaignstudio.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up (and for products and campaigns, creates) the rows that imported rows point to, within the
 * import's transaction, caching by name.
 */
final class References {

    private static final Map<String, String> PLATFORM_ALIASES = Map.ofEntries(
            Map.entry("微博", "weibo"), Map.entry("新浪微博", "weibo"),
            Map.entry("微信", "wechat"), Map.entry("公众号", "wechat"), Map.entry("微信公众号", "wechat"),
            Map.entry("视频号", "wechat"), Map.entry("wx", "wechat"), Map.entry("weixin", "wechat"),
            Map.entry("抖音", "douyin"), Map.entry("快手", "kuaishou"),
            Map.entry("小红书", "xiaohongshu"), Map.entry("xhs", "xiaohongshu"), Map.entry("red", "xiaohongshu"),
            Map.entry("知乎", "zhihu"), Map.entry("哔哩哔哩", "bilibili"), Map.entry("b站", "bilibili"),
            Map.entry("直播", "live"));

    private final Connection connection;
    private final long importId;
    private final Map<String, Integer> platforms = new HashMap<>();
    private final Map<String, Long> products = new HashMap<>();
    private final Map<String, Long> campaigns = new HashMap<>();

    References(Connection connection, long importId) throws SQLException {
        this.connection = connection;
        this.importId = importId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code, name_en, name_zh FROM platform")) {
            while (rs.next()) {
                for (int column = 2; column <= 4; column++) {
                    platforms.put(rs.getString(column).toLowerCase(Locale.ROOT), rs.getInt(1));
                }
            }
        }
        PLATFORM_ALIASES.forEach((alias, code) -> {
            if (platforms.containsKey(code)) {
                platforms.putIfAbsent(alias, platforms.get(code));
            }
        });
    }

    Optional<Integer> platform(String name) {
        return Optional.ofNullable(platforms.get(Text.normalize(name).toLowerCase(Locale.ROOT)));
    }

    String knownPlatforms() {
        return "weibo, wechat, douyin, kuaishou, xiaohongshu, zhihu, bilibili, live (or their Chinese names)";
    }

    long product(String name) throws SQLException {
        String key = Text.normalize(name);
        Long id = products.get(key);
        if (id == null) {
            id = findOrCreate("product", key, "INSERT INTO product (name, kind, import_id) VALUES (?, 'other', ?)");
            products.put(key, id);
        }
        return id;
    }

    long campaign(String name) throws SQLException {
        String key = Text.normalize(name);
        Long id = campaigns.get(key);
        if (id == null) {
            id = findOrCreate("campaign", key, "INSERT INTO campaign (name) VALUES (?)");
            campaigns.put(key, id);
        }
        return id;
    }

    private long findOrCreate(String table, String name, String insert) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM " + table + " WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement create = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            create.setString(1, name);
            if (insert.contains("import_id")) {
                create.setLong(2, importId);
            }
            create.executeUpdate();
            try (ResultSet keys = create.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
