package com.campaignstudio.cli;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.HillCurve;
import com.campaignstudio.budget.MixModel;
import com.campaignstudio.project.Project;
import com.campaignstudio.text.Reason;
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

/** Fits each platform's response to spend and says what its ads brought and what the next yuan brings. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fits each platform's weekly response to spend on the project's history and prints, per "
                + "platform, what its ads brought over the history, the return per yuan (ROI), the return of the "
                + "next yuan at the current spend, the carry-over into later weeks, and the curve's parameters, "
                + "with 90%% bootstrap intervals; and the fit's R² and hold-out error.")
final class BudgetFitCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Mixin
    BudgetCommand.FitOptions options;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Project open = project.open()) {
            BudgetAnalysis analysis = options.analyse(open);
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> rows = rows(analysis);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("goal", analysis.goal().name().toLowerCase(Locale.ROOT));
                result.put("currency", BudgetCommand.currency(open));
                result.put("first_week", analysis.history().firstWeek().toString());
                result.put("weeks", analysis.history().weeks());
                result.put("r2", analysis.fit().r2());
                result.put("holdout_error", analysis.holdoutError().isPresent()
                        ? analysis.holdoutError().getAsDouble() : null);
                result.put("seasonal", analysis.fit().seasonal());
                result.put("ads_share", BudgetCommand.json(analysis.adsShare()));
                result.put("draws", analysis.draws().size());
                result.put("platforms", rows);
                result.put("notes", analysis.notes().stream().map(Reason::english).toList());
                Output.json(out, result);
            } else {
                print(out, analysis, rows);
            }
            return 0;
        }
    }

    private static List<Map<String, Object>> rows(BudgetAnalysis analysis) {
        Map<String, Double> current = com.campaignstudio.budget.BudgetData.recentWeeklySpend(analysis.history(),
                BudgetPlan.RECENT_WEEKS);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int p = 0; p < analysis.platforms(); p++) {
            String platform = analysis.history().platforms().get(p);
            MixModel.Shape shape = analysis.fit().shapes().get(p);
            HillCurve steady = analysis.fit().steadyCurve(p);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", platform);
            row.put("spend", java.util.Arrays.stream(analysis.history().spend()[p]).sum());
            row.put("current_weekly_spend", current.get(platform));
            row.put("contribution", BudgetCommand.json(analysis.contribution(p)));
            row.put("roi", analysis.roi(p).map(BudgetCommand::json).orElse(null));
            row.put("marginal_at_current", BudgetCommand.json(analysis.weeklyMarginal(p, current.get(platform))));
            row.put("carry_over", shape.theta());
            row.put("hill_alpha", shape.alpha());
            row.put("weekly_max", steady.beta());
            row.put("weekly_half_saturation", steady.kappa());
            row.put("unsaturated", analysis.unsaturated(p));
            rows.add(row);
        }
        return rows;
    }

    private static void print(PrintWriter out, BudgetAnalysis analysis, List<Map<String, Object>> rows) {
        out.printf(Locale.ROOT, "Response to spend, %s, %d weeks from %s (R² %.2f%s)%n",
                analysis.goal().name().toLowerCase(Locale.ROOT), analysis.history().weeks(),
                analysis.history().firstWeek(), analysis.fit().r2(), analysis.holdoutError().isPresent()
                        ? String.format(Locale.ROOT, ", hold-out error %.1f%%",
                        analysis.holdoutError().getAsDouble() * 100) : "");
        List<Map<String, Object>> table = new ArrayList<>();
        for (int p = 0; p < rows.size(); p++) {
            Map<String, Object> row = rows.get(p);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("platform", row.get("platform"));
            line.put("weekly spend now", String.format(Locale.ROOT, "%,.0f", (Double) row.get("current_weekly_spend")));
            line.put("ads brought (90%)", BudgetCommand.text(analysis.contribution(p), 0));
            line.put("ROI (90%)", analysis.roi(p).map(BudgetCommand::perYuan).orElse("no spend"));
            line.put("next yuan (90%)", BudgetCommand.perYuan(analysis.weeklyMarginal(p,
                    (Double) row.get("current_weekly_spend"))));
            line.put("carry-over", String.format(Locale.ROOT, "%.2f", (Double) row.get("carry_over")));
            line.put("note", analysis.unsaturated(p) ? "does not flatten within the spend seen" : "");
            table.add(line);
        }
        Output.table(out, table);
        out.println("Ads' share of the outcome (90%): " + BudgetCommand.text(analysis.adsShare(), 3));
        analysis.notes().forEach(note -> out.println("Note: " + note.english()));
    }
}
