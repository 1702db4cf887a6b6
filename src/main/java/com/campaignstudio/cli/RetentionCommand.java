package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.retention.Activity;
import com.campaignstudio.retention.Cohort;
import com.campaignstudio.retention.CohortBasis;
import com.campaignstudio.retention.PlatformRevenue;
import com.campaignstudio.retention.Retention;
import com.campaignstudio.retention.RetentionCell;
import com.campaignstudio.retention.RetentionResult;
import com.campaignstudio.retention.RetentionSettings;
import com.campaignstudio.retention.StreakRatios;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
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

/** Cohort retention, revenue retention and the consecutive / total active days ratio. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Cohorts by first purchase or follow: the share of each cohort active in each later period (with "
                + "95%% Wilson intervals), cumulative revenue per member by cohort and by acquisition platform, and the "
                + "distribution of consecutive / total active days.")
final class RetentionCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--cohort", paramLabel = "BASIS", defaultValue = "purchase",
            description = "purchase (first paid order) or follow. Default: ${DEFAULT-VALUE}")
    String cohort;

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "week or month. Default: ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--activity", paramLabel = "ACTIVITY", defaultValue = "purchase",
            description = "What makes someone active in a period: purchase (a paid order) or engagement (any event or "
                    + "paid order). Default: ${DEFAULT-VALUE}")
    String activity;

    @Option(names = "--cohorts", paramLabel = "N", defaultValue = "12",
            description = "The most recent N cohorts (0: all). Default: ${DEFAULT-VALUE}")
    int cohorts;

    @Option(names = "--periods", paramLabel = "K", defaultValue = "12",
            description = "Periods from the cohort's own (0: all). Default: ${DEFAULT-VALUE}")
    int periods;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RetentionSettings settings = new RetentionSettings(CohortBasis.byKey(cohort.toLowerCase(Locale.ROOT)),
                Period.byKey(period.toLowerCase(Locale.ROOT)), Activity.byKey(activity.toLowerCase(Locale.ROOT)),
                cohorts, periods);
        RetentionResult result;
        String currency;
        try (Project open = project.open()) {
            currency = new ProjectMetadata(open.database()).get(ProjectMetadata.CURRENCY).orElse("CNY");
            result = Retention.run(new Snapshots().of(open.database(), TaskContext.silent()), settings,
                    TaskContext.silent());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, asJson(result, currency));
        } else {
            print(out, result, currency);
        }
        return 0;
    }

    private static Map<String, Object> asJson(RetentionResult result, String currency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cohort", result.settings().cohort().key());
        out.put("period", result.settings().period().key());
        out.put("activity", result.settings().activity().key());
        out.put("data_end", result.dataEnd().toString());
        out.put("currency", currency);
        out.put("cohorts", result.cohorts().stream().map(cohort -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cohort", cohort.label().key());
            row.put("starts", result.settings().period().start(cohort.period()).toString());
            row.put("size", cohort.size());
            row.put("cells", cohort.cells().stream().map(cell -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("offset", cell.offset());
                c.put("active", cell.active());
                c.put("share", cell.share().rate());
                c.put("share_low", cell.share().low());
                c.put("share_high", cell.share().high());
                c.put("revenue_per_member", round(cell.revenuePerMember()));
                c.put("partial", cell.partial());
                return c;
            }).toList());
            return row;
        }).toList());
        out.put("revenue_by_platform", result.byPlatform().stream().map(platform -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", platform.platform().key());
            row.put("name", platform.platform().english());
            row.put("members", platform.members());
            row.put("points", platform.points().stream().map(point -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("offset", point.offset());
                p.put("observed", point.observed());
                p.put("revenue_per_member", round(point.revenuePerMember()));
                return p;
            }).toList());
            return row;
        }).toList());
        StreakRatios streaks = result.streaks();
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("people", streaks.people());
        ratio.put("single_day", streaks.singleDay());
        ratio.put("mean", streaks.mean().orElse(null));
        ratio.put("median", streaks.median().orElse(null));
        ratio.put("bins", streaks.bins());
        out.put("consecutive_active_days_ratio", ratio);
        out.put("notes", result.notes());
        return out;
    }

    private static void print(PrintWriter out, RetentionResult result, String currency) {
        RetentionSettings settings = result.settings();
        out.printf(Locale.ROOT, "Retention: cohorts by first %s, by %s, active = %s; data end %s%n",
                settings.cohort().key(), settings.period().key(), settings.activity().key(), result.dataEnd());
        out.println("Share active (* = period not over):");
        Output.table(out, matrix(result.cohorts(), cell -> Output.percent(cell.share().rate()) + (cell.partial() ? "*" : "")));
        out.println();
        out.println("Cumulative revenue per member (" + currency + "):");
        Output.table(out, matrix(result.cohorts(), cell -> String.format(Locale.ROOT, "%.0f", cell.revenuePerMember())
                + (cell.partial() ? "*" : "")));
        out.println();
        out.println("Cumulative revenue per member by acquisition platform (" + currency + "):");
        Output.table(out, platformRows(result.byPlatform()));
        StreakRatios streaks = result.streaks();
        out.println();
        out.printf(Locale.ROOT, "Consecutive / total active days: %,d people with two or more active days, mean %s, "
                        + "median %s (%,d with a single day left out)%n", streaks.people(),
                streaks.mean().map(Output::percent).orElse("-"), streaks.median().map(Output::percent).orElse("-"),
                streaks.singleDay());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int b = 0; b < streaks.bins().size(); b++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ratio", b * 10 + "-" + (b + 1) * 10 + "%");
            row.put("people", String.format(Locale.ROOT, "%,d", streaks.bins().get(b)));
            bins.add(row);
        }
        if (streaks.people() > 0) {
            Output.table(out, bins);
        }
        result.notes().forEach(note -> out.println("Note: " + note));
    }

    private static List<Map<String, Object>> matrix(List<Cohort> cohorts,
                                                    java.util.function.Function<RetentionCell, String> cellText) {
        int width = cohorts.stream().mapToInt(cohort -> cohort.cells().size()).max().orElse(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Cohort cohort : cohorts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cohort", cohort.label().english());
            row.put("size", String.format(Locale.ROOT, "%,d", cohort.size()));
            for (int k = 0; k < width; k++) {
                row.put("+" + k, k < cohort.cells().size() ? cellText.apply(cohort.cells().get(k)) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> platformRows(List<PlatformRevenue> platforms) {
        int width = platforms.stream().mapToInt(p -> p.points().size()).max().orElse(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlatformRevenue platform : platforms) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", platform.platform().english());
            row.put("members", String.format(Locale.ROOT, "%,d", platform.members()));
            for (int k = 0; k < width; k++) {
                row.put("+" + k, k < platform.points().size()
                        ? String.format(Locale.ROOT, "%.0f", platform.points().get(k).revenuePerMember()) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
