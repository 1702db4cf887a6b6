package com.campaignstudio.cli;

import com.campaignstudio.importer.PlatformNames;
import com.campaignstudio.project.Project;
import com.campaignstudio.schedule.Goal;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PostFormats;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.schedule.Suggester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** Proposes a week of posts: where each platform's posts go for the best expected goal, and why. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Proposes where a week's posts should go: each platform's posts in the hours that bring the "
                + "most expected reach, buyers or revenue (slot engagement rates, reach decay and the audience "
                + "fatigue of overlapping posts), with the reason for each slot and the simulated result with 80%% "
                + "intervals. Unknown platforms and more posts than free hours are reported and the rest is planned.")
final class ScheduleSuggestCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--posts", paramLabel = "PLATFORM=N", required = true, split = ",",
            description = "Posts wanted per platform, such as weibo=3,douyin=5 (platform codes or names: 抖音=5).")
    Map<String, Integer> posts;

    @Option(names = "--goal", paramLabel = "GOAL", defaultValue = "reach",
            description = "reach, buyers or revenue. Default: ${DEFAULT-VALUE}")
    String goal;

    @Option(names = "--week", paramLabel = "DATE", description = "The first day of the week to plan (yyyy-MM-dd). "
            + "Default: next Monday. In a week already begun, posts are suggested from now on.")
    LocalDate week;

    @Option(names = "--format", paramLabel = "PLATFORM=FORMAT", split = ",", description = "The format of a "
            + "platform's posts (video, article, image, live or other), such as douyin=video,weibo=image. "
            + "Default: video.")
    Map<String, String> formats;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Goal chosenGoal = Goal.parse(goal);
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        try (Project open = project.open()) {
            ScheduleCommand.ProjectSchedule schedule = ScheduleCommand.ProjectSchedule.of(open);
            PlatformNames names = PlatformNames.of(open.database());
            LocalDateTime now = schedule.now();
            LocalDate start = week != null ? week : ScheduleCommand.nextMonday(now.toLocalDate());
            SchedulePlan period = SchedulePlan.week(start.atStartOfDay(), List.of());
            if (!period.end().isAfter(now)) {
                throw new IllegalArgumentException("--week " + start + ": that week is over (it is now " + now
                        + " in the project's time zone, " + schedule.zone() + "); choose a week that has not ended, "
                        + "such as --week " + ScheduleCommand.nextMonday(now.toLocalDate()));
            }
            if (period.start().isBefore(now)) {
                warnings.add("the week of " + start + " has begun: posts are suggested from " + now + " on");
            }
            Map<String, Integer> wanted = wanted(names, schedule, warnings);
            Map<String, String> chosenFormats = formats(names, warnings);
            Suggester.Suggestion suggestion = new Suggester(schedule.model()).suggest(new Suggester.Request(period,
                    wanted, chosenFormats, chosenGoal, now, Map.of()));
            suggestion.shortOfSlots().forEach((platform, missing) -> warnings.add(platform + ": " + wanted.get(platform)
                    + " posts asked, only " + (wanted.get(platform) - missing) + " free hours left in the week; "
                    + missing + " left out"));
            warnings.forEach(warning -> err.println("warning: " + warning));
            Simulation simulation = new Simulator(schedule.model()).simulate(suggestion.plan());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, asJson(suggestion, simulation, schedule, warnings));
            } else {
                print(out, suggestion, simulation, schedule);
            }
            return 0;
        }
    }

    /** The posts asked for, by platform code; names no platform of the project knows are reported and left out. */
    private Map<String, Integer> wanted(PlatformNames names, ScheduleCommand.ProjectSchedule schedule,
                                        List<String> warnings) {
        Map<String, Integer> wanted = new TreeMap<>();
        posts.forEach((name, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("--posts " + name + "=" + count + ": a number of posts is 0 or more");
            }
            var code = names.code(name).filter(schedule.model().platforms()::containsKey);
            if (code.isEmpty()) {
                warnings.add("--posts: '" + name + "' is not a platform of this project (its platforms: "
                        + String.join(", ", new TreeMap<>(schedule.model().platforms()).keySet()) + "); left out");
            } else {
                wanted.merge(code.get(), count, Integer::sum);
            }
        });
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--posts names no platform of this project: nothing to suggest");
        }
        return wanted;
    }

    private Map<String, String> formats(PlatformNames names, List<String> warnings) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (formats == null) {
            return chosen;
        }
        formats.forEach((name, word) -> {
            String format = PostFormats.code(word).orElseThrow(() -> new IllegalArgumentException("--format " + name
                    + "=" + word + ": choose " + String.join(", ", PostFormats.CODES)));
            names.code(name).ifPresentOrElse(code -> chosen.put(code, format),
                    () -> warnings.add("--format: '" + name + "' is not a platform of this project; left out"));
        });
        return chosen;
    }

    private static Map<String, Object> asJson(Suggester.Suggestion suggestion, Simulation simulation,
                                              ScheduleCommand.ProjectSchedule schedule, List<String> warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("week_start", suggestion.plan().start().toLocalDate().toString());
        result.put("week_end", suggestion.plan().end().toLocalDate().minusDays(1).toString());
        result.put("time_zone", schedule.zone().getId());
        result.put("goal", suggestion.goal().key());
        result.put("expected_goal", suggestion.expected());
        result.put("currency", schedule.currency());
        Map<String, Integer> counts = new TreeMap<>();
        suggestion.plan().posts().forEach(post -> counts.merge(post.platform(), 1, Integer::sum));
        result.put("counts", counts);
        result.put("short_of_slots", suggestion.shortOfSlots());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < suggestion.reasons().size(); i++) {
            Suggester.Reason reason = suggestion.reasons().get(i);
            Map<String, Object> row = ScheduleCommand.json(reason.post());
            row.put("lift", reason.lift());
            row.put("fatigue", reason.fatigue());
            row.put("overlaps_with", reason.overlapsWith().map(post -> post.at().toString()).orElse(null));
            row.put("reason", reason(reason));
            row.putAll(ScheduleCommand.json(simulation.posts().get(i).outcome()));
            rows.add(row);
        }
        result.put("posts", rows);
        result.put("total", ScheduleCommand.json(simulation.total()));
        result.put("warnings", warnings);
        return result;
    }

    private static void print(PrintWriter out, Suggester.Suggestion suggestion, Simulation simulation,
                              ScheduleCommand.ProjectSchedule schedule) {
        out.printf(Locale.ROOT, "Suggested posts for the week of %s (%s), for the most expected %s%n",
                suggestion.plan().start().toLocalDate(), schedule.zone(), suggestion.goal().key());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < suggestion.reasons().size(); i++) {
            Suggester.Reason reason = suggestion.reasons().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", reason.post().platform());
            row.put("when", reason.post().at().toLocalDate() + " " + ScheduleCommand.when(reason.post().at()));
            row.put("format", reason.post().format());
            row.put("reach (80%)", ScheduleCommand.text(simulation.posts().get(i).outcome().reach(), Metric.REACH));
            row.put("buyers (80%)", ScheduleCommand.text(simulation.posts().get(i).outcome().buyers(), Metric.BUYERS));
            row.put("why", reason(reason));
            rows.add(row);
        }
        Output.table(out, rows);
        out.println("Total: " + ScheduleCommand.totals(simulation.total(), schedule.currency()));
    }

    /** "+34% engagement vs the platform's mean; shares its audience with the post of Tue 21:00 (-12%)". */
    static String reason(Suggester.Reason reason) {
        String lift = String.format(Locale.ROOT, "%+.0f%% engagement vs the platform's mean", reason.lift() * 100);
        if (reason.overlapsWith().isEmpty() || reason.overlapLoss() < 0.005) {
            return lift + "; no overlap with another post";
        }
        return lift + String.format(Locale.ROOT, "; shares its audience with the post of %s (-%.0f%% reach)",
                ScheduleCommand.when(reason.overlapsWith().get().at()), reason.overlapLoss() * 100);
    }
}
