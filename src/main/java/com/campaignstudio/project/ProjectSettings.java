package com.campaignstudio.project;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * What the window needs to know of an open project before it shows a dialog: read off the FX thread when the
 * project opens and after each change, because a read waits while the project is being saved.
 *
 * @param zone          the time zone of times a file writes without one
 * @param pseudonymise  whether imports replace customer and follower ids by pseudonyms
 * @param platforms     the project's platforms with their names
 */
public record ProjectSettings(ZoneId zone, boolean pseudonymise, List<PlatformTable.Platform> platforms) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** Before a project's settings were read: the defaults a new project gets. */
    public static final ProjectSettings NONE = new ProjectSettings(DEFAULT_ZONE, true, List.of());

    public ProjectSettings {
        platforms = List.copyOf(platforms);
    }

    public static ProjectSettings read(ProjectDatabase database) throws SQLException {
        ProjectMetadata metadata = new ProjectMetadata(database);
        return new ProjectSettings(zone(metadata.get(ProjectMetadata.TIME_ZONE).orElse(null)),
                !"false".equals(metadata.get(ProjectMetadata.PSEUDONYMISE).orElse("true")),
                PlatformTable.list(database));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? DEFAULT_ZONE : ZoneId.of(id);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
