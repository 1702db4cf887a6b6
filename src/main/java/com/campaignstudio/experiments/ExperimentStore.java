package com.campaignstudio.experiments;

import com.campaignstudio.project.ProjectDatabase;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved experiments: rows of the project's {@code scenario} table with kind {@code experiment}, the setup as JSON
 * in {@code inputs} and the analysis as it was when saved in {@code results} (for the record; loading analyses the
 * setup again). Names are unique among experiments; saving under a name that exists replaces that experiment, as
 * updating the counts of a running experiment does.
 */
public final class ExperimentStore {

    static final String KIND = "experiment";
    /** The longest name the scenario table holds. */
    static final int MAX_NAME = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved experiment. */
    public record Saved(long id, String name, LocalDateTime savedAt, ExperimentSetup setup) {
    }

    private final ProjectDatabase database;

    public ExperimentStore(ProjectDatabase database) {
        this.database = database;
    }

    /** Saves {@code analysis} under {@code name}, replacing an experiment of that name; true when it replaced one. */
    public boolean save(String name, ExperimentAnalysis.Analysis analysis) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new ExperimentException("experiment.error.noScenarioName");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new ExperimentException("experiment.error.scenarioNameLength", MAX_NAME);
        }
        String inputs = JSON.writeValueAsString(analysis.setup());
        String results = JSON.writeValueAsString(analysis);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scenario SET inputs = ?, results = ?, created_at = ? WHERE kind = ? AND name = ?")) {
                update.setString(1, inputs);
                update.setString(2, results);
                update.setTimestamp(3, now);
                update.setString(4, KIND);
                update.setString(5, name.strip());
                if (update.executeUpdate() > 0) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scenario (kind, name, inputs, results, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, KIND);
                insert.setString(2, name.strip());
                insert.setString(3, inputs);
                insert.setString(4, results);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            return false;
        });
    }

    public Optional<Saved> load(String name) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, created_at, inputs FROM scenario WHERE kind = ? AND name = ?")) {
                select.setString(1, KIND);
                select.setString(2, name.strip());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(saved(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every saved experiment, the most recently saved first. */
    public List<Saved> list() throws SQLException {
        return database.read(connection -> {
            List<Saved> saved = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, created_at, inputs "
                    + "FROM scenario WHERE kind = ? ORDER BY created_at DESC, id DESC")) {
                select.setString(1, KIND);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        saved.add(saved(rs));
                    }
                }
            }
            return saved;
        });
    }

    public boolean delete(String name) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scenario WHERE kind = ? AND name = ?")) {
                delete.setString(1, KIND);
                delete.setString(2, name.strip());
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Saved saved(ResultSet rs) throws SQLException {
        return new Saved(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                JSON.readValue(rs.getString(4), ExperimentSetup.class));
    }
}
