package com.campaignstudio.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.snapshot.Period;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Funnel definitions saved in the project under a name: rows of {@code project_meta} keyed {@code funnel:<name>},
 * the definition as JSON. Not the {@code scenario} table: its kind CHECK admits only schedules, budgets and
 * experiments, and changing it would need a migration. Saving never counts as a change of the data that analyses
 * read, so the activity snapshot is kept.
 */
public final class FunnelStore {

    /** The longest name: {@code project_meta} keys hold 100 characters, the prefix among them. */
    public static final int MAX_NAME = 80;
    static final String PREFIX = "funnel:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved funnel: its steps, window and order, the breakdown it was read by, and when it was saved. */
    public record Saved(String name, LocalDateTime savedAt, FunnelDefinition definition, Breakdown breakdown,
                        Period period) {
    }

    /** The stored form: plain names and seconds, so that the JSON reads without this code. */
    record Stored(List<String> steps, long windowSeconds, String order, String breakdown, String period,
                  String savedAt) {
    }

    private final ProjectDatabase database;

    public FunnelStore(ProjectDatabase database) {
        this.database = database;
    }

    /** Saves under {@code name}, replacing a funnel of that name; true when it replaced one. */
    public boolean save(String name, FunnelDefinition definition, Breakdown breakdown, Period period)
            throws SQLException, FunnelException {
        String key = key(name);
        String json = JSON.writeValueAsString(new Stored(definition.steps(), definition.window().toSeconds(),
                definition.order().key(), breakdown.key(), period.key(), LocalDateTime.now().toString()));
        return database.transaction(connection -> {
            boolean replaced = exists(connection, key);
            ProjectMetadata.put(connection, key, json);
            return replaced;
        }, false);
    }

    /** Every saved funnel, the most recently saved first. */
    public List<Saved> list() throws SQLException {
        List<Saved> saved = database.read(connection -> {
            List<Saved> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT meta_key, meta_value FROM project_meta WHERE meta_key LIKE ?")) {
                select.setString(1, PREFIX + "%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs.getString(1).substring(PREFIX.length()), rs.getString(2)));
                    }
                }
            }
            return found;
        });
        saved.sort(Comparator.comparing(Saved::savedAt).reversed().thenComparing(Saved::name));
        return saved;
    }

    public Optional<Saved> load(String name) throws SQLException {
        return list().stream().filter(funnel -> funnel.name().equals(name.strip())).findFirst();
    }

    /** Gives a saved funnel another name; a name in use by another funnel is refused. */
    public void rename(String name, String newName) throws SQLException, FunnelException {
        String from = key(name);
        String to = key(newName);
        if (from.equals(to)) {
            return;
        }
        boolean taken = database.transaction(connection -> {
            if (exists(connection, to)) {
                return true;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE project_meta SET meta_key = ? WHERE meta_key = ?")) {
                update.setString(1, to);
                update.setString(2, from);
                update.executeUpdate();
            }
            return false;
        }, false);
        if (taken) {
            throw new FunnelException("funnel.error.nameTaken", newName.strip());
        }
    }

    public boolean delete(String name) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM project_meta WHERE meta_key = ?")) {
                delete.setString(1, PREFIX + name.strip());
                return delete.executeUpdate() > 0;
            }
        }, false);
    }

    private static boolean exists(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM project_meta WHERE meta_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String key(String name) throws FunnelException {
        if (name == null || name.isBlank()) {
            throw new FunnelException("funnel.error.noName");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new FunnelException("funnel.error.nameLength", MAX_NAME);
        }
        return PREFIX + name.strip();
    }

    private static Saved read(String name, String json) {
        Stored stored = JSON.readValue(json, Stored.class);
        return new Saved(name, LocalDateTime.parse(stored.savedAt()), new FunnelDefinition(stored.steps(),
                Duration.ofSeconds(stored.windowSeconds()), StepOrder.byKey(stored.order())),
                Breakdown.byKey(stored.breakdown()), Period.byKey(stored.period()));
    }
}
