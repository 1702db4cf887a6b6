package com.campaignstudio.schedule;

import com.campaignstudio.stats.Variates;
import smile.stat.distribution.GaussianDistribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte Carlo simulation of a plan under a {@link ScheduleModel} (the model's javadoc and {@link PlatformModel}'s
 * give the formulas). Each draw takes the platform-level uncertain figures (decay, typical reach, funnel rates, order
 * value) once per platform and a post's own luck (its reach, its rate around the slot's, its buyers as a Poisson
 * count) per post; a figure's 80% interval is the 10th to 90th percentile of its draws.
 *
 * <p>The random numbers are fixed by the model's seed and the post's position in the plan: simulating a plan again
 * after one post moved changes only what that post's new slot and fatigue change, so intervals do not jitter while
 * the user drags. One simulator serves one model; {@link #simulate} is synchronized, as it reuses its buffers.
 */
public final class Simulator {

    private static final int METRICS = Metric.values().length;

    private final ScheduleModel model;
    private final int draws;
    private final Map<String, PlatformDraws> platformDraws = new HashMap<>();
    private final List<PostLuck> luck = new ArrayList<>();
    private final List<PostDraws> cache = new ArrayList<>();
    private final float[] scratch;

    public Simulator(ScheduleModel model) {
        this.model = model;
        this.draws = model.draws();
        this.scratch = new float[draws];
        SplittableRandom random = new SplittableRandom(model.seed());
        model.platforms().keySet().stream().sorted().forEach(code ->
                platformDraws.put(code, new PlatformDraws(model.platforms().get(code), random.split(), draws)));
    }

    public ScheduleModel model() {
        return model;
    }

    public synchronized Simulation simulate(SchedulePlan plan) {
        List<PlannedPost> known = new ArrayList<>();
        List<PlannedPost> unknown = new ArrayList<>();
        for (PlannedPost post : plan.posts()) {
            (model.platforms().containsKey(post.platform()) ? known : unknown).add(post);
        }
        ensureCapacity(known.size());
        double[] fatigue = Fatigue.factors(known, model);
        List<String> platforms = known.stream().map(PlannedPost::platform).distinct().sorted().toList();
        double[][][] platformTotals = new double[platforms.size()][METRICS][draws];
        double horizon = plan.hoursFromStart(plan.horizon());
        List<Simulation.PostOutcome> outcomes = new ArrayList<>();
        double[] meanReach = new double[known.size()];
        for (int j = 0; j < known.size(); j++) {
            PlannedPost post = known.get(j);
            PostDraws simulated = simulated(j, new PostKey(post, fatigue[j],
                    horizon - plan.hoursFromStart(post.at())));
            meanReach[j] = simulated.meanFinalReach;
            outcomes.add(new Simulation.PostOutcome(post, simulated.outcome, fatigue[j],
                    model.platforms().get(post.platform()).lift(post.slot())));
            double[][] totals = platformTotals[platforms.indexOf(post.platform())];
            for (int m = 0; m < METRICS; m++) {
                float[] values = simulated.values[m];
                double[] total = totals[m];
                for (int d = 0; d < draws; d++) {
                    total[d] += values[d];
                }
            }
        }
        Map<String, Outcome> byPlatform = new LinkedHashMap<>();
        double[][] total = new double[METRICS][draws];
        for (int p = 0; p < platforms.size(); p++) {
            byPlatform.put(platforms.get(p), bands(platformTotals[p]));
            for (int m = 0; m < METRICS; m++) {
                for (int d = 0; d < draws; d++) {
                    total[m][d] += platformTotals[p][m][d];
                }
            }
        }
        return new Simulation(plan, outcomes, known.isEmpty() ? Outcome.NONE : bands(total), byPlatform,
                cumulativeReach(plan, known, meanReach, platforms), unknown, draws);
    }

    /** The draws of the post at {@code index}, simulated again only when the post, its fatigue or horizon changed. */
    private PostDraws simulated(int index, PostKey key) {
        PostDraws cached = cache.get(index);
        if (cached != null && cached.key.equals(key)) {
            return cached;
        }
        PostDraws fresh = simulatePost(key, index);
        cache.set(index, fresh);
        return fresh;
    }

    private PostDraws simulatePost(PostKey key, int index) {
        PlannedPost post = key.post();
        PlatformModel platform = model.platforms().get(post.platform());
        PlatformDraws shared = platformDraws.get(post.platform());
        PostLuck own = luck.get(index);
        int slot = post.slot();
        double rate = platform.slotRate(slot);
        double rateSd = Math.hypot(platform.slotSd()[slot], platform.rateSpread());
        double organicScale = platform.formatFactor(post.format()) * key.fatigue();
        double bought = platform.boughtReach(post.boost());
        double clicksPerEngagement = platform.clicksPerImpression() / platform.platformRate();
        double hoursToHorizon = key.hoursToHorizon();
        double formatDecay = platform.lambda(post.format()) / platform.lambda();
        float[][] values = new float[METRICS][draws];
        double finalReachSum = 0;
        for (int d = 0; d < draws; d++) {
            double finalReach = Math.exp(platform.logReachMean() + shared.reachShift[d]
                    + platform.logReachSd() * own.reach[d]) * organicScale + bought;
            finalReachSum += finalReach;
            double reached = hoursToHorizon <= 0 ? 0
                    : finalReach * -Math.expm1(-shared.lambda[d] * formatDecay * hoursToHorizon);
            double impressions = reached * platform.impressionsPerReach();
            double postRate = Math.max(0, rate + rateSd * own.rate[d]);
            double engagements = impressions * postRate;
            double clicks = engagements * clicksPerEngagement;
            double registrations = clicks * shared.register[d];
            long buyers = Variates.poisson(registrations * shared.purchase[d], own.buyersU[d], own.buyersZ[d]);
            values[0][d] = (float) reached;
            values[1][d] = (float) engagements;
            values[2][d] = (float) clicks;
            values[3][d] = (float) registrations;
            values[4][d] = buyers;
            values[5][d] = (float) Math.max(0, buyers * shared.orderValue[d]
                    + Math.sqrt(buyers) * platform.orderValueSpread() * own.revenue[d]);
        }
        Band[] bands = new Band[METRICS];
        for (int m = 0; m < METRICS; m++) {
            System.arraycopy(values[m], 0, scratch, 0, draws);
            bands[m] = Quantiles.band(scratch, draws, mean(values[m]));
        }
        return new PostDraws(key, values, Outcome.of(bands), finalReachSum / draws);
    }

    private Outcome bands(double[][] values) {
        Band[] bands = new Band[METRICS];
        for (int m = 0; m < METRICS; m++) {
            double sum = 0;
            for (int d = 0; d < draws; d++) {
                scratch[d] = (float) values[m][d];
                sum += values[m][d];
            }
            bands[m] = Quantiles.band(scratch, draws, sum / draws);
        }
        return Outcome.of(bands);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private Map<String, double[]> cumulativeReach(SchedulePlan plan, List<PlannedPost> posts, double[] meanReach,
                                                  List<String> platforms) {
        Map<String, double[]> curves = new LinkedHashMap<>();
        int hours = plan.hours();
        for (String code : platforms) {
            curves.put(code, new double[hours]);
        }
        for (int j = 0; j < posts.size(); j++) {
            PlannedPost post = posts.get(j);
            double lambda = model.platforms().get(post.platform()).lambda(post.format());
            double published = plan.hoursFromStart(post.at());
            double[] curve = curves.get(post.platform());
            for (int h = Math.max(0, (int) Math.floor(published)); h < hours; h++) {
                double age = h + 1 - published;
                if (age > 0) {
                    curve[h] += meanReach[j] * -Math.expm1(-lambda * age);
                }
            }
        }
        return curves;
    }

    private void ensureCapacity(int posts) {
        while (luck.size() < posts) {
            luck.add(new PostLuck(new SplittableRandom(model.seed() * 31 + luck.size() + 1), draws));
        }
        while (cache.size() < posts) {
            cache.add(null);
        }
    }

    /** What a post's draws depend on besides its position's random numbers. */
    private record PostKey(PlannedPost post, double fatigue, double hoursToHorizon) {
    }

    /** A post's draws per metric, their bands and its mean final reach. */
    private record PostDraws(PostKey key, float[][] values, Outcome outcome, double meanFinalReach) {
    }

    /** A platform's uncertain figures, one value per draw. */
    private static final class PlatformDraws {
        final double[] lambda;
        final double[] reachShift;
        final double[] register;
        final double[] purchase;
        final double[] orderValue;

        PlatformDraws(PlatformModel platform, SplittableRandom random, int draws) {
            lambda = new double[draws];
            reachShift = new double[draws];
            register = new double[draws];
            purchase = new double[draws];
            orderValue = new double[draws];
            for (int d = 0; d < draws; d++) {
                lambda[d] = platform.lambda() * Math.exp(platform.lambdaLogSd() * random.nextGaussian());
                reachShift[d] = platform.logReachMeanSe() * random.nextGaussian();
                register[d] = draw(platform.register(), random);
                purchase[d] = draw(platform.purchase(), random);
                orderValue[d] = Math.max(0, platform.orderValue() + platform.orderValueSe() * random.nextGaussian());
            }
        }

        private static double draw(Rate rate, SplittableRandom random) {
            return rate.isCertain() ? rate.mean() : Variates.beta(random, rate.alpha(), rate.beta());
        }
    }

    /** One post position's own random numbers: standard normals and, for its buyers, uniforms with their z. */
    private static final class PostLuck {
        private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();
        final float[] reach;
        final float[] rate;
        final float[] buyersU;
        final float[] buyersZ;
        final float[] revenue;

        PostLuck(SplittableRandom random, int draws) {
            reach = new float[draws];
            rate = new float[draws];
            buyersU = new float[draws];
            buyersZ = new float[draws];
            revenue = new float[draws];
            for (int d = 0; d < draws; d++) {
                reach[d] = (float) random.nextGaussian();
                rate[d] = (float) random.nextGaussian();
                double z = random.nextGaussian();
                buyersZ[d] = (float) z;
                buyersU[d] = (float) NORMAL.cdf(z);
                revenue[d] = (float) random.nextGaussian();
            }
        }
    }
}
