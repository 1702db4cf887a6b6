package com.campaignstudio.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** Builds project files by hand, including hostile and outdated ones, for tests. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    interface DatabaseSetup {
        void apply(Connection connection) throws SQLException;
    }

    /** A project file whose database was migrated to {@code schemaTarget} and then changed by {@code setup}. */
    static Path build(Path folder, String name, String schemaTarget, int manifestSchema, DatabaseSetup setup)
            throws Exception {
        return build(folder, name, schemaTarget, manifestSchema, false, setup);
    }

    /** As above; {@code compressed} stores the database pages compressed, hiding their text from byte scans. */
    static Path build(Path folder, String name, String schemaTarget, int manifestSchema, boolean compressed,
                      DatabaseSetup setup) throws Exception {
        Path databaseFolder = Files.createTempDirectory(folder, "db");
        try (ProjectDatabase database = ProjectDatabase.create(databaseFolder)) {
            database.suspend();
        }
        Files.walk(databaseFolder).sorted(java.util.Comparator.reverseOrder())
                .filter(p -> !p.equals(databaseFolder)).forEach(p -> p.toFile().delete());
        String url = "jdbc:h2:file:" + databaseFolder.resolve(ProjectDatabase.FILE_BASE_NAME)
                + (compressed ? ";COMPRESS=TRUE" : "");
        try (Connection anchor = DriverManager.getConnection(url, "sa", "")) {
            org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                    .target(schemaTarget).load().migrate();
            try (Statement statement = anchor.createStatement()) {
                statement.execute("INSERT INTO project_meta VALUES ('project_id', '" + UUID.randomUUID() + "')");
            }
            setup.apply(anchor);
            try (Statement statement = anchor.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
        Path file = folder.resolve(name);
        ProjectContainer.write(ProjectDatabase.databaseFile(databaseFolder),
                new ProjectManifest(UUID.randomUUID().toString(), manifestSchema, "test", Instant.now(), "", 0), file,
                com.campaignstudio.work.TaskContext.silent(), () -> { });
        return file;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
