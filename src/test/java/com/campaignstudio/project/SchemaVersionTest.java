package com.campaignstudio.project;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaVersionTest {

    @Test
    void currentVersionIsTheHighestMigration() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.(sql|class)");
        int highest;
        // SQL migrations and compiled Java migrations share target/classes/db/migration.
        try (var files = Files.list(migrationFolder())) {
            highest = files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
        }
        assertEquals(highest, SchemaVersion.CURRENT);
    }

    private static Path migrationFolder() throws URISyntaxException {
        return Path.of(SchemaVersion.class.getResource("/db/migration").toURI());
    }
}
