package com.campaignstudio.schedule;

import com.campaignstudio.stats.Variates;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage of the 80% intervals end to end: in each of {@value #WORLDS} simulated worlds a year of post history
 * (with reach snapshots, clicks, a funnel and orders) is generated from known parameters, the model is estimated from
 * it as for a project, and a week of eight planned posts is both predicted and played out in that world. The share
 * of worlds whose actual total falls inside the predicted interval should be 80%: with 300 worlds its standard
 * error is 2.3 points, and the test accepts 72% to 88% (3.5 standard errors).
 */
class SimulatedWeeksTest {

    private static final int WORLDS = 300;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime YEAR = LocalDateTime.of(2025, 11, 24, 0, 0);
    private static final LocalDateTime WEEK = LocalDateTime.of(2026, 11, 23, 0, 0);
    private static final double[] WEEKDAY = {0.90, 0.95, 1.00, 1.00, 1.05, 1.20, 1.15};
    private static final double[] HOUR = {0.55, 0.45, 0.40, 0.40, 0.40, 0.45, 0.60, 0.75, 0.90, 0.95, 1.00, 1.05,
            1.20, 1.15, 1.00, 0.95, 0.95, 1.00, 1.10, 1.25, 1.50, 1.55, 1.30, 0.80};
    private static final double BASE_RATE = 0.05;
    private static final double RATE_NOISE = 0.15;
    private static final double LOG_REACH = 8.0;
    private static final double LOG_REACH_SD = 0.6;
    private static final double IMPRESSIONS_PER_REACH = 1.6;
    private static final double CLICKS_PER_ENGAGEMENT = 0.2;
    private static final double REGISTER = 0.4;
    private static final double PURCHASE = 0.15;
    private static final double ORDER_SHAPE = 2;
    private static final double ORDER_MEAN = 300;
    private static final double HALF_LIFE = 12;
    private static final double FATIGUE = 0.5;
    private static final int[] SNAPSHOT_HOURS = {1, 2, 4, 8, 12, 24, 48, 72, 120, 168};

    @Test
    void eightyPercentIntervalsCoverTheWeeksThatHappenEightyPercentOfTheTime() {
        Map<Metric, Integer> inside = new EnumMap<>(Metric.class);
        for (int world = 0; world < WORLDS; world++) {
            SplittableRandom random = new SplittableRandom(1000 + world);
            PlatformModel estimated = estimate(random);
            ScheduleModel model = new ScheduleModel(Map.of("douyin", estimated), FATIGUE, 2_000, world);
            List<PlannedPost> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(PlannedPost.of("douyin", WEEK.plusHours(random.nextInt(7 * 24)), "video"));
            }
            SchedulePlan plan = SchedulePlan.week(WEEK, posts);
            Outcome predicted = new Simulator(model).simulate(plan).total();
            double[] actual = playOut(plan, model, random);
            for (Metric metric : Metric.values()) {
                if (predicted.get(metric).contains(actual[metric.ordinal()])) {
                    inside.merge(metric, 1, Integer::sum);
                }
            }
        }
        for (Metric metric : Metric.values()) {
            double share = inside.getOrDefault(metric, 0) / (double) WORLDS;
            assertTrue(share >= 0.72 && share <= 0.88, metric + ": " + share + " of weeks inside their 80% interval");
        }
    }

    /** A year of history in this world, and the model a project of it would give. */
    private static PlatformModel estimate(SplittableRandom random) {
        PostHistory.Builder history = PostHistory.builder();
        List<ReachDecay.Series> snapshots = new ArrayList<>();
        long clicks = 0;
        for (int i = 0; i < 150; i++) {
            LocalDateTime at = YEAR.plusHours(random.nextInt(365 * 24));
            long reach = Math.round(Math.exp(LOG_REACH + LOG_REACH_SD * random.nextGaussian()));
            long impressions = Math.round(reach * IMPRESSIONS_PER_REACH);
            double rate = postRate(at, random);
            long engagements = binomial(impressions, rate, random);
            long postClicks = binomial(impressions, rate * CLICKS_PER_ENGAGEMENT, random);
            clicks += postClicks;
            history.add(i + 1, "douyin", "video", at, impressions, reach, engagements, postClicks);
            double[] ages = new double[SNAPSHOT_HOURS.length];
            double[] reached = new double[SNAPSHOT_HOURS.length];
            for (int s = 0; s < ages.length; s++) {
                ages[s] = SNAPSHOT_HOURS[s];
                reached[s] = reach * -Math.expm1(-Math.log(2) / HALF_LIFE * ages[s]) * (1 + 0.02 * random.nextGaussian());
            }
            snapshots.add(new ReachDecay.Series(ages, reached));
        }
        PostHistory posts = history.build();
        long registrations = binomial(clicks, REGISTER, random);
        long buyers = binomial(registrations, PURCHASE, random);
        double[] sums = new double[3];
        for (long b = 0; b < buyers; b++) {
            double value = orderValue(random);
            sums[0]++;
            sums[1] += value;
            sums[2] += value * value;
        }
        double mean = sums[1] / sums[0];
        double sd = Math.sqrt((sums[2] - sums[0] * mean * mean) / (sums[0] - 1));
        SlotRates rates = SlotRates.compute(posts, SlotQuery.of("douyin", ZONE));
        ReachDecay.DecayFit decay = ReachDecay.choose("douyin", Optional.empty(), snapshots,
                ReachDecay.AgedPosts.none(), OptionalDouble.empty(), random.nextLong());
        FunnelSteps steps = new FunnelSteps(Map.of("douyin", Rate.counted(registrations, clicks)),
                Map.of("douyin", Rate.counted(buyers, registrations)), Rate.ALWAYS, Rate.ALWAYS);
        return ScheduleModels.platform("douyin", posts, rates, decay, Map.of(), ScheduleModels.ReachSpread.of(posts, -1),
                steps,
                Map.of("douyin", new double[]{mean, sd / Math.sqrt(sums[0]), sd}), Map.of(), 0,
                ScheduleModels.residualSpread(posts, rates, ZONE, ZONE));
    }

    /** What the plan's week brings in this world: totals in {@link Metric} order. */
    private static double[] playOut(SchedulePlan plan, ScheduleModel model, SplittableRandom random) {
        double[] fatigue = Fatigue.factors(plan.posts(), model);
        double[] total = new double[Metric.values().length];
        double horizon = plan.hoursFromStart(plan.horizon());
        for (int j = 0; j < plan.posts().size(); j++) {
            PlannedPost post = plan.posts().get(j);
            double finalReach = Math.exp(LOG_REACH + LOG_REACH_SD * random.nextGaussian()) * fatigue[j];
            double reached = finalReach * -Math.expm1(-Math.log(2) / HALF_LIFE
                    * (horizon - plan.hoursFromStart(post.at())));
            long impressions = Math.round(reached * IMPRESSIONS_PER_REACH);
            double rate = postRate(post.at(), random);
            long engagements = binomial(impressions, rate, random);
            long clicks = binomial(impressions, rate * CLICKS_PER_ENGAGEMENT, random);
            long registrations = binomial(clicks, REGISTER, random);
            long buyers = binomial(registrations, PURCHASE, random);
            double revenue = 0;
            for (long b = 0; b < buyers; b++) {
                revenue += orderValue(random);
            }
            double[] figures = {Math.round(reached), engagements, clicks, registrations, buyers, revenue};
            for (int m = 0; m < total.length; m++) {
                total[m] += figures[m];
            }
        }
        return total;
    }

    private static double postRate(LocalDateTime at, SplittableRandom random) {
        return BASE_RATE * WEEKDAY[at.getDayOfWeek().getValue() - 1] * HOUR[at.getHour()]
                * Math.exp(RATE_NOISE * random.nextGaussian() - RATE_NOISE * RATE_NOISE / 2);
    }

    private static double orderValue(SplittableRandom random) {
        return Variates.gamma(random, ORDER_SHAPE) * ORDER_MEAN / ORDER_SHAPE;
    }

    private static long binomial(long n, double p, SplittableRandom random) {
        if (n < 50) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian())));
    }
}
