package com.campaignstudio.budget;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ScenarioTable;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Saved budget splits: rows of kind {@code budget} in the project's scenario table, what the split was asked for
 * (goal, budget, weeks, bounds) as JSON in {@code inputs}, the split with its intervals in {@code results}.
 */
public final class BudgetStore {

    static final String KIND = "budget";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the optimiser was asked; a platform's maximum is null where it has none (JSON has no infinity). */
    public record Inputs(BudgetGoal goal, double budget, int weeks, List<String> platforms, List<Double> minimums,
                         List<Double> maximums) {
        public Inputs {
            platforms = List.copyOf(platforms);
            minimums = List.copyOf(minimums);
            maximums = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(maximums));
        }

        public static Inputs of(BudgetGoal goal, double budget, int weeks, List<String> platforms,
                                List<BudgetOptimizer.Bounds> bounds) {
            return new Inputs(goal, budget, weeks, platforms, bounds.stream().map(BudgetOptimizer.Bounds::min).toList(),
                    bounds.stream().map(b -> Double.isInfinite(b.max()) ? null : b.max()).toList());
        }
    }

    /** One platform of a saved split; {@code roi} is null where the platform gets no spend. */
    public record SavedRow(String platform, double current, double spend, Estimate outcome, Estimate carryOver,
                           Estimate roi, Estimate marginal, boolean atMin, boolean atMax) {
        static SavedRow of(BudgetPlan.Row row) {
            return new SavedRow(row.platform(), row.current(), row.spend(), row.outcome(), row.carryOver(),
                    row.roi().orElse(null), row.marginal(), row.atMin(), row.atMax());
        }
    }

    /** The split as saved. */
    public record Results(List<SavedRow> rows, Estimate total, double spent, double unspent) {
        public Results {
            rows = List.copyOf(rows);
        }

        public static Results of(BudgetPlan.Result result) {
            return new Results(result.rows().stream().map(SavedRow::of).toList(), result.total(), result.spent(),
                    result.unspent());
        }
    }

    /** A saved split. */
    public record Saved(long id, String name, LocalDateTime savedAt, Inputs inputs, Results results) {
    }

    private final ScenarioTable table;

    public BudgetStore(ProjectDatabase database) {
        this.table = new ScenarioTable(database, KIND);
    }

    /** Saves the split under {@code name}, replacing a split of that name; true if it did. */
    public boolean save(String name, Inputs inputs, Results results) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a budget split needs a name");
        }
        if (name.strip().length() > ScenarioTable.MAX_NAME) {
            throw new IllegalArgumentException("a budget split's name has at most " + ScenarioTable.MAX_NAME
                    + " characters");
        }
        return table.save(name, JSON.writeValueAsString(inputs), JSON.writeValueAsString(results));
    }

    public Optional<Saved> load(String name) throws SQLException {
        return table.load(name).map(BudgetStore::saved);
    }

    /** Every saved split, the most recently saved first. */
    public List<Saved> list() throws SQLException {
        return table.list().stream().map(BudgetStore::saved).toList();
    }

    public boolean delete(String name) throws SQLException {
        return table.delete(name);
    }

    private static Saved saved(ScenarioTable.Row row) {
        return new Saved(row.id(), row.name(), row.savedAt(), JSON.readValue(row.inputs(), Inputs.class),
                JSON.readValue(row.results(), Results.class));
    }
}
