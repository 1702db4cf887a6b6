package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekly boost budget per platform the Budget view last handed to the planner, kept in the project's metadata
 * under {@code budget:boost:<platform>} (a weekly amount). A value that does not read as an amount is taken as unset.
 */
public final class BoostBudgetStore {

    static final String PREFIX = "budget:boost:";

    private final ProjectDatabase database;

    public BoostBudgetStore(ProjectDatabase database) {
        this.database = database;
    }

    /** Replaces the handed-over budget. Not a change of data: no analysis reads it. */
    public void save(Map<String, Double> weekly) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM project_meta WHERE meta_key LIKE 'budget:boost:%'")) {
                delete.executeUpdate();
            }
            for (Map.Entry<String, Double> budget : weekly.entrySet()) {
                ProjectMetadata.put(connection, PREFIX + budget.getKey(), Double.toString(budget.getValue()));
            }
            return null;
        }, false);
    }

    /** The handed-over weekly budget per platform, empty when none was handed over. */
    public Map<String, Double> load() throws SQLException {
        return database.read(connection -> {
            Map<String, Double> weekly = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT meta_key, meta_value FROM project_meta WHERE meta_key LIKE 'budget:boost:%'");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        double amount = Double.parseDouble(rs.getString(2));
                        if (Double.isFinite(amount) && amount >= 0) {
                            weekly.put(rs.getString(1).substring(PREFIX.length()), amount);
                        }
                    } catch (NumberFormatException unreadable) {
                        // edited by hand: unset
                    }
                }
            }
            return weekly;
        });
    }
}
