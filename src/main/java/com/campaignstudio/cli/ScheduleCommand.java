package com.campaignstudio.cli;

import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.Outcome;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.ScheduleModel;
import com.campaignstudio.schedule.ScheduleModels;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The posting schedule: 'schedule suggest' proposes a week of posts, 'schedule simulate' predicts a plan file. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "The posting schedule. 'schedule suggest' proposes where a week's posts should go for the best "
                + "expected reach, buyers or revenue; 'schedule simulate' predicts what a plan (a CSV file) should "
                + "bring, per post and in total, with 80%% intervals from a seeded Monte Carlo simulation.",
        subcommands = {ScheduleSuggestCommand.class, ScheduleSimulateCommand.class})
final class ScheduleCommand implements Runnable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * What both subcommands read of the project: its model as the planner reads it (the Best time view's settings,
     * fatigue fitted to the posts), time zone and currency.
     */
    record ProjectSchedule(ScheduleModel model, ZoneId zone, String currency) {

        static ProjectSchedule of(Project project) throws SQLException, FunnelException {
            return new ProjectSchedule(
                    ScheduleModels.forProject(project.database(), new Snapshots(), ScheduleSettings.defaults(), false,
                            TaskContext.silent()).built().model(),
                    ProjectSettings.read(project.database()).zone(),
                    new ProjectMetadata(project.database()).get(ProjectMetadata.CURRENCY).orElse("CNY"));
        }

        /** The present in the project's time zone, to the minute. */
        LocalDateTime now() {
            return LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        }
    }

    /** The Monday after {@code today}: the next whole week. */
    static LocalDate nextMonday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** "Thu 21:00". */
    static String when(LocalDateTime at) {
        return at.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + CLOCK.format(at);
    }

    /** A post's figures for --json: per metric its mean and 80% interval. */
    static Map<String, Object> json(Outcome outcome) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            Band band = outcome.get(metric);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("mean", band.mean());
            values.put("low", band.low());
            values.put("high", band.high());
            figures.put(metric.key(), values);
        }
        return figures;
    }

    static Map<String, Object> json(PlannedPost post) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("platform", post.platform());
        row.put("at", post.at().toString());
        row.put("format", post.format());
        row.put("topic", post.topic());
        row.put("boost", post.boost());
        row.put("locked", post.locked());
        return row;
    }

    /** "1,234 (900 to 1,500)": a figure and its 80% interval, as the tables show it. */
    static String text(Band band, Metric metric) {
        String pattern = switch (metric) {
            case REACH, ENGAGEMENTS, CLICKS, REVENUE -> "%,.0f";
            case REGISTRATIONS, BUYERS -> "%,.1f";
        };
        return String.format(Locale.ROOT, pattern + " (" + pattern + " to " + pattern + ")", band.mean(), band.low(),
                band.high());
    }

    /** "reach 12,345 (10,000 to 14,000); ...; revenue CNY 1,200 (0 to 3,000)". */
    static String totals(Outcome outcome, String currency) {
        StringBuilder line = new StringBuilder();
        for (Metric metric : Metric.values()) {
            line.append(line.isEmpty() ? "" : "; ").append(metric.key()).append(' ')
                    .append(metric == Metric.REVENUE ? currency + " " : "").append(text(outcome.get(metric), metric));
        }
        return line.toString();
    }
}
