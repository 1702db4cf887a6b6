package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ScenarioTable;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Saved schedules: rows of kind {@code schedule} in the project's scenario table, the plan and the settings as JSON
 * in {@code inputs}, the prediction made when it was saved in {@code results}.
 */
public final class ScheduleStore {

    static final String KIND = "schedule";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved schedule. */
    public record Saved(long id, String name, LocalDateTime savedAt, SchedulePlan plan, ScheduleSettings settings,
                        Prediction prediction) {
    }

    private record Inputs(SchedulePlan plan, ScheduleSettings settings) {
    }

    private final ScenarioTable table;

    public ScheduleStore(ProjectDatabase database) {
        this.table = new ScenarioTable(database, KIND);
    }

    /** Saves the plan and its prediction under {@code name}, replacing a schedule of that name; true if it did. */
    public boolean save(String name, SchedulePlan plan, ScheduleSettings settings, Prediction prediction)
            throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a schedule needs a name");
        }
        if (name.strip().length() > ScenarioTable.MAX_NAME) {
            throw new IllegalArgumentException("a schedule's name has at most " + ScenarioTable.MAX_NAME
                    + " characters");
        }
        return table.save(name, JSON.writeValueAsString(new Inputs(plan, settings)),
                JSON.writeValueAsString(prediction));
    }

    public Optional<Saved> load(String name) throws SQLException {
        return table.load(name).map(ScheduleStore::saved);
    }

    /** Every saved schedule, the most recently saved first. */
    public List<Saved> list() throws SQLException {
        return table.list().stream().map(ScheduleStore::saved).toList();
    }

    public boolean delete(String name) throws SQLException {
        return table.delete(name);
    }

    private static Saved saved(ScenarioTable.Row row) {
        Inputs inputs = JSON.readValue(row.inputs(), Inputs.class);
        return new Saved(row.id(), row.name(), row.savedAt(), inputs.plan(), inputs.settings(),
                JSON.readValue(row.results(), Prediction.class));
    }
}
