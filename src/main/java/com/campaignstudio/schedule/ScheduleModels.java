package com.campaignstudio.schedule;

import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a project into a {@link ScheduleModel}: per platform the slot rates of its posts ({@link SlotRates}), the
 * decay of its reach ({@link ReachDecay}), the spread of its posts' reach, its click rate, the project's funnel after
 * a click ({@link FunnelSteps}), its mean order value and what a yuan of boost buys. Every platform of the project
 * but live streams (which are sessions, not posts) is in the model; one without posts gets the defaults below,
 * marked as such so that the view can say so.
 */
public final class ScheduleModels {

    /** Reach of a typical post where the project has no posts at all. */
    static final double DEFAULT_REACH = 1_000;
    /** Spread of log reach where a platform has too few posts to measure it: posts differ about e-fold. */
    static final double DEFAULT_LOG_REACH_SD = 1.0;
    static final double DEFAULT_IMPRESSIONS_PER_REACH = 1.5;
    static final double DEFAULT_CLICKS_PER_IMPRESSION = 0.01;
    /** A ¥30 cost per thousand impressions, a common price of feed ads, where the project has no spend rows. */
    static final double DEFAULT_IMPRESSIONS_PER_YUAN = 1000 / 30.0;
    /** Posts of a format weigh in its reach factor as n / (n + this). */
    static final double FORMAT_PRIOR_POSTS = 3;
    static final int MIN_POSTS_FOR_SPREAD = 3;
    private static final double Z95 = 1.959963984540054;

    /** The model and what it was made from, for views that show the sources. */
    public record Built(ScheduleModel model, Map<String, SlotRates> rates, Map<String, ReachDecay.DecayFit> decay,
                        ZoneId projectZone) {
    }

    /** The model a project's schedule uses, and the settings it was read with. */
    public record ForProject(Built built, ScheduleSettings settings) {
    }

    private ScheduleModels() {
    }

    /**
     * The model the planner and the command line use: the half-lives and audience zones set in the Best time view
     * ({@link ScheduleSettingsStore}); k from there too and fatigue fitted to the project's posts ({@link FatigueFit},
     * else {@link ScheduleModel#DEFAULT_FATIGUE}, to the hundredth) unless {@code chosen}, when {@code settings}' own
     * k and fatigue hold.
     */
    public static ForProject forProject(ProjectDatabase database, Snapshots snapshots, ScheduleSettings settings,
                                        boolean chosen, TaskContext context) throws SQLException, FunnelException {
        ScheduleSettings stored = new ScheduleSettingsStore(database).load();
        ScheduleSettings effective = new ScheduleSettings(chosen ? settings.priorPosts() : stored.priorPosts(),
                settings.fatigue(), stored.halfLifeHours(), stored.platformZones(), settings.draws(), settings.seed());
        PostHistory posts = PostHistory.read(database);
        Built built = build(database, posts, snapshots, effective, context);
        if (chosen) {
            return new ForProject(built, effective);
        }
        double fitted = FatigueFit.estimate(posts, built.model()).fatigue()
                .orElse(ScheduleModel.DEFAULT_FATIGUE);
        effective = effective.withFatigue(Math.round(fitted * 100) / 100.0);
        return new ForProject(new Built(built.model().withFatigue(effective.fatigue()), built.rates(), built.decay(),
                built.projectZone()), effective);
    }

    public static ScheduleModel build(ProjectDatabase database, ScheduleSettings settings, TaskContext context)
            throws SQLException, FunnelException {
        return build(database, new Snapshots(), settings, context).model();
    }

    public static Built build(ProjectDatabase database, Snapshots snapshots, ScheduleSettings settings,
                              TaskContext context) throws SQLException, FunnelException {
        return build(database, PostHistory.read(database), snapshots, settings, context);
    }

    private static Built build(ProjectDatabase database, PostHistory posts, Snapshots snapshots,
                               ScheduleSettings settings, TaskContext context) throws SQLException, FunnelException {
        ProjectSettings project = ProjectSettings.read(database);
        ActivitySnapshot snapshot = snapshots.of(database, context);
        FunnelSteps steps = FunnelSteps.of(snapshot, context);
        Map<String, double[]> orderValues = orderValues(snapshot);
        Map<String, Double> boostPrices = impressionsPerYuan(database);
        ReachSpread everyone = ReachSpread.of(posts, -1);
        Map<String, PlatformModel> platforms = new LinkedHashMap<>();
        Map<String, SlotRates> rates = new LinkedHashMap<>();
        Map<String, ReachDecay.DecayFit> decays = new LinkedHashMap<>();
        List<PlatformTable.Platform> projectPlatforms = PlatformTable.list(database);
        for (PlatformTable.Platform platform : projectPlatforms) {
            String code = platform.code();
            if (code.equals("live")) {
                continue;
            }
            ZoneId platformZone = Optional.ofNullable(settings.platformZones().get(code)).map(ZoneId::of)
                    .orElse(project.zone());
            SlotRates slotRates = SlotRates.compute(posts, new SlotQuery(code, Optional.empty(),
                    settings.priorPosts(), project.zone(), platformZone));
            ReachDecay.DecayFit decay = ReachDecay.fit(database, code, Optional.empty(),
                    settings.halfLifeOverride(code).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                    settings.seed());
            rates.put(code, slotRates);
            decays.put(code, decay);
            platforms.put(code, platform(code, posts, slotRates, decay, formatDecay(database, posts, decay, settings),
                    everyone, steps, orderValues,
                    boostPrices, hourShift(project.zone(), platformZone),
                    residualSpread(posts, slotRates, project.zone(), platformZone)));
            context.progress(platforms.size(), projectPlatforms.size());
        }
        return new Built(new ScheduleModel(platforms, settings.fatigue(), settings.draws(), settings.seed()), rates,
                decays, project.zone());
    }

    static PlatformModel platform(String code, PostHistory posts, SlotRates rates, ReachDecay.DecayFit decay,
                                 Map<String, Double> formatDecay, ReachSpread everyone, FunnelSteps steps, Map<String, double[]> orderValues,
                                 Map<String, Double> boostPrices, int hourShift, double rateSpread) {
        int index = posts.platformIndex(code);
        ReachSpread own = ReachSpread.of(posts, index);
        ReachSpread reach = own.posts() >= MIN_POSTS_FOR_SPREAD ? own
                : everyone.posts() >= MIN_POSTS_FOR_SPREAD ? everyone.widened() : ReachSpread.assumed();
        double[] slotRate = new double[Slots.COUNT];
        double[] slotSd = new double[Slots.COUNT];
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            int shifted = Math.floorMod(slot + hourShift, Slots.COUNT);
            slotRate[slot] = rates.rate(Slots.weekday(shifted), Slots.hour(shifted));
            slotSd[slot] = (rates.high(Slots.weekday(shifted), Slots.hour(shifted))
                    - rates.low(Slots.weekday(shifted), Slots.hour(shifted))) / (2 * Z95);
        }
        double[] value = orderValues.getOrDefault(code, orderValues.get(""));
        double lambdaLogSd = decay.lambdaHigh() > decay.lambdaLow()
                ? Math.log(decay.lambdaHigh() / decay.lambdaLow()) / (2 * Z95) : 0;
        return new PlatformModel(code, own.posts() >= MIN_POSTS_FOR_SPREAD && rates.hasHistory(), slotRate, slotSd,
                rates.platformRate(), rateSpread, decay.lambda(), lambdaLogSd, reach.logMean(), reach.logSd(),
                reach.logMeanSe(), formatFactors(posts, index, own), formatDecay, ratio(posts, index, true),
                ratio(posts, index, false), steps.register(code), steps.purchase(code), value[0], value[1], value[2],
                boostPrices.getOrDefault(code, DEFAULT_IMPRESSIONS_PER_YUAN));
    }

    /**
     * Each format's λ relative to the platform's, for the formats whose own posts place it (snapshots or ages); none
     * when the platform's λ is a default or the user's, which then holds for every format.
     */
    private static Map<String, Double> formatDecay(ProjectDatabase database, PostHistory posts,
                                                   ReachDecay.DecayFit platform, ScheduleSettings settings)
            throws SQLException {
        Map<String, Double> factors = new HashMap<>();
        if (!fitted(platform)) {
            return factors;
        }
        int index = posts.platformIndex(platform.platform());
        for (int f = 0; f < posts.formatCodes().size(); f++) {
            int format = f;
            boolean used = java.util.stream.IntStream.range(0, posts.size())
                    .anyMatch(i -> posts.platform()[i] == index && posts.format()[i] == format);
            if (used) {
                String code = posts.formatCodes().get(f);
                ReachDecay.DecayFit fit = ReachDecay.fit(database, platform.platform(), Optional.of(code),
                        settings.seed());
                if (fitted(fit)) {
                    factors.put(code, fit.lambda() / platform.lambda());
                }
            }
        }
        return factors;
    }

    private static boolean fitted(ReachDecay.DecayFit fit) {
        return fit.source() == ReachDecay.Source.SNAPSHOTS || fit.source() == ReachDecay.Source.AGES;
    }

    /**
     * How far one post's engagement rate strays from its slot's rate, beyond the binomial luck of its impressions:
     * the method of moments over the platform's posts, mean squared residual less mean r(1 − r)/impressions (not
     * below 0). {@link SlotRates#sigma()} measures spread around the platform mean, slot differences included; a
     * post whose slot is known strays less.
     */
    static double residualSpread(PostHistory posts, SlotRates rates, ZoneId projectZone, ZoneId platformZone) {
        int platform = posts.platformIndex(rates.query().platform());
        double squares = 0;
        double binomial = 0;
        int n = 0;
        for (int i = 0; i < posts.size(); i++) {
            if (posts.platform()[i] != platform || !posts.hasRate(i)) {
                continue;
            }
            LocalDateTime local = ZonedDateTime.of(posts.publishedAt(i), projectZone).withZoneSameInstant(platformZone)
                    .toLocalDateTime();
            double slotRate = rates.rate(local.getDayOfWeek().getValue() - 1, local.getHour());
            double rate = (double) posts.engagements()[i] / posts.impressions()[i];
            squares += (rate - slotRate) * (rate - slotRate);
            binomial += slotRate * (1 - slotRate) / posts.impressions()[i];
            n++;
        }
        return n < 2 ? rates.sigma() : Math.sqrt(Math.max(0, (squares - binomial) / n));
    }

    /** Hours to add to a project-zone time to read it in the platform's zone, as of now. */
    static int hourShift(ZoneId project, ZoneId platform) {
        Instant now = Instant.now();
        int seconds = platform.getRules().getOffset(now).getTotalSeconds()
                - project.getRules().getOffset(now).getTotalSeconds();
        return Math.round(seconds / 3600f);
    }

    /** Reach of each format relative to the platform's typical post, shrunk toward 1 for formats with few posts. */
    private static Map<String, Double> formatFactors(PostHistory posts, int platform, ReachSpread all) {
        Map<String, Double> factors = new HashMap<>();
        if (all.posts() < MIN_POSTS_FOR_SPREAD) {
            return factors;
        }
        for (int f = 0; f < posts.formatCodes().size(); f++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < posts.size(); i++) {
                if (posts.platform()[i] == platform && posts.format()[i] == f && posts.reach()[i] > 0) {
                    sum += Math.log(posts.reach()[i]);
                    n++;
                }
            }
            if (n > 0) {
                double shrink = n / (n + FORMAT_PRIOR_POSTS);
                factors.put(posts.formatCodes().get(f), Math.exp(shrink * (sum / n - all.logMean())));
            }
        }
        return factors;
    }

    /** Impressions per reach (true) or clicks per impression (false) over the platform's posts that have both. */
    private static double ratio(PostHistory posts, int platform, boolean impressionsPerReach) {
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < posts.size(); i++) {
            if (posts.platform()[i] != platform || posts.impressions()[i] <= 0) {
                continue;
            }
            if (impressionsPerReach && posts.reach()[i] > 0) {
                numerator += posts.impressions()[i];
                denominator += posts.reach()[i];
            } else if (!impressionsPerReach) {
                numerator += posts.clicks()[i];
                denominator += posts.impressions()[i];
            }
        }
        if (impressionsPerReach) {
            return denominator > 0 ? Math.max(1, numerator / denominator) : DEFAULT_IMPRESSIONS_PER_REACH;
        }
        return denominator > 0 && numerator > 0 ? numerator / denominator : DEFAULT_CLICKS_PER_IMPRESSION;
    }

    /** Per platform code, the mean paid order value, its standard error and the orders' spread; "" for all orders. */
    static Map<String, double[]> orderValues(ActivitySnapshot snapshot) {
        Map<Integer, double[]> sums = new HashMap<>();
        double[] all = new double[3];
        int[] platform = snapshot.orderPlatform();
        double[] amount = snapshot.orderAmount();
        for (int o = 0; o < snapshot.orders(); o++) {
            double[] sum = sums.computeIfAbsent(platform[o], p -> new double[3]);
            for (double[] s : new double[][]{sum, all}) {
                s[0]++;
                s[1] += amount[o];
                s[2] += amount[o] * amount[o];
            }
        }
        Map<String, double[]> values = new HashMap<>();
        values.put("", meanAndError(all));
        sums.forEach((id, sum) -> snapshot.platform(id).ifPresent(name -> values.put(name.code(), meanAndError(sum))));
        return values;
    }

    private static double[] meanAndError(double[] sum) {
        if (sum[0] == 0) {
            return new double[]{0, 0, 0};
        }
        double mean = sum[1] / sum[0];
        double variance = sum[0] > 1 ? Math.max(0, (sum[2] - sum[0] * mean * mean) / (sum[0] - 1)) : mean * mean;
        return new double[]{mean, Math.sqrt(variance / sum[0]), Math.sqrt(variance)};
    }

    /** Impressions per yuan of each platform's spend rows that report impressions. */
    private static Map<String, Double> impressionsPerYuan(ProjectDatabase database) throws SQLException {
        return database.read(connection -> {
            Map<String, Double> prices = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pl.code, SUM(s.impressions), SUM(s.amount) FROM spend s "
                         + "JOIN platform pl ON pl.id = s.platform_id WHERE s.impressions IS NOT NULL AND s.amount > 0 "
                         + "GROUP BY pl.code")) {
                while (rs.next()) {
                    double yuan = rs.getDouble(3);
                    if (yuan > 0 && rs.getLong(2) > 0) {
                        prices.put(rs.getString(1), rs.getLong(2) / yuan);
                    }
                }
            }
            return prices;
        });
    }

    /** The spread of log reach over a platform's posts (index -1: all posts). */
    record ReachSpread(int posts, double logMean, double logSd) {

        static ReachSpread of(PostHistory history, int platform) {
            double[] logs = new double[history.size()];
            int n = 0;
            for (int i = 0; i < history.size(); i++) {
                if ((platform < 0 || history.platform()[i] == platform) && history.reach()[i] > 0) {
                    logs[n++] = Math.log(history.reach()[i]);
                }
            }
            double mean = Arrays.stream(logs, 0, n).average().orElse(Math.log(DEFAULT_REACH));
            double squares = 0;
            for (int i = 0; i < n; i++) {
                squares += (logs[i] - mean) * (logs[i] - mean);
            }
            return new ReachSpread(n, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : DEFAULT_LOG_REACH_SD);
        }

        static ReachSpread assumed() {
            return new ReachSpread(0, Math.log(DEFAULT_REACH), DEFAULT_LOG_REACH_SD);
        }

        /** All platforms' posts standing in for one without its own: platforms differ, so the mean is less sure. */
        ReachSpread widened() {
            return new ReachSpread(0, logMean, Math.max(logSd, DEFAULT_LOG_REACH_SD));
        }

        double logMeanSe() {
            return posts > 0 ? logSd / Math.sqrt(posts) : logSd;
        }
    }
}
