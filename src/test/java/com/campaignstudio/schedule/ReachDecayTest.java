package com.campaignstudio.schedule;

import com.campaignstudio.schedule.ReachDecay.AgedPosts;
import com.campaignstudio.schedule.ReachDecay.DecayFit;
import com.campaignstudio.schedule.ReachDecay.Series;
import com.campaignstudio.schedule.ReachDecay.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decay fit against synthetic posts with a known lambda: snapshots at the demo's ages (1 h to a week), each
 * missing with probability 30%, eventual reach between 1,000 and 50,000, multiplicative noise with a stated
 * standard deviation.
 */
class ReachDecayTest {

    private static final double[] HOURS = {1, 2, 4, 8, 12, 24, 48, 72, 120, 168};

    /** Posts whose snapshots follow R_inf (1 - e^(-lambda t)) (1 + noise x N(0, 1)), 30% of them missing. */
    static List<Series> synthetic(int posts, double lambda, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            double eventual = 1_000 + random.nextDouble() * 49_000;
            double[] ages = new double[HOURS.length];
            double[] reach = new double[HOURS.length];
            int n = 0;
            for (double hours : HOURS) {
                double observed = eventual * (1 - Math.exp(-lambda * hours)) * (1 + noise * gaussian(random));
                if (random.nextDouble() < 0.3) {
                    continue;
                }
                ages[n] = hours;
                reach[n] = Math.round(observed);
                n++;
            }
            series.add(new Series(Arrays.copyOf(ages, n), Arrays.copyOf(reach, n)));
        }
        return series;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * With 60 posts (about 420 points) lambda comes back within 5% whatever the half-life from 3 h to 48 h: with
     * 2-5% noise its standard error is about 1%, so 5% is several standard errors.
     */
    @ParameterizedTest
    @ValueSource(doubles = {3, 12, 48})
    void snapshotsRecoverAKnownLambdaDespiteNoiseAndMissingPoints(double halfLife) {
        double lambda = Math.log(2) / halfLife;
        for (double noise : new double[]{0.02, 0.05}) {
            DecayFit fit = ReachDecay.fitSnapshots("douyin", Optional.of("video"),
                    synthetic(60, lambda, noise, 11), 5).orElseThrow();
            assertEquals(Source.SNAPSHOTS, fit.source());
            assertEquals(lambda, fit.lambda(), 0.05 * lambda, "noise " + noise);
            assertEquals(Math.log(2) / fit.lambda(), fit.halfLifeHours(), 1e-12);
            assertTrue(fit.lambdaLow() <= fit.lambda() && fit.lambda() <= fit.lambdaHigh());
            assertEquals(60, fit.posts());
            assertEquals(fit.points(), fit.observed().size());
            assertTrue(fit.r2() > 0.95, "R2 " + fit.r2());
            // Normalised points scatter about the curve by roughly the noise (points early on weigh less).
            assertTrue(fit.rmse() < 2 * noise, "RMSE " + fit.rmse());
            assertEquals(0.5, fit.cumulativeShare(fit.halfLifeHours()), 1e-12);
        }
    }

    /**
     * Over 100 synthetic data sets of 30 posts with 3% noise the 95% bootstrap interval covers the true lambda in at
     * least 85 (a percentile bootstrap over few posts runs a little short of its nominal rate; 95 of 100 expected,
     * fewer than 85 would have probability under 0.1% at 95% coverage) and is not trivially wide: its median width
     * stays under 20% of lambda.
     */
    @Test
    void theBootstrapIntervalCoversLambdaAtRoughlyItsNominalRate() {
        double lambda = Math.log(2) / 10;
        int covered = 0;
        double[] widths = new double[100];
        for (int run = 0; run < 100; run++) {
            DecayFit fit = ReachDecay.fitSnapshots("weibo", Optional.empty(), synthetic(30, lambda, 0.03, 1000 + run),
                    run).orElseThrow();
            if (fit.lambdaLow() <= lambda && lambda <= fit.lambdaHigh()) {
                covered++;
            }
            widths[run] = (fit.lambdaHigh() - fit.lambdaLow()) / lambda;
        }
        Arrays.sort(widths);
        assertTrue(covered >= 85, "covered " + covered + " of 100");
        assertTrue(widths[50] < 0.2, "median width " + widths[50]);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndTheChartKeepsAtMostTwoThousandPoints() {
        List<Series> posts = synthetic(400, Math.log(2) / 6, 0.03, 3);
        DecayFit once = ReachDecay.fitSnapshots("weibo", Optional.empty(), posts, 9).orElseThrow();
        DecayFit again = ReachDecay.fitSnapshots("weibo", Optional.empty(), posts, 9).orElseThrow();
        assertEquals(once, again);
        assertTrue(once.points() > ReachDecay.MAX_CHART_POINTS);
        assertEquals(ReachDecay.MAX_CHART_POINTS, once.observed().size());
    }

    @Test
    void oneSnapshotPerPostCannotPlaceLambda() {
        List<Series> single = List.of(new Series(new double[]{5}, new double[]{100}),
                new Series(new double[]{8}, new double[]{300}), new Series(new double[]{24}, new double[]{900}));
        assertTrue(ReachDecay.fitSnapshots("weibo", Optional.empty(), single, 1).isEmpty());
        assertEquals(Source.DEFAULT,
                ReachDecay.choose("weibo", Optional.empty(), single, AgedPosts.none(), OptionalDouble.empty(), 1)
                        .source());
    }

    /** Reach at a known age with a shared rho of 0.7 and 3% noise; ages from 1 h to 100 h, half-life 12 h. */
    static AgedPosts aged(int posts, double lambda, double shortestAge, double longestAge, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[posts];
        double[] impressions = new double[posts];
        double[] reach = new double[posts];
        for (int i = 0; i < posts; i++) {
            ages[i] = shortestAge + random.nextDouble() * (longestAge - shortestAge);
            impressions[i] = 2_000 + random.nextDouble() * 30_000;
            reach[i] = Math.round(0.7 * impressions[i] * (1 - Math.exp(-lambda * ages[i])) * (1 + 0.03 * gaussian(random)));
        }
        return new AgedPosts(ages, impressions, reach);
    }

    /** 200 posts, half of them younger than 4 half-lives: lambda within 10%. */
    @Test
    void withoutSnapshotsYoungPostsAtKnownAgesPlaceLambda() {
        double lambda = Math.log(2) / 12;
        DecayFit fit = ReachDecay.choose("wechat", Optional.empty(), List.of(), aged(200, lambda, 1, 100, 4),
                OptionalDouble.empty(), 2);
        assertEquals(Source.AGES, fit.source());
        assertEquals(lambda, fit.lambda(), 0.1 * lambda);
        assertTrue(fit.lambdaLow() < lambda && lambda < fit.lambdaHigh());
        assertEquals(200, fit.posts());
        // Normalised by rho, old posts sit at 1.
        assertTrue(fit.r2() > 0.9, "R2 " + fit.r2());
    }

    @Test
    void onlyOldPostsFallToThePlatformsDefault() {
        DecayFit fit = ReachDecay.choose("wechat", Optional.of("article"), List.of(),
                aged(200, Math.log(2) / 12, 500, 1000, 4), OptionalDouble.empty(), 2);
        assertEquals(Source.DEFAULT, fit.source());
        assertEquals(24, fit.halfLifeHours(), 1e-12);
        assertEquals(Math.log(2) / 24, fit.lambda(), 1e-15);
        assertEquals(0.5 * fit.lambda(), fit.lambdaLow(), 1e-15);
        assertEquals(1.5 * fit.lambda(), fit.lambdaHigh(), 1e-15);
        assertTrue(Double.isNaN(fit.r2()));
        assertTrue(fit.observed().isEmpty());
        assertEquals(Optional.of("article"), fit.format());
    }

    @Test
    void fewerThanFiveYoungPostsFallToTheDefault() {
        double lambda = Math.log(2) / 12;
        AgedPosts old = aged(100, lambda, 400, 800, 4);
        AgedPosts young = aged(4, lambda, 1, 20, 5);
        AgedPosts mixed = new AgedPosts(concat(old.ageHours(), young.ageHours()),
                concat(old.impressions(), young.impressions()), concat(old.reach(), young.reach()));
        assertEquals(Source.DEFAULT, ReachDecay.choose("douyin", Optional.empty(), List.of(), mixed,
                OptionalDouble.empty(), 1).source());
    }

    @Test
    void theDefaultsAreTheStatedRulesOfThumb() {
        assertEquals(4, ReachDecay.defaultHalfLifeHours("weibo"));
        assertEquals(24, ReachDecay.defaultHalfLifeHours("wechat"));
        assertEquals(12, ReachDecay.defaultHalfLifeHours("douyin"));
        assertEquals(12, ReachDecay.defaultHalfLifeHours("kuaishou"));
        assertEquals(48, ReachDecay.defaultHalfLifeHours("xiaohongshu"));
        assertEquals(72, ReachDecay.defaultHalfLifeHours("zhihu"));
        assertEquals(36, ReachDecay.defaultHalfLifeHours("bilibili"));
        assertEquals(2, ReachDecay.defaultHalfLifeHours("live"));
        assertEquals(24, ReachDecay.defaultHalfLifeHours("youzan"));
    }

    @Test
    void theUsersHalfLifeWinsOverDataAndDefault() {
        List<Series> snapshots = synthetic(40, Math.log(2) / 3, 0.02, 8);
        DecayFit fit = ReachDecay.choose("weibo", Optional.empty(), snapshots, AgedPosts.none(), OptionalDouble.of(10), 1);
        assertEquals(Source.USER, fit.source());
        assertEquals(10, fit.halfLifeHours(), 1e-12);
        assertEquals(Math.log(2) / 10, fit.lambda(), 1e-15);
        assertEquals(0.5 * fit.lambda(), fit.lambdaLow(), 1e-15);
        assertFalse(ReachDecay.fitSnapshots("weibo", Optional.empty(), snapshots, 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ReachDecay.assumed("weibo", Optional.empty(),
                OptionalDouble.of(0)));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
