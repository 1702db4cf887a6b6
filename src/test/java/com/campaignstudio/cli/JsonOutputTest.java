package com.campaignstudio.cli;

import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.forecast.Forecaster;
import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.importer.ImportHistory;
import com.campaignstudio.importer.RowRejection;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.ltv.PeriodUnit;
import com.campaignstudio.project.Backups;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's {@code --json} holds numbers as JSON numbers, equal to what the analysis returns when run on the
 * same project, times as ISO-8601 text, and no number written as text ("12.1%", "176.00").
 */
class JsonOutputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Text that is really a number: 12, -3.5, 1,299.00, 12.1%. */
    private static final Pattern NUMBER_AS_TEXT = Pattern.compile("-?[\\d,]+(\\.\\d+)?%?");
    private static final double EXACT = 1e-12;

    @TempDir
    static Path folder;
    static Path demo;
    static Path shop;

    @BeforeAll
    static void makeProjects() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = folder.resolve("demo.campaign");
        assertEquals(0, run("demo", "--size", "small", "--out", demo.toString()).exitCode());
        shop = folder.resolve("shop.campaign");
        Path orders = Path.of(JsonOutputTest.class.getResource("/import/orders-gbk.csv").toURI());
        assertEquals(0, run("import", "--project", shop.toString(), "--file", orders.toString(), "--as", "orders")
                .exitCode());
    }

    @Test
    void segmentPrintsTheSavedProfilesAsNumbersWithSharesAsFractions() throws Exception {
        JsonNode json = json("segment", "--project", demo.toString(), "--k", "4", "--name", "json", "--propensity-days",
                "30", "--json");
        Segmentation saved;
        Propensity propensity;
        try (Project open = Project.open(ProjectOption.locations(), demo)) {
            SegmentStore store = new SegmentStore(open.database());
            saved = store.load(json.get("id").asLong());
            propensity = store.propensity(saved.id()).orElseThrow();
        }
        assertEquals("json", json.get("name").asString());
        assertNumber(saved.followerIds().length, json.get("followers"));
        assertEquals("CNY", json.get("currency").asString());
        assertEquals(saved.asOf(), LocalDateTime.parse(json.get("as_of").asString()));
        List<SegmentProfile> profiles = propensity.profilesWithMeans(saved);
        JsonNode segments = json.get("segments");
        assertEquals(4, segments.size());
        double shares = 0;
        for (SegmentProfile profile : profiles) {
            JsonNode row = segments.get(profile.number());
            assertNumber(profile.number() + 1, row.get("segment"));
            assertNumber(profile.size(), row.get("size"));
            assertNumber(profile.share(), row.get("share"));
            assertNumber(profile.revenueShare(), row.get("revenue_share"));
            assertNumber(profile.buyerShare(), row.get("buyer_share"));
            assertNumber(profile.revenuePerMember(), row.get("revenue_per_member"));
            assertNumber(profile.meanEngagement(), row.get("mean_engagement"));
            assertNumber(profile.meanPropensity(), row.get("mean_propensity"));
            for (int j = 0; j < saved.columns().size(); j++) {
                assertNumber(profile.rawMeans().get(j), row.get("feature_means").get(saved.columns().get(j)));
            }
            shares += row.get("share").asDouble();
        }
        assertEquals(1.0, shares, 1e-9, "shares are fractions of the population");
        assertNumber(propensity.summary().forestAuc(), json.get("propensity").get("forest_auc"));
        assertNumber(propensity.summary().horizonDays(), json.get("propensity").get("horizon_days"));
        assertEquals(propensity.summary().cutoff(), LocalDate.parse(json.get("propensity").get("cutoff").asString()));
        assertNoNumbersAsText(json, "segment");
    }

    @Test
    void segmentWithoutKPrintsTheSilhouetteOfEachKAsNumbers() throws Exception {
        JsonNode json = json("segment", "--project", demo.toString(), "--name", "suggested", "--json");
        JsonNode silhouette = json.get("silhouette");
        assertTrue(silhouette.size() >= 2, silhouette.toString());
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (JsonNode score : silhouette) {
            assertTrue(score.get("k").isInt() && score.get("silhouette").isDouble(), score.toString());
            if (score.get("silhouette").asDouble() > bestScore) {
                bestScore = score.get("silhouette").asDouble();
                best = score.get("k").asInt();
            }
        }
        assertEquals(best, json.get("k").asInt(), "the k chosen is the one with the best silhouette");
        assertNoNumbersAsText(json, "segment");
    }

    @Test
    void ltvPrintsTheFittedParametersAndValuesAsNumbers() throws Exception {
        LocalDate calibrationEnd = LocalDate.of(2026, 3, 31);
        JsonNode json = json("ltv", "--project", demo.toString(), "--calibration-end", calibrationEnd.toString(),
                "--json");
        LtvResult expected;
        try (Project open = Project.open(ProjectOption.locations(), demo)) {
            expected = new LtvRun(open.database()).run(new LtvSettings(PeriodUnit.WEEK, calibrationEnd, null, 0, 0, 52,
                    LtvRun.perPeriod(0.10, PeriodUnit.WEEK), 0), TaskContext.silent());
        }
        assertNumber(expected.summary().size(), json.get("customers"));
        assertEquals("CNY", json.get("currency").asString());
        for (int k = 0; k < expected.bgNbd().names().size(); k++) {
            assertNumber(expected.bgNbd().values()[k], json.get("bgnbd").get(expected.bgNbd().names().get(k)));
            assertNumber(expected.bgNbd().standardErrors()[k],
                    json.get("bgnbd").get("standard_errors").get(expected.bgNbd().names().get(k)));
        }
        for (int k = 0; k < expected.gammaGamma().names().size(); k++) {
            assertNumber(expected.gammaGamma().values()[k],
                    json.get("gamma_gamma").get(expected.gammaGamma().names().get(k)));
        }
        assertNumber(expected.check().predictedHoldout(), json.get("holdout").get("predicted_repeat_purchases"));
        assertNumber(expected.check().actualHoldout(), json.get("holdout").get("actual_repeat_purchases"));
        JsonNode platforms = json.get("clv_by_platform");
        assertEquals(expected.byPlatform().size(), platforms.size());
        for (int i = 0; i < platforms.size(); i++) {
            LtvResult.GroupValue group = expected.byPlatform().get(i);
            JsonNode row = platforms.get(i);
            assertEquals(group.group(), row.get("platform").asString());
            assertNumber(group.customers(), row.get("customers"));
            assertTrue(row.get("mean_clv").isNumber(), row.toString());
            assertEquals(group.meanClv(), row.get("mean_clv").asDouble(), 0.5e-4, "four decimals");
            assertTrue(row.get("clv_90_low").isNumber() && row.get("clv_90_high").isNumber(), row.toString());
        }
        assertNoNumbersAsText(json, "ltv");
    }

    @Test
    void forecastPrintsTheModelsFiguresAsNumbers() throws Exception {
        JsonNode json = json("forecast", "--project", demo.toString(), "--horizon", "4", "--json");
        Forecast expected;
        try (Project open = Project.open(ProjectOption.locations(), demo)) {
            expected = Forecaster.forecast(RevenueSeries.read(open.database(), RevenueSeries.Granularity.WEEK), 4, 1);
        }
        assertEquals(expected.chosen().model().id(), json.get("model").asString());
        assertNumber(expected.chosen().smape(), json.get("backtest_smape"));
        assertEquals(expected.candidates().size(), json.get("candidates").size());
        for (int i = 0; i < expected.candidates().size(); i++) {
            assertNumber(expected.candidates().get(i).smape(), json.get("candidates").get(i).get("smape"));
            assertNumber(expected.candidates().get(i).origins(), json.get("candidates").get(i).get("origins"));
        }
        JsonNode rows = json.get("forecast");
        assertEquals(4, rows.size());
        LocalDate last = expected.history().starts()[expected.history().size() - 1];
        for (int h = 0; h < 4; h++) {
            assertEquals(last.plusWeeks(h + 1), LocalDate.parse(rows.get(h).get("period").asString()));
            assertNumber(Math.round(expected.point()[h]), rows.get(h).get("forecast"));
            assertNumber(Math.round(expected.low95()[h]), rows.get(h).get("low_95"));
            assertNumber(Math.round(expected.high95()[h]), rows.get(h).get("high_95"));
        }
        assertNoNumbersAsText(json, "forecast");
    }

    @Test
    void statsPrintsEachTablesRowCount() throws Exception {
        JsonNode json = json("stats", "--project", demo.toString(), "--json");
        List<TableCatalog.TableCount> counts;
        try (Project open = Project.open(ProjectOption.locations(), demo)) {
            counts = new TableCatalog(open.database()).counts();
        }
        assertEquals(counts.size(), json.size());
        counts.forEach(count -> assertNumber(count.rows(), json.get(count.table())));
    }

    @Test
    void importAndImportsPrintTheCountsAndRejectionsOfTheHistory() throws Exception {
        Path again = folder.resolve("again.campaign");
        Path orders = Path.of(JsonOutputTest.class.getResource("/import/orders-gbk.csv").toURI());
        JsonNode report = json("import", "--project", again.toString(), "--file", orders.toString(), "--as", "orders",
                "--json");
        JsonNode listed = json("imports", "--project", again.toString(), "--json");
        JsonNode rejectedRows = json("imports", "--project", again.toString(), "--rejections", "1", "--json");
        List<ImportHistory.Entry> entries;
        List<RowRejection> rejections;
        try (Project open = Project.open(ProjectOption.locations(), again)) {
            ImportHistory history = new ImportHistory(open.database());
            entries = history.entries();
            rejections = history.rejections(1);
        }
        ImportHistory.Entry entry = entries.getFirst();
        assertNumber(entry.id(), report.get("import_id"));
        assertEquals("orders", report.get("kind").asString());
        assertNumber(entry.read(), report.get("rows_read"));
        assertNumber(entry.accepted(), report.get("accepted"));
        assertNumber(entry.rejected(), report.get("rejected"));
        assertTrue(report.get("same_file_imported_before").isBoolean(), report.toString());
        for (JsonNode phase : report.get("phases")) {
            assertTrue(phase.get("seconds").isNumber(), phase.toString());
        }

        assertEquals(1, listed.size());
        assertNumber(entry.accepted(), listed.get(0).get("accepted"));
        assertEquals(entry.finishedAt(), LocalDateTime.parse(listed.get(0).get("finished_at").asString()));

        assertEquals(rejections.size(), rejectedRows.size());
        for (int i = 0; i < rejections.size(); i++) {
            assertNumber(rejections.get(i).row(), rejectedRows.get(i).get("row"));
            assertEquals(rejections.get(i).reason().english(), rejectedRows.get(i).get("reason").asString(),
                    "reasons are English text, not message keys");
        }
        assertNoNumbersAsText(listed, "imports");
    }

    @Test
    void backupsAndRestorePrintBytesAndIsoTimes() throws Exception {
        JsonNode listed = json("backups", "--project", shop.toString(), "--json");
        List<Backups.Backup> kept = new Backups(ProjectOption.locations().backupRoot()).forFile(shop);
        assertEquals(kept.size(), listed.size());
        assertTrue(!kept.isEmpty(), "an import into a new project saves it over the empty one");
        for (int i = 0; i < kept.size(); i++) {
            assertNumber(kept.get(i).size(), listed.get(i).get("bytes"));
            assertEquals(kept.get(i).savedAt().truncatedTo(ChronoUnit.SECONDS),
                    OffsetDateTime.parse(listed.get(i).get("saved_at").asString()).toInstant());
        }
        assertNoNumbersAsText(listed, "backups");

        JsonNode restored = json("restore", "--project", shop.toString(), "--json");
        assertEquals(kept.getFirst().savedAt().truncatedTo(ChronoUnit.SECONDS),
                OffsetDateTime.parse(restored.get("restored_from").asString()).toInstant());
    }

    @Test
    void demoPrintsItsSizeAndBytesAsNumbers() throws Exception {
        Path file = folder.resolve("made.campaign");
        JsonNode json = json("demo", "--size", "small", "--out", file.toString(), "--json");
        assertNumber(DemoSize.SMALL.followers(), json.get("followers"));
        assertNumber(Files.size(file), json.get("bytes"));
        assertTrue(json.get("seconds").isNumber(), json.toString());
    }

    @Test
    void valuesThatCouldNotBeComputedAreNullNotTheTextNaN() {
        record Fit(double value, float score, String name) {
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mean", Double.NaN);
        result.put("high", Double.POSITIVE_INFINITY);
        result.put("fit", new Fit(Double.NaN, Float.NaN, "x"));
        result.put("fine", 0.25);
        StringWriter out = new StringWriter();
        Output.json(new PrintWriter(out, true), result);
        JsonNode json = JSON.readTree(out.toString());
        assertTrue(json.get("mean").isNull() && json.get("high").isNull(), json.toString());
        assertTrue(json.get("fit").get("value").isNull() && json.get("fit").get("score").isNull(), json.toString());
        assertNumber(0.25, json.get("fine"));
    }

    private static JsonNode json(String... args) {
        CommandLineTest.Run run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static void assertNumber(double expected, JsonNode node) {
        assertNotNull(node);
        if (Double.isNaN(expected)) {
            assertTrue(node.isNull(), "NaN is null in JSON: " + node);
            return;
        }
        assertTrue(node.isNumber(), "a JSON number: " + node);
        assertEquals(expected, node.asDouble(), EXACT * Math.max(1, Math.abs(expected)));
    }

    /** Walks the whole document: no text value may be a number in disguise. */
    private static void assertNoNumbersAsText(JsonNode json, String command) {
        List<String> found = new ArrayList<>();
        collectNumbersAsText(json, "", found);
        assertTrue(found.isEmpty(), command + " --json writes numbers as text: " + found);
    }

    private static void collectNumbersAsText(JsonNode node, String path, List<String> found) {
        if (node.isString() && NUMBER_AS_TEXT.matcher(node.asString()).matches()) {
            found.add(path + "=" + node);
        } else if (node.isObject()) {
            node.properties().forEach(e -> collectNumbersAsText(e.getValue(), path + "." + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNumbersAsText(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
