package com.campaignstudio.cli;

import com.campaignstudio.portrait.ActiveHours;
import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.portrait.Distribution;
import com.campaignstudio.portrait.IndexRow;
import com.campaignstudio.portrait.Portrait;
import com.campaignstudio.portrait.PortraitGroup;
import com.campaignstudio.portrait.PortraitResult;
import com.campaignstudio.portrait.PortraitRun;
import com.campaignstudio.portrait.Share;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.project.Project;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** The audience portrait (粉丝画像) of a group of followers, with its TGI against the whole audience. */
@Command(name = "portrait", mixinStandardHelpOptions = true,
        description = "Who a group of followers is: gender, age band, region, platform, tenure, spending level "
                + "(客单价) and products bought, with active hours, each value's TGI against the whole audience "
                + "(share in the group / share in all x 100), and with --compare a second group beside it.")
final class PortraitCommand implements Callable<Integer> {

    private static final Map<String, Function<Object, String>> FORMATS = Map.of(
            "share", value -> Output.percent((Double) value), "audience_share", value -> Output.percent((Double) value),
            "base_share", value -> Output.percent((Double) value), "tgi", Output.decimals(0),
            "index", Output.decimals(0));

    @Mixin
    ProjectOption project;

    @Option(names = "--platform", paramLabel = "CODE", description = "Only followers on this platform.")
    String platform;

    @Option(names = "--buyers", description = "Only followers with a paid order.")
    boolean buyers;

    @Option(names = "--segmentation", paramLabel = "ID", description = "The saved segmentation --segment is of (its "
            + "id, as the segment command prints). Default: the newest.")
    Long segmentation;

    @Option(names = "--segment", paramLabel = "N|NAME", description = "Only this segment: its number (1 = the most "
            + "valuable) or its name.")
    String segment;

    @Option(names = "--compare", paramLabel = "GROUP", description = "A second group beside the first, and the first "
            + "indexed against it: everyone, buyers, platform=CODE or segment=N|NAME.")
    String compare;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "Values to list by how much they "
            + "stand out. Default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top " + top + ": list at least 1");
        }
        PortraitResult result;
        try (Project open = project.open()) {
            SegmentStore store = new SegmentStore(open.database());
            List<PortraitGroup> groups = new ArrayList<>();
            groups.add(new PortraitGroup(platform, buyers, segment == null ? null : segment(store, segment)));
            if (compare != null) {
                groups.add(compared(store));
            }
            result = new PortraitRun(open.database(), new Audiences()).run(groups, TaskContext.silent());
        }
        if (json) {
            Output.json(spec.commandLine().getOut(), asJson(result));
        } else {
            print(spec.commandLine().getOut(), result);
        }
        return 0;
    }

    private PortraitGroup compared(SegmentStore store) throws SQLException {
        String[] parts = compare.split("=", 2);
        return switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
            case "everyone" -> PortraitGroup.everyone();
            case "buyers" -> PortraitGroup.buyers();
            case "platform" -> PortraitGroup.onPlatform(value(parts));
            case "segment" -> PortraitGroup.inSegment(segment(store, value(parts)));
            default -> throw new IllegalArgumentException("--compare " + compare + ": give everyone, buyers, "
                    + "platform=CODE or segment=N|NAME");
        };
    }

    private String value(String[] parts) {
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("--compare " + compare + ": name the " + parts[0] + " after '='");
        }
        return parts[1].strip();
    }

    /** A segment of the chosen (or newest) saved segmentation, by number from 1 or by name. */
    private PortraitGroup.Segment segment(SegmentStore store, String wanted) throws SQLException {
        List<SegmentStore.Summary> saved = store.list();
        SegmentStore.Summary chosen = segmentation == null
                ? saved.stream().findFirst().orElseThrow(() -> new IllegalArgumentException("the project has no saved "
                        + "segmentation: run the segment command first"))
                : saved.stream().filter(s -> s.id() == segmentation).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--segmentation " + segmentation
                                + ": no such saved segmentation (the segment command lists them)"));
        List<SegmentProfile> profiles = store.profiles(chosen.id());
        for (SegmentProfile profile : profiles) {
            if (profile.name().equals(wanted) || wanted.equals(String.valueOf(profile.number() + 1))) {
                return new PortraitGroup.Segment(chosen.id(), profile.number(), profile.name());
            }
        }
        throw new IllegalArgumentException("segment " + wanted + ": segmentation " + chosen.id() + " has segments 1 to "
                + profiles.size() + " (" + String.join(", ", profiles.stream().map(SegmentProfile::name).toList()) + ")");
    }

    private Map<String, Object> asJson(PortraitResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("followers", result.audience().followers());
        out.put("buyers", result.audience().buyers());
        out.put("last_day", result.lastDayOfData().map(Object::toString).orElse(null));
        out.put("buyers_without_follower", result.unlinkedBuyers());
        out.put("min_count", result.minCount());
        out.put("audience", portrait(result.audience()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (PortraitResult.GroupPortrait group : result.groups()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", describe(group.group()));
            entry.putAll(portrait(group.portrait()));
            entry.put("tgi", indexRows(group.tgi(), "audience", "tgi"));
            groups.add(entry);
        }
        out.put("groups", groups);
        out.put("comparison", result.comparison().isEmpty() ? null
                : indexRows(result.comparison(), "base", "index"));
        return out;
    }

    private static Map<String, Object> describe(PortraitGroup group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("platform", group.platform());
        out.put("buyers_only", group.buyersOnly());
        out.put("segmentation", group.segment() == null ? null : group.segment().segmentationId());
        out.put("segment", group.segment() == null ? null : group.segment().name());
        return out;
    }

    private static Map<String, Object> portrait(Portrait portrait) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("followers", portrait.followers());
        out.put("buyers", portrait.buyers());
        Map<String, Object> traits = new LinkedHashMap<>();
        for (Trait trait : Trait.values()) {
            Distribution distribution = portrait.trait(trait);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("base", distribution.base());
            entry.put("values", distribution.values().stream().map(share -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("value", share.key());
                row.put("count", share.count());
                row.put("share", share.share());
                return row;
            }).toList());
            traits.put(trait.key(), entry);
        }
        out.put("traits", traits);
        ActiveHours hours = portrait.activeHours();
        List<List<Long>> byWeekday = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<Long> row = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                row.add(hours.at(day, hour));
            }
            byWeekday.add(row);
        }
        out.put("active_hours", byWeekday);
        return out;
    }

    private static List<Map<String, Object>> indexRows(List<IndexRow> rows, String base, String index) {
        return rows.stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("trait", row.trait().key());
            out.put("value", row.key());
            out.put("count", row.count());
            out.put("share", row.share());
            out.put(base + "_count", row.baseCount());
            out.put(base + "_share", row.baseShare());
            out.put(index, row.index());
            out.put("too_few", row.tooFew());
            return out;
        }).toList();
    }

    private void print(PrintWriter out, PortraitResult result) {
        out.printf(Locale.ROOT, "%,d followers, %,d of them buyers; tenure counted to %s%n", result.audience().followers(),
                result.audience().buyers(), result.lastDayOfData().map(Object::toString).orElse("-"));
        if (result.unlinkedBuyers() > 0) {
            out.printf(Locale.ROOT, "%,d customers with paid orders are linked to no follower and are in no portrait%n",
                    result.unlinkedBuyers());
        }
        for (PortraitResult.GroupPortrait group : result.groups()) {
            Portrait portrait = group.portrait();
            out.printf(Locale.ROOT, "%nGroup %s: %,d followers, %,d buyers%n", label(group.group()), portrait.followers(),
                    portrait.buyers());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Trait trait : Trait.values()) {
                for (Share share : portrait.trait(trait).values()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("trait", trait.key() + (trait.ofBuyers() ? " (of buyers)" : ""));
                    row.put("value", share.key());
                    row.put("count", share.count());
                    row.put("share", share.share());
                    rows.add(row);
                }
            }
            Output.table(out, Output.formatted(rows, FORMATS));
            out.printf(Locale.ROOT, "%nStands out most against everyone (TGI; values under %d people last):%n",
                    result.minCount());
            Output.table(out, Output.formatted(indexRows(group.tgi().subList(0, Math.min(top, group.tgi().size())),
                    "audience", "tgi"), FORMATS));
        }
        if (!result.comparison().isEmpty()) {
            out.printf(Locale.ROOT, "%nThe first group against the second (index = share in the first / share in the "
                    + "second x 100):%n");
            Output.table(out, Output.formatted(indexRows(result.comparison().subList(0,
                    Math.min(top, result.comparison().size())), "base", "index"), FORMATS));
        }
    }

    private static String label(PortraitGroup group) {
        if (group.isEveryone()) {
            return "everyone";
        }
        List<String> parts = new ArrayList<>();
        if (group.platform() != null) {
            parts.add("platform " + group.platform());
        }
        if (group.buyersOnly()) {
            parts.add("buyers");
        }
        if (group.segment() != null) {
            parts.add("segment " + group.segment().name());
        }
        return String.join(", ", parts);
    }
}
