package com.campaignstudio.experiments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ScenarioTable;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.time.LocalDateTime;
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
    static final int MAX_NAME = ScenarioTable.MAX_NAME;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved experiment. */
    public record Saved(long id, String name, LocalDateTime savedAt, ExperimentSetup setup) {
    }

    private final ScenarioTable table;

    public ExperimentStore(ProjectDatabase database) {
        this.table = new ScenarioTable(database, KIND);
    }

    /** Saves {@code analysis} under {@code name}, replacing an experiment of that name; true when it replaced one. */
    public boolean save(String name, ExperimentAnalysis.Analysis analysis) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new ExperimentException("experiment.error.noScenarioName");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new ExperimentException("experiment.error.scenarioNameLength", MAX_NAME);
        }
        return table.save(name, JSON.writeValueAsString(analysis.setup()), JSON.writeValueAsString(analysis));
    }

    public Optional<Saved> load(String name) throws SQLException {
        return table.load(name).map(ExperimentStore::saved);
    }

    /** Every saved experiment, the most recently saved first. */
    public List<Saved> list() throws SQLException {
        return table.list().stream().map(ExperimentStore::saved).toList();
    }

    public boolean delete(String name) throws SQLException {
        return table.delete(name);
    }

    private static Saved saved(ScenarioTable.Row row) {
        return new Saved(row.id(), row.name(), row.savedAt(), JSON.readValue(row.inputs(), ExperimentSetup.class));
    }
}
