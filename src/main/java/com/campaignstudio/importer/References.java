package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up (and creates) the rows that imported rows point to, within the import's transaction, caching by name:
 * platforms (the project's own, with their aliases; then the shipped list; then, as the plan says, a new platform
 * or a rejection), products and campaigns.
 */
final class References {

    private final Connection connection;
    private final long importId;
    private final PlatformChoices choices;
    private final Map<String, Integer> platforms = new HashMap<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<String, NewPlatform> added = new LinkedHashMap<>();
    private final List<String> englishNames = new ArrayList<>();
    private final List<String> chineseNames = new ArrayList<>();
    private final Map<String, Long> products = new HashMap<>();
    private final Map<String, Long> campaigns = new HashMap<>();

    References(Connection connection, long importId, PlatformChoices choices) throws SQLException {
        this.connection = connection;
        this.importId = importId;
        this.choices = choices;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, code, name_en, name_zh FROM platform ORDER BY id")) {
            while (rs.next()) {
                remember(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT alias, platform_id FROM platform_alias")) {
            while (rs.next()) {
                platforms.putIfAbsent(PlatformCatalog.key(rs.getString(1)), rs.getInt(2));
            }
        }
    }

    /** The platform's id, adding the platform (or an alias the user chose) when needed; empty means reject. */
    Optional<Integer> platform(String name) throws SQLException {
        String key = PlatformCatalog.key(name);
        Integer id = platforms.get(key);
        if (id != null) {
            count(key);
            return Optional.of(id);
        }
        String aliasOf = choices.aliases().entrySet().stream()
                .filter(e -> PlatformCatalog.key(e.getKey()).equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
        if (aliasOf != null && codes.containsKey(aliasOf)) {
            id = codes.get(aliasOf);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO platform_alias (alias, platform_id) VALUES (?, ?)")) {
                insert.setString(1, Text.normalize(name));
                insert.setInt(2, id);
                insert.executeUpdate();
            }
            platforms.put(key, id);
            return Optional.of(id);
        }
        Optional<PlatformCatalog.Known> known = PlatformCatalog.shipped().find(name);
        if (known.isPresent()) {
            PlatformCatalog.Known platform = known.get();
            if (codes.containsKey(platform.code())) {
                id = codes.get(platform.code());
            } else {
                id = create(platform.code(), platform.en(), platform.zh(), true);
                added.put(key, new NewPlatform(Text.normalize(name), platform.code(), platform.en(), platform.zh(), true, 0));
            }
        } else if (choices.addUnknown()) {
            String written = Text.normalize(name);
            String code = newCode(written);
            id = create(code, written, written, false);
            added.put(key, new NewPlatform(written, code, written, written, false, 0));
        } else {
            return Optional.empty();
        }
        platforms.put(key, id);
        count(key);
        return Optional.of(id);
    }

    /**
     * The id of a platform the project already has (by name, alias, or an alias the user chose for this import),
     * without adding one: for rows that point at something a platform must already hold.
     */
    Optional<Integer> existingPlatform(String name) {
        String key = PlatformCatalog.key(name);
        Integer id = platforms.get(key);
        if (id == null) {
            id = choices.aliases().entrySet().stream().filter(e -> PlatformCatalog.key(e.getKey()).equals(key))
                    .map(e -> codes.get(e.getValue())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return Optional.ofNullable(id);
    }

    /**
     * Replaces the platform, product and campaign names of a converted row by their ids, creating what is new;
     * rejects the row when its platform is new and the plan says not to add platforms.
     */
    void resolve(Map<String, Object> values) throws RejectedRowException {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof RowConverter.Unresolved reference) {
                int longest = reference.type() == ValueType.PLATFORM ? NAME_LENGTH : TITLE_LENGTH;
                if (reference.name().length() > longest) {
                    throw new RejectedRowException(reference.header(), reference.name(),
                            Reason.of("reject.tooLong", longest));
                }
                try {
                    entry.setValue(switch (reference.type()) {
                        case PLATFORM -> platform(reference.name()).orElseThrow(() -> new RejectedRowException(
                                reference.header(), reference.name(),
                                Reason.of("reject.platform", knownPlatforms(false), knownPlatforms(true))));
                        case PRODUCT -> product(reference.name());
                        case CAMPAIGN -> campaign(reference.name());
                        default -> throw new IllegalStateException("not a reference: " + reference.type());
                    });
                } catch (SQLException e) {
                    // H2 rolls back only the failed statement: the import goes on without this row.
                    throw new RejectedRowException(reference.header(), reference.name(), Reason.of("reject.notStored"));
                }
            }
        }
    }

    /** Platform names and aliases fit in 100 characters; product and campaign names in 200 (schema). */
    private static final int NAME_LENGTH = 100;
    private static final int TITLE_LENGTH = 200;

    /** Platforms this import added, known (from the shipped list) or new (named only in this file). */
    List<NewPlatform> added() {
        return List.copyOf(added.values());
    }

    /** The project's platform names, English and Chinese, for the reason of a rejected row. */
    private String knownPlatforms(boolean chinese) {
        return String.join(chinese ? "、" : ", ", chinese ? chineseNames : englishNames);
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

    private void count(String key) {
        added.computeIfPresent(key, (k, platform) -> new NewPlatform(platform.name(), platform.code(), platform.nameEn(),
                platform.nameZh(), platform.known(), platform.rows() + 1));
    }

    private void remember(int id, String code, String en, String zh) {
        codes.put(code, id);
        for (String name : List.of(code, en, zh)) {
            platforms.putIfAbsent(PlatformCatalog.key(name), id);
        }
        englishNames.add(en);
        chineseNames.add(zh);
    }

    private int create(String code, String en, String zh, boolean builtIn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO platform (code, name_en, name_zh, "
                + "built_in, import_id) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, code);
            insert.setString(2, en);
            insert.setString(3, zh);
            insert.setBoolean(4, builtIn);
            insert.setLong(5, importId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                int id = keys.getInt(1);
                remember(id, code, en, zh);
                return id;
            }
        }
    }

    /** A code for a platform named only in a file: its ASCII letters and digits, else {@code custom_N}. */
    private String newCode(String name) {
        String ascii = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String base = ascii.length() >= 2 ? ascii.substring(0, Math.min(24, ascii.length())) : "custom";
        String code = base.equals("custom") ? "custom_1" : base;
        for (int n = 2; codes.containsKey(code); n++) {
            code = base + "_" + n;
        }
        return code;
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
