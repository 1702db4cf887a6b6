package com.campaignstudio.cli;

import com.campaignstudio.importer.PlatformNames;
import com.campaignstudio.project.Project;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.Outcome;
import com.campaignstudio.schedule.PlanCsv;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Predicts what a plan file should bring, per post, per platform and in total. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Predicts what a plan should bring: per post, per platform and in total the expected reach, "
                + "engagements, clicks, registrations, buyers and revenue with their 80%% intervals (a seeded Monte "
                + "Carlo simulation). The plan is a CSV file (platform, date, time, format, topic, boost, locked; "
                + "English or Chinese headers). Rows with problems are named on stderr and the rest is simulated.")
final class ScheduleSimulateCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--plan", paramLabel = "FILE.csv", required = true, description = "The plan file.")
    Path plan;

    @Option(names = "--week", paramLabel = "DATE", description = "The first day of the plan's week (yyyy-MM-dd), "
            + "which weekday names (Mon, 周一) in the file refer to. Default: the Monday of the file's earliest date, "
            + "else next Monday.")
    LocalDate week;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (Project open = project.open()) {
            ScheduleCommand.ProjectSchedule schedule = ScheduleCommand.ProjectSchedule.of(open);
            LocalDateTime now = schedule.now();
            LocalDate start = week != null ? week : PlanCsv.earliestDate(plan)
                    .map(day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                    .orElse(ScheduleCommand.nextMonday(now.toLocalDate()));
            SchedulePlan period = SchedulePlan.week(start.atStartOfDay(), List.of());
            PlanCsv.PlanRead read = PlanCsv.read(plan, period, PlatformNames.of(open.database()), now);
            List<String> warnings = new ArrayList<>(read.problems().stream().map(PlanCsv.RowProblem::english).toList());
            Simulation simulation = new Simulator(schedule.model()).simulate(period.withPosts(read.posts()));
            simulation.unknown().stream().map(PlannedPost::platform).distinct().forEach(platform -> warnings.add(
                    plan.getFileName() + ": the project has no model of " + platform + ", so its posts were left out"));
            warnings.forEach(warning -> err.println("warning: " + warning));
            if (simulation.posts().isEmpty()) {
                throw new IllegalArgumentException(plan.getFileName() + ": no post could be simulated"
                        + (read.problems().isEmpty() ? " (the plan has no rows)" : " (the rows' problems are above)"));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, asJson(simulation, read, schedule, warnings));
            } else {
                print(out, simulation, schedule);
            }
            return 0;
        }
    }

    private static Map<String, Object> asJson(Simulation simulation, PlanCsv.PlanRead read,
                                              ScheduleCommand.ProjectSchedule schedule, List<String> warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("week_start", simulation.plan().start().toLocalDate().toString());
        result.put("week_end", simulation.plan().end().toLocalDate().minusDays(1).toString());
        result.put("time_zone", schedule.zone().getId());
        result.put("currency", schedule.currency());
        result.put("draws", simulation.draws());
        result.put("posts", simulation.posts().stream().map(outcome -> {
            Map<String, Object> row = ScheduleCommand.json(outcome.post());
            row.put("lift", outcome.lift());
            row.put("fatigue", outcome.fatigue());
            row.putAll(ScheduleCommand.json(outcome.outcome()));
            return row;
        }).toList());
        Map<String, Object> byPlatform = new LinkedHashMap<>();
        simulation.byPlatform().forEach((platform, outcome) -> byPlatform.put(platform, ScheduleCommand.json(outcome)));
        result.put("by_platform", byPlatform);
        result.put("total", ScheduleCommand.json(simulation.total()));
        result.put("problems", read.problems().stream().map(problem -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", problem.file());
            row.put("row", problem.row());
            row.put("column", problem.column());
            row.put("value", problem.value());
            row.put("reason", problem.reason());
            return row;
        }).toList());
        result.put("left_out", simulation.unknown().stream().map(ScheduleCommand::json).toList());
        result.put("warnings", warnings);
        return result;
    }

    private static void print(PrintWriter out, Simulation simulation, ScheduleCommand.ProjectSchedule schedule) {
        out.printf(Locale.ROOT, "Plan for the week of %s (%s): %d posts, %,d draws; each figure with its 80%% "
                        + "interval%n", simulation.plan().start().toLocalDate(), schedule.zone(),
                simulation.posts().size(), simulation.draws());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Simulation.PostOutcome outcome : simulation.posts()) {
            PlannedPost post = outcome.post();
            rows.add(row(post.platform(), post.at().toLocalDate() + " " + ScheduleCommand.when(post.at()),
                    post.format(), outcome.outcome(), schedule.currency()));
        }
        simulation.byPlatform().forEach((platform, outcome) -> rows.add(row(platform, "all", "",
                outcome, schedule.currency())));
        rows.add(row("total", "", "", simulation.total(), schedule.currency()));
        Output.table(out, rows);
    }

    private static Map<String, Object> row(String platform, String when, String format, Outcome outcome,
                                           String currency) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("platform", platform);
        row.put("when", when);
        row.put("format", format);
        for (Metric metric : Metric.values()) {
            row.put(metric == Metric.REVENUE ? "revenue (" + currency + ")" : metric.key(),
                    ScheduleCommand.text(outcome.get(metric), metric));
        }
        return row;
    }
}
