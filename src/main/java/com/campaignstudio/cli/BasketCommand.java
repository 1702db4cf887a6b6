package com.campaignstudio.cli;

import com.campaignstudio.basket.AssociationRule;
import com.campaignstudio.basket.Audience;
import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.BasketSettings;
import com.campaignstudio.basket.BasketUnit;
import com.campaignstudio.basket.Baskets;
import com.campaignstudio.basket.ItemSimilarity;
import com.campaignstudio.basket.LeftOut;
import com.campaignstudio.basket.Pitch;
import com.campaignstudio.basket.PitchExport;
import com.campaignstudio.basket.RuleThresholds;
import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Products bought together: association rules and similar products, or the next product to pitch. */
@Command(name = "basket", mixinStandardHelpOptions = true,
        description = "Products bought together: association rules (support, confidence, lift) and the products whose "
                + "buyers are most alike (cosine over customers). With --customer, --product or --segmentation: the "
                + "next product to pitch to them, and with --out the audience list as CSV.")
final class BasketCommand implements Callable<Integer> {

    private static final Map<String, Function<Object, String>> RULE_FORMATS = Map.of(
            "support", Output.decimals(3), "confidence", Output.decimals(3), "lift", Output.decimals(2));
    private static final Map<String, Function<Object, String>> SIMILAR_FORMATS = Map.of("cosine", Output.decimals(3));
    private static final Map<String, Function<Object, String>> PITCH_FORMATS = Map.of(
            "score", Output.decimals(3), "mean_score", Output.decimals(3));

    @Mixin
    ProjectOption project;

    @Option(names = "--by", paramLabel = "UNIT", defaultValue = "customer", description = "What a basket is for the "
            + "rules: customer (all their paid orders) or order (one paid order). Default: ${DEFAULT-VALUE}")
    String by;

    @Option(names = "--min-support", paramLabel = "SHARE", defaultValue = "0.01", description = "Least share of "
            + "baskets holding every product of a rule (0 to 1). Default: ${DEFAULT-VALUE}")
    double minSupport;

    @Option(names = "--min-confidence", paramLabel = "SHARE", defaultValue = "0.1", description = "Least share of "
            + "the baskets with the 'if' products that also hold the 'then' product (0 to 1). Default: ${DEFAULT-VALUE}")
    double minConfidence;

    @Option(names = "--min-lift", paramLabel = "RATIO", defaultValue = "1", description = "Least lift: confidence "
            + "over the 'then' product's own share (1 = as often as chance). Default: ${DEFAULT-VALUE}")
    double minLift;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Rules and similar pairs to list. "
            + "Default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--customer", paramLabel = "REF", description = "Pitch to this customer (the reference as the "
            + "project stores it, as ltv shows it).")
    String customer;

    @Option(names = "--product", paramLabel = "NAME", description = "Pitch to the buyers of this product.")
    String product;

    @Option(names = "--segmentation", paramLabel = "ID", description = "With --segment: pitch to the customers of "
            + "this saved segmentation's segment (its id, as the segment command prints).")
    Long segmentation;

    @Option(names = "--segment", paramLabel = "N", defaultValue = "1", description = "Segment number (1 = the most "
            + "valuable). Default: ${DEFAULT-VALUE}")
    int segment;

    @Option(names = "--score", paramLabel = "SCORE", defaultValue = "confidence", description = "How a product not "
            + "yet bought is scored: confidence (best rule from what they bought) or cosine (most alike product they "
            + "bought). Default: ${DEFAULT-VALUE}")
    String score;

    @Option(names = "--per-customer", paramLabel = "N", defaultValue = "3", description = "Suggestions per customer. "
            + "Default: ${DEFAULT-VALUE}")
    int perCustomer;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the audience list as CSV (UTF-8 with a "
            + "byte-order mark): customer, suggested_product, score, rank, because.")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The product of --product as the project names it. */
    private String productName;

    @Override
    public Integer call() throws Exception {
        BasketSettings settings = new BasketSettings(BasketUnit.byKey(by),
                new RuleThresholds(minSupport, minConfidence, minLift));
        Pitch.Score pitchScore = Pitch.Score.byKey(score);
        boolean pitching = checkAudienceOptions();
        if (top < 1) {
            throw new IllegalArgumentException("--top " + top + ": list at least 1");
        }
        try (Project open = project.open()) {
            BasketAnalysis analysis = BasketAnalysis.run(open.database(), settings, TaskContext.silent());
            if (!pitching) {
                printRules(analysis);
                return 0;
            }
            Baskets customers = analysis.customers();
            Pitch pitch = analysis.pitch(pitchScore);
            Audience audience = customer != null ? Audience.customer(customers, customer)
                    : product != null ? Audience.buyersOf(customers, product)
                    : Audience.segment(open.database(), customers, segmentation, segment);
            List<Pitch.Suggestion> suggestions = pitch.suggest(audience.customers(), perCustomer, TaskContext.silent());
            long written = out == null ? -1 : PitchExport.write(customers, suggestions, out);
            productName = product == null ? null : customers.product(Audience.productIndex(customers, product));
            printPitch(analysis, pitch, audience, suggestions, written);
        }
        return 0;
    }

    /** Whether a pitch is asked for; fails on options that contradict each other. */
    private boolean checkAudienceOptions() {
        long audiences = java.util.stream.Stream.of(customer, product, segmentation).filter(o -> o != null).count();
        if (audiences > 1) {
            throw new IllegalArgumentException("give one of --customer, --product and --segmentation: a pitch is for "
                    + "one audience at a time");
        }
        var parsed = spec.commandLine().getParseResult();
        for (String pitchOnly : List.of("--out", "--score", "--per-customer", "--segment")) {
            if (audiences == 0 && parsed.hasMatchedOption(pitchOnly)) {
                throw new IllegalArgumentException(pitchOnly + " is for a pitch: give --customer, --product or "
                        + "--segmentation too");
            }
        }
        if (segmentation == null && parsed.hasMatchedOption("--segment")) {
            throw new IllegalArgumentException("--segment needs --segmentation ID");
        }
        if (perCustomer < 1) {
            throw new IllegalArgumentException("--per-customer " + perCustomer + ": suggest at least 1");
        }
        return audiences == 1;
    }

    private void printRules(BasketAnalysis analysis) {
        PrintWriter printer = spec.commandLine().getOut();
        Baskets baskets = analysis.baskets();
        RuleThresholds t = analysis.settings().thresholds();
        List<Map<String, Object>> rules = analysis.rules().stream().limit(top).map(r -> ruleRow(baskets, r)).toList();
        List<Map<String, Object>> similar = analysis.similarity().mostSimilar(top, t.minSupport()).stream()
                .map(pair -> similarRow(baskets, pair)).toList();
        if (json) {
            Map<String, Object> result = header(analysis);
            result.put("rules_found", analysis.rules().size());
            result.put("rules", rules);
            result.put("similar_products", similar);
            result.put("notes", analysis.notes());
            Output.json(printer, result);
            return;
        }
        printHeader(printer, analysis);
        printer.printf(Locale.ROOT, "Rules (support >= %s, confidence >= %s, lift >= %s): %,d%s%n",
                number(t.minSupport()), number(t.minConfidence()), number(t.minLift()), analysis.rules().size(),
                analysis.rules().size() > top ? ", the first " + top + " by lift, then support" : "");
        Output.table(printer, Output.formatted(rules.stream().map(BasketCommand::shownRule).toList(), RULE_FORMATS));
        printer.printf(Locale.ROOT, "Products with the most alike buyers (cosine over %,d customers; pairs bought "
                + "together by at least %s of them): %d shown%n", analysis.customers().size(),
                Output.percent(t.minSupport()), similar.size());
        Output.table(printer, Output.formatted(similar, SIMILAR_FORMATS));
    }

    private static Map<String, Object> ruleRow(Baskets baskets, AssociationRule rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("if", Arrays.stream(rule.antecedent()).mapToObj(baskets::product).toList());
        row.put("then", baskets.product(rule.consequent()));
        row.put("with_both", rule.count());
        row.put("with_if", rule.antecedentCount());
        row.put("with_then", rule.consequentCount());
        row.put("support", rule.support());
        row.put("confidence", rule.confidence());
        row.put("lift", rule.lift());
        return row;
    }

    /** A rule as the table shows it: the "if" products joined by " + ". */
    private static Map<String, Object> shownRule(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        shown.put("if", String.join(" + ", ((List<?>) row.get("if")).stream().map(String::valueOf).toList()));
        return shown;
    }

    private static Map<String, Object> similarRow(Baskets baskets, ItemSimilarity.Pair pair) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("product", baskets.product(pair.first()));
        row.put("other_product", baskets.product(pair.second()));
        row.put("customers_both", pair.both());
        row.put("buyers", pair.firstBuyers());
        row.put("other_buyers", pair.secondBuyers());
        row.put("cosine", pair.cosine());
        return row;
    }

    /** What every JSON result starts with: the baskets, what was left out and the minimums. */
    private static Map<String, Object> header(BasketAnalysis analysis) {
        Baskets baskets = analysis.baskets();
        LeftOut left = baskets.leftOut();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("by", baskets.unit().key());
        result.put("baskets", baskets.size());
        result.put("customers", analysis.customers().size());
        result.put("products", baskets.productCount());
        result.put("paid_orders", left.paidOrders());
        Map<String, Object> leftOut = new LinkedHashMap<>();
        leftOut.put("refunds_and_cancellations", left.refunds());
        leftOut.put("orders_without_customer", left.guestOrders());
        leftOut.put("orders_without_product", left.withoutProduct());
        leftOut.put("lines_not_bought", left.linesNotBought());
        result.put("left_out", leftOut);
        RuleThresholds t = analysis.settings().thresholds();
        result.put("min_support", t.minSupport());
        result.put("min_confidence", t.minConfidence());
        result.put("min_lift", t.minLift());
        return result;
    }

    private static void printHeader(PrintWriter printer, BasketAnalysis analysis) {
        Baskets baskets = analysis.baskets();
        printer.printf(Locale.ROOT, "Baskets by %s: %,d %s with %,d products, from %,d paid orders%n",
                baskets.unit().key(), baskets.size(), baskets.unit() == BasketUnit.CUSTOMER ? "customers" : "orders",
                baskets.productCount(), baskets.leftOut().paidOrders());
        analysis.notes().forEach(note -> printer.println("Note: " + note));
    }

    private void printPitch(BasketAnalysis analysis, Pitch pitch, Audience audience,
                            List<Pitch.Suggestion> suggestions, long written) {
        PrintWriter printer = spec.commandLine().getOut();
        Baskets customers = analysis.customers();
        int size = audience.customers().length;
        long suggested = suggestions.stream().filter(s -> s.rank() == 1).count();
        List<Map<String, Object>> products = pitch.tally(suggestions).stream().map(tally -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product", customers.product(tally.product()));
            row.put("first_for", tally.first());
            row.put("suggested_to", tally.suggested());
            row.put("mean_score", tally.meanScore());
            return row;
        }).toList();
        List<Map<String, Object>> rows = suggestions.stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", s.rank());
            row.put("product", customers.product(s.product()));
            row.put("score", s.score());
            row.put("because", Arrays.stream(s.because()).mapToObj(customers::product).toList());
            row.put("with_both", s.evidence());
            return row;
        }).toList();
        String scoredBy = pitch.score() == Pitch.Score.CONFIDENCE
                ? "confidence of rules by " + analysis.baskets().unit().key()
                : "cosine over customers";
        if (json) {
            Map<String, Object> result = header(analysis);
            result.put("score", pitch.score().key());
            if (customer != null) {
                result.put("audience", "customer");
                result.put("customer", customers.ref(audience.customers()[0]));
                result.put("bought", Arrays.stream(customers.items(audience.customers()[0]))
                        .mapToObj(customers::product).toList());
            } else if (product != null) {
                result.put("audience", "product_buyers");
                result.put("product", productName);
            } else {
                result.put("audience", "segment");
                result.put("segmentation", segmentation);
                result.put("segment", segment);
                result.put("members_without_purchases", audience.membersWithoutPurchases());
            }
            result.put("audience_customers", size);
            result.put("with_suggestion", suggested);
            if (customer != null) {
                result.put("suggestions", rows);
            } else {
                result.put("suggested_products", products);
            }
            if (written >= 0) {
                result.put("out_file", out.toAbsolutePath().toString());
                result.put("rows_written", written);
            }
            result.put("notes", analysis.notes());
            Output.json(printer, result);
            return;
        }
        analysis.notes().forEach(note -> printer.println("Note: " + note));
        if (customer != null) {
            int basket = audience.customers()[0];
            printer.printf(Locale.ROOT, "Next products to pitch to customer %s, who bought %s (scored by %s):%n",
                    customers.ref(basket), Arrays.stream(customers.items(basket)).mapToObj(customers::product)
                            .collect(Collectors.joining(", ")), scoredBy);
            if (rows.isEmpty()) {
                printer.println(noSuggestion(pitch));
            }
            Output.table(printer, Output.formatted(rows.stream().map(row -> {
                Map<String, Object> shown = new LinkedHashMap<>(row);
                shown.put("because", String.join(" + ", ((List<?>) row.get("because")).stream()
                        .map(String::valueOf).toList()));
                return shown;
            }).toList(), PITCH_FORMATS));
        } else {
            String whom = product != null
                    ? String.format(Locale.ROOT, "the %,d buyers of \u201c%s\u201d", size,
                            productName)
                    : String.format(Locale.ROOT, "the %,d customers in segment %d of segmentation %d", size, segment,
                            segmentation);
            printer.printf(Locale.ROOT, "Next products to pitch to %s (scored by %s): %,d have a suggestion, %,d "
                    + "none%n", whom, scoredBy, suggested, size - suggested);
            if (audience.membersWithoutPurchases() > 0) {
                printer.printf(Locale.ROOT, "Members of the segment without a paid order with a product, who get no "
                        + "suggestion: %,d%n", audience.membersWithoutPurchases());
            }
            if (products.isEmpty()) {
                printer.println(noSuggestion(pitch));
            }
            Output.table(printer, Output.formatted(products, PITCH_FORMATS));
        }
        if (written >= 0) {
            printer.printf(Locale.ROOT, "Audience list: %,d rows written to %s%n", written, out);
        }
    }

    private static String noSuggestion(Pitch pitch) {
        return pitch.score() == Pitch.Score.CONFIDENCE
                ? "No suggestion: no rule from what was bought reaches the minimums; try lower ones or --score cosine"
                : "No suggestion: no product was bought together with theirs by at least --min-support of customers";
    }

    /** A share or ratio as the user typed it, without trailing zeros. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
