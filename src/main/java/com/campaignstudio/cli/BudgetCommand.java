package com.campaignstudio.cli;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetData;
import com.campaignstudio.budget.BudgetFitException;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.Estimate;
import com.campaignstudio.budget.WeeklyHistory;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The budget split: 'budget fit' shows what each platform's spend returns, 'budget optimize' splits a budget. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "The budget split across platforms. 'budget fit' fits each platform's response to spend "
                + "(Hill saturation with carry-over, beside a baseline with trend and season) on the project's "
                + "weekly history; 'budget optimize' splits a total budget for the coming weeks for the most "
                + "expected outcome. Figures carry 90%% intervals from a seeded bootstrap.",
        subcommands = {BudgetFitCommand.class, BudgetOptimizeCommand.class})
final class BudgetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both subcommands share: which outcome, how many bootstrap refits, which seed. */
    static final class FitOptions {

        @Option(names = "--goal", paramLabel = "GOAL", defaultValue = "revenue",
                description = "revenue, buyers, registrations or ltv (the lifetime value of the buyers acquired). "
                        + "Default: ${DEFAULT-VALUE}")
        String goal;

        @Option(names = "--draws", paramLabel = "N", defaultValue = "" + BudgetAnalysis.DEFAULT_DRAWS,
                description = "Bootstrap refits behind the intervals. Default: ${DEFAULT-VALUE}")
        int draws;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "" + BudgetAnalysis.DEFAULT_SEED,
                description = "The bootstrap's seed: the same seed gives the same intervals. Default: ${DEFAULT-VALUE}")
        long seed;

        BudgetGoal goal() {
            try {
                return BudgetGoal.parse(goal);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--goal " + goal + ": choose revenue, buyers, registrations or ltv");
            }
        }

        /** The project's weekly history fitted and bootstrapped; a history that cannot carry a fit says why. */
        BudgetAnalysis analyse(Project project) throws SQLException {
            if (draws < 0) {
                throw new IllegalArgumentException("--draws " + draws + ": a number of refits is 0 or more");
            }
            try {
                BudgetGoal chosen = goal();
                WeeklyHistory history = new BudgetData(project.database()).read(chosen, TaskContext.silent());
                return BudgetAnalysis.run(history, chosen, draws, seed, TaskContext.silent());
            } catch (BudgetFitException e) {
                throw new IllegalArgumentException(e.reason().english(), e);
            }
        }
    }

    static String currency(Project project) throws SQLException {
        return new ProjectMetadata(project.database()).get(ProjectMetadata.CURRENCY).orElse("CNY");
    }

    /** An estimate for --json: its value and 90% interval; a figure that is not a number (the return of the first
     * yuan on an S-curve's steep start can be unbounded) is null. */
    static Map<String, Object> json(Estimate estimate) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("value", finite(estimate.value()));
        figure.put("low", finite(estimate.low()));
        figure.put("high", finite(estimate.high()));
        return figure;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** "1,234 (1,000 to 1,500)". */
    static String text(Estimate estimate, int decimals) {
        return number(estimate.value(), decimals) + " (" + number(estimate.low(), decimals) + " to "
                + number(estimate.high(), decimals) + ")";
    }

    /**
     * A return per yuan: with three significant figures, since buyers or registrations per yuan are small
     * ("0.00213"); "-" where it is not a number.
     */
    static String perYuan(Estimate estimate) {
        return perYuan(estimate.value()) + " (" + perYuan(estimate.low()) + " to " + perYuan(estimate.high()) + ")";
    }

    static String perYuan(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return value == 0 ? "0" : new java.math.BigDecimal(value).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString();
    }

    private static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "-";
    }
}
