package com.campaignstudio.experiments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved experiments in the project's scenario table. */
class ExperimentStoreTest {

    @TempDir
    Path folder;

    private static final ExperimentSetup SETUP = new ExperimentSetup(List.of(new Variant("A", 1000, 100),
            new Variant("B: new price", 1010, 131)), List.of(50.0, 50.0), Optional.of(0.02), 7);

    private ProjectLocations locations() {
        return ProjectLocations.under(folder.resolve("home"));
    }

    @Test
    void aSavedExperimentComesBackAsItWasTypedAfterTheProjectIsReopened() throws Exception {
        Path file = folder.resolve("p.campaign");
        try (Project project = Project.create(locations(), file, ZoneId.of("Asia/Shanghai"))) {
            assertFalse(new ExperimentStore(project.database()).save("Price test", ExperimentAnalysis.analyse(SETUP)));
            project.save();
        }
        try (Project project = Project.open(locations(), file)) {
            ExperimentStore.Saved saved = new ExperimentStore(project.database()).load("Price test").orElseThrow();
            assertEquals(SETUP, saved.setup());
            assertEquals("Price test", saved.name());
            assertEquals(ExperimentAnalysis.analyse(SETUP), ExperimentAnalysis.analyse(saved.setup()),
                    "the same setup reads the same");
        }
    }

    @Test
    void itIsARowOfKindExperimentWithJsonInputsAndResults() throws Exception {
        try (Project project = Project.create(locations(), folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            new ExperimentStore(project.database()).save("Price test", ExperimentAnalysis.analyse(SETUP));
            String[] row = project.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT kind, name, inputs, results FROM scenario")) {
                    assertTrue(rs.next());
                    String[] values = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                    assertFalse(rs.next(), "one row");
                    return values;
                }
            });
            assertEquals("experiment", row[0]);
            assertEquals("Price test", row[1]);
            JsonMapper json = JsonMapper.builder().build();
            JsonNode inputs = json.readTree(row[2]);
            assertEquals("B: new price", inputs.get("variants").get(1).get("name").asString());
            assertEquals(131, inputs.get("variants").get(1).get("conversions").asLong());
            assertEquals(0.02, inputs.get("minLift").asDouble());
            assertEquals(7, inputs.get("seed").asLong());
            JsonNode results = json.readTree(row[3]);
            assertEquals("B_WINS", results.get("comparisons").get(0).get("verdict").asString());
            assertEquals(ExperimentAnalysis.analyse(SETUP).comparisons().getFirst().test().pValue(),
                    results.get("comparisons").get(0).get("test").get("pValue").asDouble(), 0);
        }
    }

    @Test
    void savingUnderATakenNameReplacesIt() throws Exception {
        try (Project project = Project.create(locations(), folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            ExperimentStore store = new ExperimentStore(project.database());
            store.save("Running", ExperimentAnalysis.analyse(SETUP));
            ExperimentSetup dayTwo = ExperimentSetup.of(List.of(new Variant("A", 2000, 190), new Variant("B", 2000, 240)));
            assertTrue(store.save("Running", ExperimentAnalysis.analyse(dayTwo)));
            assertEquals(dayTwo, store.load("Running").orElseThrow().setup());
            assertEquals(1, store.list().size());
            store.save("Other", ExperimentAnalysis.analyse(SETUP));
            assertEquals(List.of("Other", "Running"), store.list().stream().map(ExperimentStore.Saved::name).sorted().toList());
            assertTrue(store.delete("Running"));
            assertFalse(store.delete("Running"));
            assertTrue(store.load("Running").isEmpty());
        }
    }

    @Test
    void otherScenarioKindsWithTheSameNameAreLeftAlone() throws Exception {
        try (Project project = Project.create(locations(), folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO scenario (kind, name, inputs, created_at) "
                            + "VALUES ('budget', 'Spring', '{}', CURRENT_TIMESTAMP)");
                }
                return null;
            });
            ExperimentStore store = new ExperimentStore(project.database());
            assertTrue(store.load("Spring").isEmpty());
            assertFalse(store.save("Spring", ExperimentAnalysis.analyse(SETUP)), "a new experiment, not a replacement");
            assertEquals(SETUP, store.load("Spring").orElseThrow().setup());
            assertEquals(1, store.list().size());
        }
    }

    @Test
    void aNameIsNeeded() throws Exception {
        try (Project project = Project.create(locations(), folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            ExperimentStore store = new ExperimentStore(project.database());
            assertEquals("experiment.error.noScenarioName", assertThrows(ExperimentException.class,
                    () -> store.save(" ", ExperimentAnalysis.analyse(SETUP))).reason().key());
            assertEquals("experiment.error.scenarioNameLength", assertThrows(ExperimentException.class,
                    () -> store.save("x".repeat(201), ExperimentAnalysis.analyse(SETUP))).reason().key());
        }
    }
}
