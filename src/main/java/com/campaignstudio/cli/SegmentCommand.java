package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.segments.AudienceExport;
import com.campaignstudio.segments.Algorithm;
import com.campaignstudio.segments.Clusterer;
import com.campaignstudio.segments.EngagementScores;
import com.campaignstudio.segments.Feature;
import com.campaignstudio.segments.FeatureMatrix;
import com.campaignstudio.segments.FollowerFacts;
import com.campaignstudio.segments.KSuggestion;
import com.campaignstudio.segments.MemberFeatures;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.PropensityModel;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Segments followers, saves the segmentation in the project and prints the profile of each segment. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Group followers into segments (k-means or a Gaussian mixture), save them in the project "
                + "and print each segment's profile; --export-members also writes who is in each segment as CSV.")
final class SegmentCommand implements Callable<Integer> {

    /** {@link Feature#DEFAULTS} as the help says it (an annotation needs a constant; a test keeps them equal). */
    static final String DEFAULT_FEATURES = "recency_days,views,likes,comments,shares,live_watch,watch_minutes,clicks";

    @Mixin
    ProjectOption project;

    @Option(names = "--k", paramLabel = "K", description = "Number of segments; without it, the k with the best silhouette (2..10).")
    Integer k;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "kmeans", description = "kmeans or gmm. Default: ${DEFAULT-VALUE}")
    String algorithm;

    @Option(names = "--features", paramLabel = "FEATURE", split = ",", completionCandidates = FeatureKeys.class,
            description = "Comma-separated features, from: ${COMPLETION-CANDIDATES}. Default: " + DEFAULT_FEATURES + ".")
    List<String> features;

    @Option(names = "--no-log", paramLabel = "FEATURE", split = ",", description = "Features to leave without the log1p transform.")
    List<String> notLogged = List.of();

    @Option(names = "--no-standardise", description = "Cluster on the raw (transformed) values, not z-scores.")
    boolean noStandardise;

    @Option(names = "--platform", paramLabel = "CODE", description = "Only followers on this platform (weibo, wechat, douyin, ...).")
    String platform;

    @Option(names = "--buyers", description = "Only followers who paid at least once in the date range.")
    boolean buyersOnly;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of activity counted (yyyy-MM-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of activity counted (yyyy-MM-dd).")
    LocalDate to;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "3", description = "k-means restarts. Default: ${DEFAULT-VALUE}")
    int restarts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the saved segmentation. Default: Segments and the time.")
    String name;

    @Option(names = "--propensity-days", paramLabel = "DAYS",
            description = "Also score purchase propensity: buys within this many days.")
    Integer propensityDays;

    @Option(names = "--export-members", paramLabel = "FILE", description = "Also write the members as CSV (UTF-8 "
            + "with a byte-order mark): follower id (pseudonymised), platform, segment number and name, potential, "
            + "engagement score, purchase propensity (with --propensity-days) and the value of each feature used.")
    Path membersFile;

    @Option(names = "--export-segments", paramLabel = "N", split = ",", description = "With --export-members: only "
            + "these segments, by number (1 = the most valuable). Default: all.")
    List<Integer> exportedSegments;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** A file of members written, and how many rows it holds. */
    private record MembersExport(Path file, long rows) {
    }

    @Override
    public Integer call() throws Exception {
        if (exportedSegments != null && membersFile == null) {
            throw new IllegalArgumentException("--export-segments says which segments --export-members writes; "
                    + "give --export-members FILE too");
        }
        List<Feature> chosen = features == null ? Feature.DEFAULTS : features.stream().map(Feature::byKey).toList();
        Set<Feature> logged = EnumSet.noneOf(Feature.class);
        chosen.stream().filter(Feature::heavyTailed).forEach(logged::add);
        notLogged.stream().map(Feature::byKey).forEach(logged::remove);
        FeatureMatrix.Transform transform = new FeatureMatrix.Transform(logged, !noStandardise);
        Population population = new Population(platform, buyersOnly, from, to);
        String segmentationName = name != null ? name
                : "Segments " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        try (Project open = project.open()) {
            FollowerFacts facts = new Segmenter(open.database()).readFacts(population, TaskContext.silent());
            KSuggestion.Result suggestion = k != null ? null : KSuggestion.suggest(
                    FeatureMatrix.build(facts, chosen, transform).values(), 2, 10, seed, TaskContext.silent());
            int chosenK = k != null ? k : suggestion.bestK();
            SegmentationSettings settings = new SegmentationSettings(segmentationName, population, chosen, transform,
                    new Clusterer.Settings(Algorithm.byKey(algorithm), chosenK, restarts, 100, seed),
                    EngagementScores.Weights.defaults());
            Segmentation segmentation = Segmenter.segment(facts, settings, TaskContext.silent());
            Set<Integer> exported = exportedSegments(segmentation.k());
            segmentation = new SegmentStore(open.database()).save(segmentation);
            Propensity propensity = null;
            if (propensityDays != null) {
                propensity = new PropensityModel(open.database()).train(segmentation, propensityDays, TaskContext.silent());
                new SegmentStore(open.database()).savePropensity(segmentation.id(), propensity);
            }
            String currency = new ProjectMetadata(open.database()).get(ProjectMetadata.CURRENCY).orElse("CNY");
            ProjectOption.save(open);
            MembersExport members = null;
            if (membersFile != null) {
                members = new MembersExport(membersFile, exportMembers(open, segmentation, facts, propensity, exported));
            }
            print(segmentation, suggestion, propensity, currency, members);
        }
        return 0;
    }

    /** The segments to export, numbered from 0, checked against the k the run ended with. */
    private Set<Integer> exportedSegments(int k) {
        if (exportedSegments == null || exportedSegments.isEmpty()) {
            return IntStream.range(0, k).boxed().collect(Collectors.toSet());
        }
        for (int number : exportedSegments) {
            if (number < 1 || number > k) {
                throw new IllegalArgumentException("--export-segments " + number + ": the segments are numbered 1 to "
                        + k);
            }
        }
        return exportedSegments.stream().map(number -> number - 1).collect(Collectors.toSet());
    }

    private long exportMembers(Project open, Segmentation segmentation, FollowerFacts facts, Propensity propensity,
                               Set<Integer> segments) throws Exception {
        List<AudienceExport.Column> columns = new ArrayList<>(List.of(AudienceExport.Column.FOLLOWER_ID,
                AudienceExport.Column.PLATFORM, AudienceExport.Column.SEGMENT_NUMBER, AudienceExport.Column.SEGMENT,
                AudienceExport.Column.POTENTIAL, AudienceExport.Column.ENGAGEMENT));
        if (propensity != null) {
            columns.add(AudienceExport.Column.PROPENSITY);
        }
        return AudienceExport.write(open.database(), segmentation, propensity == null ? null : propensity.scores(),
                segments, columns, MemberFeatures.of(segmentation, facts), membersFile);
    }

    private void print(Segmentation segmentation, KSuggestion.Result suggestion, Propensity propensity,
                       String currency, MembersExport members) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", segmentation.id());
            result.put("name", segmentation.settings().name());
            result.put("k", segmentation.k());
            result.put("as_of", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(segmentation.asOf()));
            result.put("followers", segmentation.followerIds().length);
            result.put("currency", currency);
            if (suggestion != null) {
                result.put("silhouette", suggestion.scores());
            }
            List<SegmentProfile> profiles = propensity == null ? segmentation.profiles()
                    : propensity.profilesWithMeans(segmentation);
            result.put("segments", profiles.stream().map(p -> jsonRow(p, segmentation, propensity != null)).toList());
            if (propensity != null) {
                result.put("propensity", propensity.summary());
            }
            if (members != null) {
                result.put("members_file", members.file().toAbsolutePath().toString());
                result.put("members_written", members.rows());
            }
            result.put("notes", segmentation.notes());
            Output.json(out, result);
            return;
        }
        out.printf(Locale.ROOT, "Saved \"%s\" (id %d): %,d followers in %d segments, as of %s%n",
                segmentation.settings().name(), segmentation.id(), segmentation.followerIds().length, segmentation.k(),
                segmentation.asOf().toLocalDate());
        if (suggestion != null) {
            out.println("k chosen by silhouette: " + String.join(", ", suggestion.scores().stream()
                    .map(s -> String.format(Locale.ROOT, "k=%d %.3f", s.k(), s.silhouette())).toList()));
        }
        segmentation.notes().forEach(note -> out.println("Note: " + note));
        Output.table(out, segmentation.profiles().stream().map(p -> textRow(p, segmentation)).toList());
        if (propensity != null) {
            Propensity.Summary summary = propensity.summary();
            out.printf(Locale.ROOT, "Purchase propensity (buys within %d days): hold-out AUC forest %.3f, logistic %.3f; "
                    + "scores from the %s%n", summary.horizonDays(), summary.forestAuc(), summary.logisticAuc(),
                    summary.model());
        }
        if (members != null) {
            out.printf(Locale.ROOT, "Members: %,d rows written to %s%n", members.rows(), members.file());
        }
    }

    /** A segment's profile for scripts: shares as fractions, money and means as plain numbers. */
    private static Map<String, Object> jsonRow(SegmentProfile profile, Segmentation segmentation,
                                               boolean withPropensity) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", profile.number() + 1);
        row.put("name", profile.name());
        row.put("potential", profile.potential().key());
        row.put("size", profile.size());
        row.put("share", profile.share());
        row.put("revenue_share", profile.revenueShare());
        row.put("buyer_share", profile.buyerShare());
        row.put("revenue_per_member", profile.revenuePerMember());
        row.put("mean_engagement", profile.meanEngagement());
        if (withPropensity) {
            row.put("mean_propensity", profile.meanPropensity());
        }
        Map<String, Object> means = new LinkedHashMap<>();
        for (int j = 0; j < segmentation.columns().size(); j++) {
            means.put(segmentation.columns().get(j), profile.rawMeans().get(j));
        }
        row.put("feature_means", means);
        return row;
    }

    /** A segment's profile for reading: percentages, money to the cent, means to one decimal. */
    private static Map<String, Object> textRow(SegmentProfile profile, Segmentation segmentation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", profile.number() + 1);
        row.put("name", profile.name());
        row.put("potential", profile.potential().key());
        row.put("size", profile.size());
        row.put("share", Output.percent(profile.share()));
        row.put("revenue_share", Output.percent(profile.revenueShare()));
        row.put("buyers", Output.percent(profile.buyerShare()));
        row.put("revenue_per_member", String.format(Locale.ROOT, "%.2f", profile.revenuePerMember()));
        row.put("engagement", String.format(Locale.ROOT, "%.3f", profile.meanEngagement()));
        for (int j = 0; j < segmentation.columns().size(); j++) {
            row.put(segmentation.columns().get(j), String.format(Locale.ROOT, "%.1f", profile.rawMeans().get(j)));
        }
        return row;
    }

    /** The feature keys, for the help. */
    static final class FeatureKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Feature.values()).map(Feature::key).iterator();
        }
    }
}
