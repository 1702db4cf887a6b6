package com.campaignstudio.cli;

import com.campaignstudio.basket.BasketFixtures;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.segments.SegmentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code basket} on the worked project of {@link BasketFixtures#WORKED} (its rules and pitches worked by hand in
 * {@code PitchTest}): the table, the JSON, the audience list, and one-line failures for bad input.
 *
 * <p>With the default minimums (support 1% = one customer of eight, confidence 10%, lift 1) seven rules remain:
 * {A,B}->C (2 of 3, lift (2/3)/(3/8) = 16/9), {A,C}->B and {B,C}->A (2 of 2, lift 1/(5/8) = 1.6), C->A and C->B
 * (2 of 3, lift 16/15), A->C and B->C (2 of 5, lift 16/15); A->B and B->A (lift 0.96) and every rule with D (0.8)
 * fall below lift 1.
 */
class BasketCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;
    static Path project;
    static long segmentation;

    @BeforeAll
    static void makeProject() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        project = BasketFixtures.workedProject(folder, "worked.campaign");
        try (Project open = Project.open(ProjectOption.locations(), project)) {
            segmentation = new SegmentStore(open.database()).list().getFirst().id();
        }
    }

    @Test
    void theJsonListsTheRulesByLiftThenSupportWithTheirCounts() throws Exception {
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("customer", json.get("by").asString());
        assertEquals(8, json.get("baskets").asInt());
        assertEquals(4, json.get("products").asInt());
        assertEquals(13, json.get("paid_orders").asInt());
        JsonNode left = json.get("left_out");
        assertEquals(List.of(1, 1, 1, 0), List.of(left.get("refunds_and_cancellations").asInt(),
                left.get("orders_without_customer").asInt(), left.get("orders_without_product").asInt(),
                left.get("lines_not_bought").asInt()));
        assertEquals(7, json.get("rules_found").asInt());
        List<String> expected = List.of(
                rule("A B", "C", 2, 3, 3, 16 / 9.0), rule("A C", "B", 2, 2, 5, 1.6), rule("B C", "A", 2, 2, 5, 1.6),
                rule("C", "A", 2, 3, 5, 16 / 15.0), rule("C", "B", 2, 3, 5, 16 / 15.0),
                rule("A", "C", 2, 5, 3, 16 / 15.0), rule("B", "C", 2, 5, 3, 16 / 15.0));
        List<String> found = new ArrayList<>();
        for (JsonNode rule : json.get("rules")) {
            List<String> antecedent = new ArrayList<>();
            rule.get("if").forEach(product -> antecedent.add(product.asString()));
            found.add(rule(String.join(" ", antecedent), rule.get("then").asString(), rule.get("with_both").asLong(),
                    rule.get("with_if").asLong(), rule.get("with_then").asLong(), rule.get("lift").asDouble()));
            assertEquals(rule.get("with_both").asDouble() / 8, rule.get("support").asDouble(), 1e-12);
            assertEquals(rule.get("with_both").asDouble() / rule.get("with_if").asDouble(),
                    rule.get("confidence").asDouble(), 1e-12);
        }
        assertEquals(expected, found);
        // Cosine over customers: A-B 3/sqrt(5*5); A-C and B-C 2/sqrt(5*3); A-D and B-D 1/sqrt(5*2); C-D never.
        List<String> similar = new ArrayList<>();
        for (JsonNode pair : json.get("similar_products")) {
            similar.add(pair.get("product").asString() + "-" + pair.get("other_product").asString() + " "
                    + pair.get("customers_both").asInt() + " " + pair.get("cosine").asDouble());
        }
        assertEquals(List.of("A-B 3 0.6", "A-C 2 " + 2 / Math.sqrt(15), "B-C 2 " + 2 / Math.sqrt(15),
                "A-D 1 " + 1 / Math.sqrt(10), "B-D 1 " + 1 / Math.sqrt(10)), similar);
        assertEquals(3, json.get("notes").size(), "refunds, guest orders and orders without a product");
    }

    @Test
    void theTableShowsTheBasketsWhatWasLeftOutAndTheRules() {
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--top", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Baskets by customer: 8 customers with 4 products, from 13 paid orders", lines.get(0));
        assertEquals("Note: Left out: 1 refunds and cancellations, which are never purchases.", lines.get(1));
        assertTrue(lines.get(4).startsWith("Rules (support >= 0.01, confidence >= 0.1, lift >= 1): 7, the first 2 "),
                lines.get(4));
        assertTrue(lines.get(5).matches("if\\s+then\\s+with_both\\s+with_if\\s+with_then\\s+support\\s+confidence\\s+lift"),
                lines.get(5));
        assertTrue(lines.get(6).matches("A \\+ B\\s+C\\s+2\\s+3\\s+3\\s+0\\.250\\s+0\\.667\\s+1\\.78"), lines.get(6));
        assertTrue(lines.get(7).matches("A \\+ C\\s+B\\s+2\\s+2\\s+5\\s+0\\.250\\s+1\\.000\\s+1\\.60"), lines.get(7));
        assertTrue(lines.get(8).startsWith("Products with the most alike buyers (cosine over 8 customers"), lines.get(8));
        assertTrue(lines.get(10).matches("A\\s+B\\s+3\\s+5\\s+5\\s+0\\.600"), lines.get(10));
        assertEquals(12, lines.size(), "two rules and two pairs: " + run.out());
    }

    /** By order, the guest order {A, B} is a basket: of 14 orders A and B are in 6 each, together in 3. */
    @Test
    void byOrderTheRulesAreAboutProductsInTheSameOrder() throws Exception {
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--by", "order", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(14, json.get("baskets").asInt());
        assertEquals(0, json.get("left_out").get("orders_without_customer").asInt());
        List<String> found = new ArrayList<>();
        for (JsonNode rule : json.get("rules")) {
            found.add(rule(rule.get("if").get(0).asString(), rule.get("then").asString(),
                    rule.get("with_both").asLong(), rule.get("with_if").asLong(), rule.get("with_then").asLong(),
                    rule.get("lift").asDouble()));
        }
        assertEquals(List.of(rule("A", "B", 3, 6, 6, 0.5 / (6 / 14.0)), rule("B", "A", 3, 6, 6, 0.5 / (6 / 14.0))),
                found);
    }

    @Test
    void aCustomerIsPitchedWhatGoesWithWhatTheyBought() throws Exception {
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--customer", "u3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("u3", json.get("customer").asString());
        assertEquals("[\"A\",\"B\"]", json.get("bought").toString());
        JsonNode suggestions = json.get("suggestions");
        assertEquals(1, suggestions.size(), "D comes only from rules with lift 0.8: " + suggestions);
        assertEquals("C", suggestions.get(0).get("product").asString());
        assertEquals(2 / 3.0, suggestions.get(0).get("score").asDouble(), 1e-12);
        assertEquals("[\"A\",\"B\"]", suggestions.get(0).get("because").toString());
        assertEquals(2, suggestions.get(0).get("with_both").asInt());

        CommandLineTest.Run table = run("basket", "--project", project.toString(), "--customer", "u3");
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.contains("Next products to pitch to customer u3, who bought A, B (scored by confidence of "
                + "rules by customer):"), table.out());
        assertTrue(lines.get(lines.size() - 1).matches("1\\s+C\\s+0\\.667\\s+A \\+ B\\s+2"), table.out());

        CommandLineTest.Run cosine = run("basket", "--project", project.toString(), "--customer", "u7", "--score",
                "cosine", "--json");
        List<String> products = new ArrayList<>();
        JSON.readTree(cosine.out()).get("suggestions").forEach(s -> products.add(s.get("product").asString() + " "
                + s.get("score").asDouble()));
        assertEquals(List.of("B 0.6", "C " + 2 / Math.sqrt(15), "D " + 1 / Math.sqrt(10)), products);
    }

    /**
     * The buyers of D are u4 {A, D} and =u5 {B, D}; with lift at least 1 each is pitched C, by A->C or B->C (2/5).
     * The audience list neutralises =u5, which a spreadsheet would run as a formula.
     */
    @Test
    void theBuyersOfAProductGetAnAudienceList() throws Exception {
        Path csv = folder.resolve("pitch.csv");
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--product", "D", "--out",
                csv.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("product_buyers", json.get("audience").asString());
        assertEquals(2, json.get("audience_customers").asInt());
        assertEquals(2, json.get("with_suggestion").asInt());
        assertEquals(2, json.get("rows_written").asInt());
        JsonNode tally = json.get("suggested_products");
        assertEquals(1, tally.size(), tally.toString());
        assertEquals("C", tally.get(0).get("product").asString());
        assertEquals(2, tally.get(0).get("first_for").asInt());
        assertEquals(0.4, tally.get(0).get("mean_score").asDouble(), 1e-12);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark for Excel");
        assertEquals(List.of("customer,suggested_product,score,rank,because", "u4,C,0.4000,1,A", "'=u5,C,0.4000,1,B"),
                text.substring(1).lines().toList());
    }

    /**
     * Segment 1 of "Two segments" holds followers 3 and 6 (customers u3 and u6) and follower 99, who never bought.
     * u3 is pitched C ({A,B}->C, 2/3); u6, who bought C, A and B (C->A and C->B, 2/3 each, A first by name).
     */
    @Test
    void aSegmentsCustomersArePitchedAndItsMembersWithoutPurchasesCounted() throws Exception {
        CommandLineTest.Run run = run("basket", "--project", project.toString(), "--segmentation",
                Long.toString(segmentation), "--segment", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(2, json.get("audience_customers").asInt());
        assertEquals(1, json.get("members_without_purchases").asInt());
        List<String> tally = new ArrayList<>();
        json.get("suggested_products").forEach(t -> tally.add(t.get("product").asString() + " "
                + t.get("first_for").asInt() + " " + t.get("suggested_to").asInt()));
        assertEquals(List.of("A 1 1", "C 1 1", "B 0 1"), tally);

        CommandLineTest.Run table = run("basket", "--project", project.toString(), "--segmentation",
                Long.toString(segmentation));
        assertTrue(table.out().contains("to the 2 customers in segment 1 of segmentation " + segmentation
                + " (scored by confidence of rules by customer): 2 have a suggestion, 0 none\n"
                + "Members of the segment without a paid order with a product, who get no suggestion: 1\n"),
                table.out());
    }

    @Test
    void badInputExitsNonZeroWithOneLine() throws Exception {
        String file = project.toString();
        assertFails("There is no product named \u201cZ\u201d. The project has 4 products: A, B, C, D",
                "basket", "--project", file, "--product", "Z");
        assertFails("No customer \u201cnobody\u201d has a paid order with a product.",
                "basket", "--project", file, "--customer", "nobody");
        assertFails("The segment \u201cQuiet\u201d of \u201cTwo segments\u201d has no members.",
                "basket", "--project", file, "--segmentation", Long.toString(segmentation), "--segment", "2");
        assertFails("has segments 1 to 2, not 3",
                "basket", "--project", file, "--segmentation", Long.toString(segmentation), "--segment", "3");
        assertFails("There is no saved segmentation with id 999.",
                "basket", "--project", file, "--segmentation", "999");
        assertFails("give one of --customer, --product and --segmentation",
                "basket", "--project", file, "--customer", "u3", "--product", "A");
        assertFails("--out is for a pitch", "basket", "--project", file, "--out", folder.resolve("x.csv").toString());
        assertFalse(Files.exists(folder.resolve("x.csv")));
        assertFails("the minimum support is a share of baskets, from 0 to 1", "basket", "--project", file,
                "--min-support", "2");
        assertFails("'week' is not a basket unit", "basket", "--project", file, "--by", "week");

        Path empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
        assertFails("No customer has a paid order with a product (0 refunds and cancellations",
                "basket", "--project", empty.toString());
    }

    private static void assertFails(String reason, String... args) {
        CommandLineTest.Run run = run(args);
        assertEquals(1, run.exitCode(), String.join(" ", args) + ": " + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(reason), run.err());
    }

    private static String rule(String antecedent, String consequent, long both, long withIf, long withThen,
                               double lift) {
        return antecedent + " -> " + consequent + " " + both + "/" + withIf + "/" + withThen + " lift "
                + String.format(java.util.Locale.ROOT, "%.12f", lift);
    }
}
