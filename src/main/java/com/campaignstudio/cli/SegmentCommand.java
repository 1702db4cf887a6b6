package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.segments.Algorithm;
import com.campaignstudio.segments.Clusterer;
import com.campaignstudio.segments.EngagementScores;
import com.campaignstudio.segments.Feature;
import com.campaignstudio.segments.FeatureMatrix;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.FollowerFacts;
import com.campaignstudio.segments.KSuggestion;
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

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** Segments followers, saves the segmentation in the project and prints the profile of each segment. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Group followers into segments (k-means or a Gaussian mixture), save them in the project "
                + "and print each segment's profile.")
final class SegmentCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--k", description = "Number of segments; without it, the k with the best silhouette (2..10).")
    Integer k;

    @Option(names = "--algorithm", defaultValue = "kmeans", description = "kmeans or gmm. Default: ${DEFAULT-VALUE}")
    String algorithm;

    @Option(names = "--features", split = ",", description = "Comma-separated features. Default: "
            + "recency_days,views,likes,comments,shares,live_watch,watch_minutes,clicks. Also: tenure_days, "
            + "interactions, orders, monetary, favourites, platform.")
    List<String> features;

    @Option(names = "--no-log", split = ",", description = "Features to leave without the log1p transform.")
    List<String> notLogged = List.of();

    @Option(names = "--no-standardise", description = "Cluster on the raw (transformed) values, not z-scores.")
    boolean noStandardise;

    @Option(names = "--platform", description = "Only followers on this platform (weibo, wechat, douyin, ...).")
    String platform;

    @Option(names = "--buyers", description = "Only followers who paid at least once in the date range.")
    boolean buyersOnly;

    @Option(names = "--from", description = "First day of activity counted (yyyy-MM-dd).")
    LocalDate from;

    @Option(names = "--to", description = "Last day of activity counted (yyyy-MM-dd).")
    LocalDate to;

    @Option(names = "--restarts", defaultValue = "3", description = "k-means restarts. Default: ${DEFAULT-VALUE}")
    int restarts;

    @Option(names = "--seed", defaultValue = "20261123", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--name", description = "Name of the saved segmentation. Default: Segments and the time.")
    String name;

    @Option(names = "--propensity-days", description = "Also score purchase propensity: buys within this many days.")
    Integer propensityDays;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Feature> chosen = features == null ? Feature.DEFAULTS : features.stream().map(Feature::byKey).toList();
        Set<Feature> logged = EnumSet.noneOf(Feature.class);
        chosen.stream().filter(Feature::heavyTailed).forEach(logged::add);
        notLogged.stream().map(Feature::byKey).forEach(logged::remove);
        FeatureMatrix.Transform transform = new FeatureMatrix.Transform(logged, !noStandardise);
        Population population = new Population(platform, buyersOnly, from, to);
        String segmentationName = name != null ? name
                : "Segments " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        try (Project open = project.open()) {
            KSuggestion.Result suggestion = null;
            int chosenK;
            if (k != null) {
                chosenK = k;
            } else {
                FollowerFacts facts = new FactsReader(open.database()).read(population, TaskContext.silent());
                suggestion = KSuggestion.suggest(FeatureMatrix.build(facts, chosen, transform).values(), 2, 10, seed,
                        TaskContext.silent());
                chosenK = suggestion.bestK();
            }
            SegmentationSettings settings = new SegmentationSettings(segmentationName, population, chosen, transform,
                    new Clusterer.Settings(Algorithm.byKey(algorithm), chosenK, restarts, 100, seed),
                    EngagementScores.Weights.defaults());
            Segmentation segmentation = new SegmentStore(open.database())
                    .save(new Segmenter(open.database()).run(settings, TaskContext.silent()));
            Propensity propensity = null;
            if (propensityDays != null) {
                propensity = new PropensityModel(open.database()).train(segmentation, propensityDays, TaskContext.silent());
                new SegmentStore(open.database()).savePropensity(segmentation.id(), propensity);
            }
            print(segmentation, suggestion, propensity);
            ProjectOption.save(open);
        }
        return 0;
    }

    private void print(Segmentation segmentation, KSuggestion.Result suggestion, Propensity propensity) {
        List<Map<String, Object>> rows = segmentation.profiles().stream().map(p -> row(p, segmentation)).toList();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", segmentation.id());
            result.put("name", segmentation.settings().name());
            result.put("k", segmentation.k());
            result.put("as_of", segmentation.asOf().toString());
            result.put("followers", segmentation.followerIds().length);
            if (suggestion != null) {
                result.put("silhouette", suggestion.scores());
            }
            result.put("segments", rows);
            if (propensity != null) {
                result.put("propensity", propensity.summary());
            }
            result.put("notes", segmentation.notes().stream().map(Object::toString).toList());
            Output.json(spec.commandLine().getOut(), result);
            return;
        }
        var out = spec.commandLine().getOut();
        out.printf("Saved \"%s\" (id %d): %,d followers in %d segments, as of %s%n", segmentation.settings().name(),
                segmentation.id(), segmentation.followerIds().length, segmentation.k(), segmentation.asOf().toLocalDate());
        if (suggestion != null) {
            out.println("k chosen by silhouette: " + String.join(", ", suggestion.scores().stream()
                    .map(s -> String.format(Locale.ROOT, "k=%d %.3f", s.k(), s.silhouette())).toList()));
        }
        segmentation.notes().forEach(note -> out.println("Note: " + note));
        Output.table(out, rows);
        if (propensity != null) {
            Propensity.Summary summary = propensity.summary();
            out.printf(Locale.ROOT, "Purchase propensity (buys within %d days): hold-out AUC forest %.3f, logistic %.3f; "
                    + "scores from the %s%n", summary.horizonDays(), summary.forestAuc(), summary.logisticAuc(),
                    summary.model());
        }
    }

    private static Map<String, Object> row(SegmentProfile profile, Segmentation segmentation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", profile.number() + 1);
        row.put("name", profile.name());
        row.put("potential", profile.potential().key());
        row.put("size", profile.size());
        row.put("share", percent(profile.share()));
        row.put("revenue_share", percent(profile.revenueShare()));
        row.put("buyers", percent(profile.buyerShare()));
        row.put("revenue_per_member", String.format(Locale.ROOT, "%.2f", profile.revenuePerMember()));
        row.put("engagement", String.format(Locale.ROOT, "%.3f", profile.meanEngagement()));
        for (int j = 0; j < segmentation.columns().size(); j++) {
            row.put(segmentation.columns().get(j), String.format(Locale.ROOT, "%.1f", profile.rawMeans().get(j)));
        }
        return row;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
