package com.campaignstudio.cli;

import com.campaignstudio.drivers.DriverInput;
import com.campaignstudio.drivers.DriverTable;
import com.campaignstudio.drivers.DriverTableReader;
import com.campaignstudio.drivers.DriverText;
import com.campaignstudio.drivers.Drivers;
import com.campaignstudio.drivers.DriversResult;
import com.campaignstudio.drivers.Outcome;
import com.campaignstudio.drivers.Term;
import com.campaignstudio.project.Project;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** What goes with buying, per follower: a logistic or linear regression on the inputs picked. */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "What goes with buying, per follower: a logistic regression of bought (a paid order or more) or a "
                + "linear one of the number of paid orders on the inputs picked, with coefficients, 95%% intervals, "
                + "p-values, variance inflation factors, warnings for collinear inputs and small samples, and a plain "
                + "sentence per input.")
final class DriversCommand implements Callable<Integer> {

    /** Used when --inputs is not given, those of them the project has. */
    static final List<DriverInput> DEFAULT_INPUTS = List.of(DriverInput.VIEWS, DriverInput.CLICKS,
            DriverInput.WATCH_MINUTES, DriverInput.PLATFORM);

    @Mixin
    ProjectOption project;

    @Option(names = "--outcome", paramLabel = "OUTCOME", defaultValue = "bought",
            description = "bought (logistic regression) or orders (linear regression). Default: ${DEFAULT-VALUE}")
    String outcome;

    @Option(names = "--inputs", paramLabel = "INPUT", split = ",",
            description = "views, likes, comments, shares, clicks, live_watch, watch_minutes, tenure_days, platform, "
                    + "segment (of the most recent saved segmentation). Default: views, clicks, watch_minutes and "
                    + "platform, those the project has.")
    List<String> inputs;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Outcome chosenOutcome = Outcome.byKey(outcome.toLowerCase(Locale.ROOT));
        List<DriverInput> chosen = new ArrayList<>();
        if (inputs != null) {
            for (String key : inputs) {
                chosen.add(DriverInput.byKey(key.trim().toLowerCase(Locale.ROOT)));
            }
        }
        DriverTable table;
        try (Project open = project.open()) {
            table = new DriverTableReader(open.database()).read(TaskContext.silent());
        }
        if (inputs == null) {
            DEFAULT_INPUTS.stream().filter(table.inputs()::contains).forEach(chosen::add);
        }
        DriversResult result = Drivers.fit(table, chosenOutcome, chosen, TaskContext.silent());
        PrintWriter out = spec.commandLine().getOut();
        DriverText text = DriverText.english();
        if (json) {
            Output.json(out, asJson(result, table, text));
        } else {
            print(out, result, table, text);
        }
        return 0;
    }

    private static Map<String, Object> asJson(DriversResult result, DriverTable table, DriverText text) {
        boolean logistic = result.outcome().logistic();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", result.outcome().key());
        out.put("model", logistic ? "logistic" : "linear");
        out.put("followers", result.rows());
        out.put("left_out", result.leftOut());
        out.put("buyers", result.buyers());
        out.put(logistic ? "share_bought" : "mean_orders", result.meanOutcome());
        out.put(logistic ? "pseudo_r_squared" : "r_squared", result.fit());
        out.put("intercept", result.intercept());
        out.put("segmentation", table.segmentation());
        Map<String, String> references = new LinkedHashMap<>();
        result.references().forEach((input, level) -> references.put(input.key(), level));
        out.put("references", references);
        out.put("terms", result.terms().stream().map(term -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", term.input().key());
            row.put("level", term.level());
            row.put("coefficient", term.estimate());
            row.put("standard_error", term.standardError());
            row.put("low", term.low());
            row.put("high", term.high());
            row.put("p_value", term.pValue());
            row.put("vif", term.vif());
            row.put("step", term.unit());
            row.put(logistic ? "odds_ratio" : "change", term.effect());
            row.put(logistic ? "odds_ratio_low" : "change_low", term.effectLow());
            row.put(logistic ? "odds_ratio_high" : "change_high", term.effectHigh());
            if (logistic) {
                row.put("change_in_share_at_average", term.pointsAtMean());
            }
            row.put("sentence", text.sentence(term, result));
            return row;
        }).toList());
        out.put("warnings", text.warnings(result));
        return out;
    }

    private static void print(PrintWriter out, DriversResult result, DriverTable table, DriverText text) {
        boolean logistic = result.outcome().logistic();
        out.printf(Locale.ROOT, "%s regression of %s on %s: %,d followers, %,d bought (%s)%s%n",
                logistic ? "Logistic" : "Linear", logistic ? "bought (a paid order or more)" : "paid orders",
                String.join(", ", result.inputs().stream().map(text::input).toList()), result.rows(), result.buyers(),
                logistic ? Output.percent(result.meanOutcome())
                        : String.format(Locale.ROOT, "%.3f orders per follower", result.meanOutcome()),
                result.inputs().contains(DriverInput.SEGMENT) ? "; segments of \"" + table.segmentation() + "\"" : "");
        result.references().forEach((input, level) -> out.println("Reference " + text.input(input).toLowerCase(
                Locale.ROOT) + ": " + text.levelName(input, level)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Term term : result.terms()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", text.term(term));
            row.put(logistic ? "log-odds" : "coefficient", text.significant(term.estimate(), 4));
            row.put("95% interval", text.significant(term.low(), 3) + " to " + text.significant(term.high(), 3));
            row.put("p", pValue(term.pValue()));
            row.put("VIF", String.format(Locale.ROOT, "%.1f", term.vif()));
            row.put("step", term.level() == null ? String.format(Locale.ROOT, "%,.0f", term.unit()) : "level");
            row.put(logistic ? "odds ratio per step" : "orders per step", text.significant(term.effect(), 3) + " ("
                    + text.significant(term.effectLow(), 3) + " to " + text.significant(term.effectHigh(), 3) + ")");
            rows.add(row);
        }
        Output.table(out, rows);
        out.printf(Locale.ROOT, "%s %.3f%n", logistic ? "McFadden pseudo-R²" : "R²", result.fit());
        out.println();
        for (Term term : result.terms()) {
            out.println("- " + text.sentence(term, result));
        }
        text.warnings(result).forEach(warning -> out.println("Warning: " + warning));
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
