package com.campaignstudio.cli;

import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.funnels.FunnelFigures;
import com.campaignstudio.funnels.FunnelGroup;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.PersonGroups;
import com.campaignstudio.funnels.StepFigures;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.funnels.TimeBin;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.stats.Percentiles;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A funnel from the project's events and orders: per step people, conversion with intervals and times. */
@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = "Follow people through ordered steps (event kinds and purchase) within a conversion window: per "
                + "step people, step and overall conversion with 95%% Wilson intervals, drop-off and time to the step; "
                + "optionally broken down by platform, campaign, product, segment or period.")
final class FunnelCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--steps", paramLabel = "STEP,...", split = ",", defaultValue = "view,click,register,purchase",
            description = "Steps in order: event kinds (view or exposure, like, comment, share, click, register, "
                    + "live_watch, follow ...) and purchase (paid orders). Default: ${DEFAULT-VALUE}")
    List<String> steps;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "7d",
            description = "Conversion window from the first step: 30m, 12h, 7d, 2w. Default: ${DEFAULT-VALUE}")
    String window;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "strict",
            description = "strict (each step at or after the one before) or any (the other steps in any order after "
                    + "the first). Default: ${DEFAULT-VALUE}")
    String order;

    @Option(names = "--by", paramLabel = "BREAKDOWN",
            description = "Break down by platform, campaign, product, segment (needs --segmentation) or period.")
    String by;

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "week or month, for --by period (the conversion trend). Default: ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--segmentation", paramLabel = "ID", description = "A saved segmentation (its id, as the segment "
            + "command prints): the groups of --by segment, and the segments of --segment.")
    long segmentation;

    @Option(names = "--segment", paramLabel = "N", description = "Only the people in segment N (1 = the most valuable) "
            + "of --segmentation.")
    int segment;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FunnelDefinition definition = new FunnelDefinition(steps, FunnelDefinition.parseWindow(window),
                StepOrder.byKey(order.toLowerCase(Locale.ROOT)));
        Breakdown breakdown = by == null ? Breakdown.NONE : Breakdown.byKey(by.toLowerCase(Locale.ROOT));
        Period periodChoice = Period.byKey(period.toLowerCase(Locale.ROOT));
        if (segment != 0 && segmentation == 0) {
            throw new IllegalArgumentException("--segment needs --segmentation ID (the segment command prints the ids)");
        }
        if (breakdown == Breakdown.SEGMENT && segmentation == 0) {
            throw new IllegalArgumentException("--by segment needs --segmentation ID (the segment command prints the ids)");
        }
        FunnelResult result;
        try (Project open = project.open()) {
            ActivitySnapshot snapshot = new Snapshots().of(open.database(), TaskContext.silent());
            Optional<PersonGroups> segments = Optional.empty();
            Optional<BitSet> population = Optional.empty();
            if (segmentation != 0) {
                Segmentation saved = load(new SegmentStore(open.database()), segmentation);
                PersonGroups groups = PersonGroups.ofFollowers(snapshot, saved.followerIds(), saved.segment(),
                        saved.profiles().stream().map(SegmentProfile::name).toList());
                segments = Optional.of(groups);
                if (segment != 0) {
                    if (segment < 1 || segment > saved.k()) {
                        throw new IllegalArgumentException("segmentation " + segmentation + " has segments 1 to "
                                + saved.k() + ", not " + segment);
                    }
                    BitSet members = groups.members(segment - 1);
                    if (members.isEmpty()) {
                        throw new FunnelException("funnel.error.emptySegment", segment, saved.settings().name());
                    }
                    population = Optional.of(members);
                }
            }
            result = Funnels.run(snapshot, new FunnelQuery(definition, breakdown, periodChoice, segments, population),
                    TaskContext.silent());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, asJson(result));
        } else {
            print(out, result);
        }
        return 0;
    }

    private static Segmentation load(SegmentStore store, long id) throws Exception {
        if (store.list().stream().noneMatch(summary -> summary.id() == id)) {
            throw new IllegalArgumentException("there is no saved segmentation " + id
                    + " (the segment command makes one and prints its id)");
        }
        return store.load(id);
    }

    private static Map<String, Object> asJson(FunnelResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", result.definition().steps());
        out.put("window_seconds", result.definition().window().toSeconds());
        out.put("order", result.definition().order().key());
        out.put("breakdown", result.breakdown().key());
        if (result.breakdown() == Breakdown.PERIOD) {
            out.put("period", result.period().key());
        }
        out.put("not_entered", result.notEntered());
        out.put("still_open", result.overall().stillOpen());
        out.put("unlinked_buyers", result.unlinkedBuyers());
        out.put("overall", figures(result.overall()));
        out.put("groups", result.groups().stream().map(group -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", group.label().key());
            row.put("name", group.label().english());
            row.put("name_zh", group.label().chinese());
            row.putAll(figures(group.figures()));
            return row;
        }).toList());
        out.put("notes", result.notes());
        return out;
    }

    private static Map<String, Object> figures(FunnelFigures figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entered", figures.entered());
        out.put("converted", figures.converted());
        out.put("still_open", figures.stillOpen());
        out.put("steps", figures.steps().stream().map(step -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step.step());
            row.put("people", step.people());
            rate(row, "step_conversion", step.stepConversion());
            rate(row, "overall_conversion", step.overallConversion());
            row.put("drop_off", step.dropOff());
            spread(row, step.timeFromPrevious());
            row.put("out_of_order", step.outOfOrder());
            return row;
        }).toList());
        Map<String, Object> convert = new LinkedHashMap<>();
        spread(convert, figures.convertSpread());
        convert.put("histogram", figures.timeToConvert().stream().map(bin -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from_seconds", bin.fromSeconds());
            row.put("to_seconds", bin.toSeconds());
            row.put("people", bin.people());
            return row;
        }).toList());
        out.put("time_to_convert", convert);
        return out;
    }

    private static void rate(Map<String, Object> row, String name, Optional<Proportion> rate) {
        row.put(name, rate.map(Proportion::rate).orElse(null));
        row.put(name + "_low", rate.map(Proportion::low).orElse(null));
        row.put(name + "_high", rate.map(Proportion::high).orElse(null));
    }

    private static void spread(Map<String, Object> row, Optional<Percentiles> spread) {
        row.put("median_seconds", spread.map(Percentiles::median).orElse(null));
        row.put("p25_seconds", spread.map(Percentiles::p25).orElse(null));
        row.put("p75_seconds", spread.map(Percentiles::p75).orElse(null));
        row.put("p90_seconds", spread.map(Percentiles::p90).orElse(null));
    }

    private static void print(PrintWriter out, FunnelResult result) {
        FunnelDefinition definition = result.definition();
        FunnelFigures overall = result.overall();
        out.printf(Locale.ROOT, "Funnel %s, window %s, %s order: %,d people entered, %,d reached %s (%s)%n",
                String.join(" \u2192 ", definition.steps()), Funnels.describe(definition.window()),
                definition.order().key(), overall.entered(), overall.converted(), definition.steps().getLast(),
                overall.steps().getLast().overallConversion().map(p -> Output.percent(p.rate())).orElse("-"));
        Output.table(out, stepRows(overall));
        overall.convertSpread().ifPresent(spread -> out.printf(Locale.ROOT,
                "Time to convert: median %s (25%%: %s, 75%%: %s, 90%%: %s)%n", duration(spread.median()),
                duration(spread.p25()), duration(spread.p75()), duration(spread.p90())));
        if (overall.converted() > 0) {
            out.println(histogram(overall.timeToConvert()));
        }
        if (!result.groups().isEmpty()) {
            out.println();
            out.println(result.breakdown() == Breakdown.PERIOD
                    ? "Conversion trend by " + result.period().key() + " of entry:" : "By " + result.breakdown().key() + ":");
            Output.table(out, groupRows(result.groups(), definition));
        }
        result.notes().forEach(note -> out.println("Note: " + note));
    }

    private static List<Map<String, Object>> stepRows(FunnelFigures figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepFigures step : figures.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step.step());
            row.put("people", String.format(Locale.ROOT, "%,d", step.people()));
            row.put("step_conversion", step.stepConversion().map(FunnelCommand::withInterval).orElse("-"));
            row.put("overall", step.overallConversion().map(FunnelCommand::withInterval).orElse("-"));
            row.put("drop_off", String.format(Locale.ROOT, "%,d", step.dropOff()));
            row.put("median_time", step.timeFromPrevious().map(p -> duration(p.median())).orElse("-"));
            row.put("p25", step.timeFromPrevious().map(p -> duration(p.p25())).orElse("-"));
            row.put("p75", step.timeFromPrevious().map(p -> duration(p.p75())).orElse("-"));
            row.put("p90", step.timeFromPrevious().map(p -> duration(p.p90())).orElse("-"));
            row.put("out_of_order", String.format(Locale.ROOT, "%,d", step.outOfOrder()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> groupRows(List<FunnelGroup> groups, FunnelDefinition definition) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FunnelGroup group : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group.label().english().equals(group.label().chinese()) ? group.label().english()
                    : group.label().english() + " (" + group.label().chinese() + ")");
            row.put("entered", String.format(Locale.ROOT, "%,d", group.figures().entered()));
            for (int k = 1; k < definition.size(); k++) {
                row.put("\u2192" + definition.steps().get(k), group.figures().steps().get(k).stepConversion()
                        .map(p -> Output.percent(p.rate())).orElse("-"));
            }
            row.put("converted", String.format(Locale.ROOT, "%,d", group.figures().converted()));
            row.put("overall", group.figures().steps().getLast().overallConversion().map(FunnelCommand::withInterval)
                    .orElse("-"));
            row.put("median_to_convert", group.figures().convertSpread().map(p -> duration(p.median())).orElse("-"));
            rows.add(row);
        }
        return rows;
    }

    private static String withInterval(Proportion p) {
        return Output.percent(p.rate()) + " [" + Output.percent(p.low()) + ", " + Output.percent(p.high()) + "]";
    }

    private static String histogram(List<TimeBin> bins) {
        long most = Arrays.stream(bins.toArray(TimeBin[]::new)).mapToLong(TimeBin::people).max().orElse(0);
        StringBuilder text = new StringBuilder("Time to convert (people):");
        for (TimeBin bin : bins) {
            int bar = most == 0 ? 0 : (int) Math.round(30.0 * bin.people() / most);
            text.append(String.format(Locale.ROOT, "%n  %7s - %-7s %s %,d", duration(bin.fromSeconds()),
                    duration(bin.toSeconds()), "#".repeat(bar), bin.people()));
        }
        return text.toString();
    }

    /** A duration for people: 45s, 12m, 5.5h, 3.2d. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0fs", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.0fm", seconds / 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%.1fh", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1fd", seconds / 86_400);
    }
}
