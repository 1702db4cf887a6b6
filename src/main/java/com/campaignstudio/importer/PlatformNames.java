package com.campaignstudio.importer;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Platform names as files outside an import write them (a plan, a schedule), read into platform codes the way an
 * import reads them: the project's own codes, names and aliases first, then the shipped list (抖音 → douyin,
 * B站 → bilibili, 视频号 → wechat_channels). Unlike an import it never adds a platform: an unknown name is the
 * caller's to report.
 */
public final class PlatformNames {

    private static final PlatformNames SHIPPED = new PlatformNames(Map.of());

    private final Map<String, String> projectCodes;

    private PlatformNames(Map<String, String> projectCodes) {
        this.projectCodes = Map.copyOf(projectCodes);
    }

    /** The shipped list only, for a file read without a project. */
    public static PlatformNames shipped() {
        return SHIPPED;
    }

    /** The project's platforms and the aliases its imports learnt, then the shipped list. */
    public static PlatformNames of(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            Map<String, String> codes = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT code, name_en, name_zh FROM platform ORDER BY id")) {
                while (rs.next()) {
                    for (int column = 1; column <= 3; column++) {
                        codes.putIfAbsent(PlatformCatalog.key(rs.getString(column)), rs.getString(1));
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT a.alias, p.code FROM platform_alias a JOIN platform p ON p.id = a.platform_id")) {
                while (rs.next()) {
                    codes.putIfAbsent(PlatformCatalog.key(rs.getString(1)), rs.getString(2));
                }
            }
            return new PlatformNames(codes);
        });
    }

    /** The code of the platform {@code name} names (full-width, case and spaces ignored), if any. */
    public Optional<String> code(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String own = projectCodes.get(PlatformCatalog.key(name));
        return own != null ? Optional.of(own) : PlatformCatalog.shipped().find(name).map(PlatformCatalog.Known::code);
    }
}
