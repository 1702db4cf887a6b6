package com.campaignstudio.cli;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetOptimizer;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.InfeasibleBudgetException;
import com.campaignstudio.importer.PlatformNames;
import com.campaignstudio.project.Project;
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

/** Splits a budget for the coming weeks across platforms for the most expected outcome. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Splits a total budget for the coming weeks across the platforms for the most expected "
                + "outcome, each platform within its minimum and maximum, and prints the split beside the current "
                + "spend: spend, expected outcome with its 90%% interval (and the part owed to spend already "
                + "made), ROI and the return of the next yuan, which is equal on every platform no bound holds.")
final class BudgetOptimizeCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Mixin
    BudgetCommand.FitOptions options;

    @Option(names = "--total", paramLabel = "AMOUNT", required = true,
            description = "The budget for the whole period, in the project's currency.")
    double total;

    @Option(names = "--weeks", paramLabel = "N", defaultValue = "4",
            description = "Weeks in the period. Default: ${DEFAULT-VALUE}")
    int weeks;

    @Option(names = "--min", paramLabel = "PLATFORM=AMOUNT", split = ",", description = "A platform's least spend "
            + "in the period: an amount (douyin=2000) or a share of its current spend (douyin=50%%).")
    Map<String, String> minimums;

    @Option(names = "--max", paramLabel = "PLATFORM=AMOUNT", split = ",", description = "A platform's most spend "
            + "in the period: an amount (weibo=5000) or a share of its current spend (weibo=150%%).")
    Map<String, String> maximums;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(total >= 0) || weeks < 1) {
            throw new IllegalArgumentException("--total " + total + " --weeks " + weeks
                    + ": the budget is 0 or more and the period at least a week");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Project open = project.open()) {
            BudgetAnalysis analysis = options.analyse(open);
            List<String> warnings = new ArrayList<>();
            List<BudgetOptimizer.Bounds> bounds = bounds(analysis, PlatformNames.of(open.database()), warnings);
            warnings.forEach(warning -> err.println("warning: " + warning));
            BudgetPlan.Result proposed;
            try {
                proposed = BudgetPlan.optimize(analysis, total, bounds, weeks);
            } catch (InfeasibleBudgetException e) {
                throw new IllegalArgumentException("--total " + String.format(Locale.ROOT, "%.0f", total) + ": "
                        + e.getMessage(), e);
            }
            BudgetPlan.Result current = BudgetPlan.evaluate(analysis, BudgetPlan.currentSpend(analysis.history(),
                    weeks), weeks);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("goal", analysis.goal().name().toLowerCase(Locale.ROOT));
                result.put("currency", BudgetCommand.currency(open));
                result.put("weeks", weeks);
                result.put("total", total);
                result.put("unspent", proposed.unspent());
                result.put("proposed", json(proposed));
                result.put("current", json(current));
                result.put("warnings", warnings);
                Output.json(out, result);
            } else {
                print(out, analysis, proposed, current);
            }
            return 0;
        }
    }

    /** Each platform's bounds from --min and --max; names no platform of the history knows are reported. */
    private List<BudgetOptimizer.Bounds> bounds(BudgetAnalysis analysis, PlatformNames names, List<String> warnings) {
        List<String> platforms = analysis.history().platforms();
        double[] current = BudgetPlan.currentSpend(analysis.history(), weeks);
        double[] low = new double[platforms.size()];
        double[] high = new double[platforms.size()];
        java.util.Arrays.fill(high, Double.POSITIVE_INFINITY);
        read("--min", minimums, names, platforms, current, low, warnings);
        read("--max", maximums, names, platforms, current, high, warnings);
        List<BudgetOptimizer.Bounds> bounds = new ArrayList<>();
        for (int p = 0; p < platforms.size(); p++) {
            if (high[p] < low[p]) {
                throw new IllegalArgumentException("--min/--max " + platforms.get(p) + ": the maximum "
                        + String.format(Locale.ROOT, "%.0f", high[p]) + " is below the minimum "
                        + String.format(Locale.ROOT, "%.0f", low[p]));
            }
            bounds.add(new BudgetOptimizer.Bounds(low[p], high[p]));
        }
        return bounds;
    }

    private static void read(String option, Map<String, String> given, PlatformNames names, List<String> platforms,
                             double[] current, double[] into, List<String> warnings) {
        if (given == null) {
            return;
        }
        given.forEach((name, text) -> {
            int p = names.code(name).map(platforms::indexOf).orElse(-1);
            if (p < 0) {
                warnings.add(option + ": '" + name + "' has no spend history in this project (platforms with spend: "
                        + String.join(", ", platforms) + "); left out");
                return;
            }
            into[p] = amount(option, name, text, current[p]);
        });
    }

    /** "2000" or "50%" of the current spend. */
    static double amount(String option, String name, String text, double current) {
        String trimmed = text.trim();
        try {
            double value = trimmed.endsWith("%")
                    ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim()) / 100 * current
                    : Double.parseDouble(trimmed);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(option + " " + name + "=" + text
                + ": give an amount of 0 or more (2000) or a share of the current spend (50%)");
    }

    private static List<Map<String, Object>> json(BudgetPlan.Result plan) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BudgetPlan.Row row : plan.rows()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("platform", row.platform());
            line.put("spend", row.spend());
            line.put("outcome", BudgetCommand.json(row.outcome()));
            line.put("carry_over", BudgetCommand.json(row.carryOver()));
            line.put("roi", row.roi().map(BudgetCommand::json).orElse(null));
            line.put("marginal", BudgetCommand.json(row.marginal()));
            line.put("bound", row.atMax() ? "max" : row.atMin() ? "min" : null);
            rows.add(line);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("platforms", rows);
        total.put("spend", plan.spent());
        total.put("outcome", BudgetCommand.json(plan.total()));
        return List.of(total);
    }

    private static void print(PrintWriter out, BudgetAnalysis analysis, BudgetPlan.Result proposed,
                              BudgetPlan.Result current) {
        out.printf(Locale.ROOT, "Split for the most expected %s (90%% intervals)%n",
                analysis.goal().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> table = new ArrayList<>();
        for (int p = 0; p < proposed.rows().size(); p++) {
            BudgetPlan.Row row = proposed.rows().get(p);
            BudgetPlan.Row now = current.rows().get(p);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("platform", row.platform());
            line.put("current spend", String.format(Locale.ROOT, "%,.0f", now.spend()));
            line.put("proposed spend", String.format(Locale.ROOT, "%,.0f", row.spend()));
            line.put("expected", BudgetCommand.text(row.outcome(), 0));
            line.put("of which carry-over", String.format(Locale.ROOT, "%,.0f", row.carryOver().value()));
            line.put("ROI", row.roi().map(roi -> BudgetCommand.perYuan(roi.value())).orElse("-"));
            line.put("next yuan", BudgetCommand.perYuan(row.marginal().value()));
            line.put("bound", row.atMax() ? "at maximum" : row.atMin() ? "at minimum" : "");
            table.add(line);
        }
        Output.table(out, table);
        out.println("Proposed: " + String.format(Locale.ROOT, "%,.0f", proposed.spent()) + " spent, expected "
                + BudgetCommand.text(proposed.total(), 0) + "; current: "
                + String.format(Locale.ROOT, "%,.0f", current.spent()) + " spent, expected "
                + BudgetCommand.text(current.total(), 0));
        if (proposed.unspent() > 0) {
            out.println(String.format(Locale.ROOT, "%,.0f", proposed.unspent())
                    + " left unspent: every platform is at its maximum");
        }
    }
}
