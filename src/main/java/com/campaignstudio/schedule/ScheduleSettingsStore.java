package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The schedule settings the user chose in the views, kept in the project's metadata so that the best-time view and
 * the planner read the same ones: {@code schedule:priorPosts}, {@code schedule:halfLife:<platform>} (hours) and
 * {@code schedule:zone:<platform>} (a zone id). A value that does not read (edited by hand, a zone this Java does not
 * know) is taken as unset. Fatigue, draws and the seed are not kept here: they keep their defaults.
 */
public final class ScheduleSettingsStore {

    static final String PRIOR_POSTS = "schedule:priorPosts";
    static final String HALF_LIFE = "schedule:halfLife:";
    static final String ZONE = "schedule:zone:";

    private final ProjectDatabase database;

    public ScheduleSettingsStore(ProjectDatabase database) {
        this.database = database;
    }

    /** The stored settings; the defaults for whatever is not stored. */
    public ScheduleSettings load() throws SQLException {
        Map<String, String> stored = database.read(connection -> {
            Map<String, String> values = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT meta_key, meta_value FROM project_meta WHERE meta_key LIKE 'schedule:%'");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getString(2));
                }
            }
            return values;
        });
        ScheduleSettings settings = ScheduleSettings.defaults();
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            settings = read(settings, entry.getKey(), entry.getValue());
        }
        return settings;
    }

    /**
     * Replaces the stored settings by {@code settings}: a platform's half-life or zone no longer in them is removed.
     * Not a change of data (analyses of the posts read none of it), so cached results stay valid.
     */
    public void save(ScheduleSettings settings) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM project_meta WHERE meta_key LIKE 'schedule:halfLife:%' "
                            + "OR meta_key LIKE 'schedule:zone:%'")) {
                delete.executeUpdate();
            }
            ProjectMetadata.put(connection, PRIOR_POSTS, Double.toString(settings.priorPosts()));
            for (Map.Entry<String, Double> halfLife : settings.halfLifeHours().entrySet()) {
                ProjectMetadata.put(connection, HALF_LIFE + halfLife.getKey(), Double.toString(halfLife.getValue()));
            }
            for (Map.Entry<String, String> zone : settings.platformZones().entrySet()) {
                ProjectMetadata.put(connection, ZONE + zone.getKey(), zone.getValue());
            }
            return null;
        }, false);
    }

    private static ScheduleSettings read(ScheduleSettings settings, String key, String value) {
        try {
            if (key.equals(PRIOR_POSTS)) {
                double posts = Double.parseDouble(value);
                return Double.isFinite(posts) && posts >= 0 ? settings.withPriorPosts(posts) : settings;
            }
            if (key.startsWith(HALF_LIFE) && key.length() > HALF_LIFE.length()) {
                double hours = Double.parseDouble(value);
                return Double.isFinite(hours) && hours > 0
                        ? settings.withHalfLife(key.substring(HALF_LIFE.length()), hours) : settings;
            }
            if (key.startsWith(ZONE) && key.length() > ZONE.length()) {
                return settings.withZone(key.substring(ZONE.length()), ZoneId.of(value).getId());
            }
        } catch (NumberFormatException | DateTimeException e) {
            return settings;
        }
        return settings;
    }
}
