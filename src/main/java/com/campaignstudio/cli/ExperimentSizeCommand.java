package com.campaignstudio.cli;

import com.campaignstudio.experiments.SampleSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Plans an experiment: people per arm for a lift, power and significance, and days at a daily traffic. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "How many people each arm needs to detect a lift, and for how many days: the standard "
                + "two-proportion formula (two-sided; with more than two arms alpha is divided by the comparisons).")
final class ExperimentSizeCommand implements Callable<Integer> {

    @Option(names = "--baseline", paramLabel = "RATE", required = true,
            description = "The control's conversion rate, such as 0.05 for 5%%.")
    double baseline;

    @Option(names = "--lift", paramLabel = "LIFT", required = true, description = "The smallest lift worth "
            + "detecting, relative to the baseline (0.2 = +20%%), or absolute with --absolute (0.01 = +1 point).")
    double lift;

    @Option(names = "--absolute", description = "Read --lift as an absolute difference in conversion rate.")
    boolean absolute;

    @Option(names = "--power", paramLabel = "SHARE", defaultValue = "0.8",
            description = "The chance of detecting the lift if it is real. Default: ${DEFAULT-VALUE}")
    double power;

    @Option(names = "--alpha", paramLabel = "SHARE", defaultValue = "0.05",
            description = "The two-sided significance level. Default: ${DEFAULT-VALUE}")
    double alpha;

    @Option(names = "--arms", paramLabel = "N", defaultValue = "2",
            description = "Arms, the control included. Default: ${DEFAULT-VALUE}")
    int arms;

    @Option(names = "--daily", paramLabel = "PEOPLE", description = "People a day entering the experiment, all arms "
            + "together, to say how many days it takes.")
    Double daily;

    @Option(names = "--daily-per-arm", paramLabel = "PEOPLE", description = "Instead of --daily: people a day in "
            + "each arm.")
    Double dailyPerArm;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (daily != null && dailyPerArm != null) {
            throw new IllegalArgumentException("give the traffic once: --daily (all arms together) or --daily-per-arm");
        }
        SampleSize.Inputs inputs = new SampleSize.Inputs(baseline, lift,
                absolute ? SampleSize.LiftKind.ABSOLUTE : SampleSize.LiftKind.RELATIVE, power, alpha, arms);
        SampleSize.Plan plan = daily != null ? SampleSize.plan(inputs, daily, false)
                : dailyPerArm != null ? SampleSize.plan(inputs, dailyPerArm, true) : SampleSize.plan(inputs);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("baseline", baseline);
        row.put("target", plan.target());
        row.put("absolute_lift", plan.target() - baseline);
        row.put("relative_lift", plan.target() / baseline - 1);
        row.put("power", power);
        row.put("alpha", alpha);
        row.put("alpha_per_comparison", plan.alphaPerComparison());
        row.put("arms", arms);
        row.put("per_arm", plan.perArm());
        row.put("total", plan.total());
        row.put("days", plan.days().orElse(null));
        if (json) {
            Output.json(out, row);
            return 0;
        }
        out.printf(Locale.ROOT, "From %s to %s (%s relative, %s), power %s, alpha %s two-sided%s.%n",
                Output.percent(baseline), Output.percent(plan.target()),
                ExperimentCommand.signedPercent(plan.target() / baseline - 1),
                ExperimentCommand.points(plan.target() - baseline, true), Output.percent(power), alpha,
                arms > 2 ? String.format(Locale.ROOT, " (%s for each of the %d comparisons with the control)",
                        String.format(Locale.ROOT, "%.4g", plan.alphaPerComparison()), arms - 1) : "");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("per_arm", String.format(Locale.ROOT, "%,d", plan.perArm()));
        shown.put("arms", arms);
        shown.put("total", String.format(Locale.ROOT, "%,d", plan.total()));
        shown.put("days", plan.days().map(String::valueOf).orElse("- (give --daily)"));
        Output.table(out, List.of(shown));
        return 0;
    }
}
