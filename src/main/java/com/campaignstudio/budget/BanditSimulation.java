package com.campaignstudio.budget;

import com.campaignstudio.stats.Variates;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What learning costs while spending: visitors arrive in daily batches and are sent to one of several variants
 * (creatives, placements) whose conversion rates are the user's guesses; each strategy's regret is the conversions
 * it loses against sending everyone to the best variant from the start, over many seeded runs.
 *
 * <ul>
 *   <li>Even split: every batch divided equally; its expected regret is visitors × (best rate − mean rate).</li>
 *   <li>Test then commit: an even split for the first {@code testShare} of the visitors, then everyone to the variant
 *   with the most conversions per visitor so far.</li>
 *   <li>Thompson sampling: each visitor goes to the variant whose draw from its Beta(1 + conversions, 1 + misses)
 *   posterior, as of the start of the day, is highest (Thompson 1933; the posteriors learn once a day, as a creator's
 *   ad platform reports daily).</li>
 * </ul>
 */
public final class BanditSimulation {

    /** The strategies compared. */
    public enum Strategy { EVEN_SPLIT, TEST_THEN_COMMIT, THOMPSON }

    /** A strategy's regret over the runs: mean and 10th / 90th percentiles, in conversions; its visitor shares. */
    public record Regret(double mean, double low, double high, double[] meanShare) {
    }

    /**
     * The setup.
     *
     * @param rates     each variant's conversion rate
     * @param visitors  visitors over the whole test
     * @param days      days they arrive over (equal batches)
     * @param testShare share of visitors in test-then-commit's test
     * @param runs      seeded runs
     */
    public record Setup(List<Double> rates, long visitors, int days, double testShare, int runs, long seed) {
        public Setup {
            rates = List.copyOf(rates);
            if (rates.size() < 2 || rates.stream().anyMatch(r -> !(r >= 0 && r <= 1))) {
                throw new IllegalArgumentException("two or more conversion rates between 0 and 1: " + rates);
            }
            if (visitors < days || days < 1 || !(testShare > 0 && testShare < 1) || runs < 1) {
                throw new IllegalArgumentException(visitors + " visitors over " + days + " days, test share "
                        + testShare + ", " + runs + " runs");
            }
        }
    }

    private BanditSimulation() {
    }

    public static Map<Strategy, Regret> run(Setup setup) {
        Map<Strategy, Regret> regrets = new EnumMap<>(Strategy.class);
        for (Strategy strategy : Strategy.values()) {
            SplittableRandom random = new SplittableRandom(setup.seed());
            double[] regret = new double[setup.runs()];
            double[] share = new double[setup.rates().size()];
            for (int run = 0; run < setup.runs(); run++) {
                long[] sent = new long[setup.rates().size()];
                regret[run] = oneRun(setup, strategy, random.split(), sent);
                for (int k = 0; k < sent.length; k++) {
                    share[k] += (double) sent[k] / setup.visitors() / setup.runs();
                }
            }
            Arrays.sort(regret);
            regrets.put(strategy, new Regret(Arrays.stream(regret).average().orElseThrow(),
                    regret[percentile(0.10, regret.length)], regret[percentile(0.90, regret.length)], share));
        }
        return regrets;
    }

    /** Expected conversions lost by sending everyone to the best variant less those an even split gets. */
    public static double evenSplitRegret(Setup setup) {
        double best = setup.rates().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double mean = setup.rates().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return setup.visitors() * (best - mean);
    }

    private static double oneRun(Setup setup, Strategy strategy, SplittableRandom random, long[] sent) {
        int arms = setup.rates().size();
        long[] conversions = new long[arms];
        long[] trials = new long[arms];
        double best = setup.rates().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        long converted = 0;
        long arrived = 0;
        long testVisitors = Math.round(setup.visitors() * setup.testShare());
        for (int day = 0; day < setup.days(); day++) {
            long batch = setup.visitors() * (day + 1) / setup.days() - setup.visitors() * day / setup.days();
            long[] today = new long[arms];
            long[] snapshotConversions = conversions.clone();
            long[] snapshotTrials = trials.clone();
            for (long v = 0; v < batch; v++) {
                int arm = switch (strategy) {
                    case EVEN_SPLIT -> (int) ((arrived + v) % arms);
                    case TEST_THEN_COMMIT -> arrived + v < testVisitors ? (int) ((arrived + v) % arms)
                            : bestObserved(snapshotConversions, snapshotTrials);
                    case THOMPSON -> thompson(snapshotConversions, snapshotTrials, random);
                };
                today[arm]++;
            }
            for (int k = 0; k < arms; k++) {
                long won = binomial(today[k], setup.rates().get(k), random);
                conversions[k] += won;
                trials[k] += today[k];
                sent[k] += today[k];
                converted += won;
            }
            arrived += batch;
        }
        return best * setup.visitors() - converted;
    }

    private static int bestObserved(long[] conversions, long[] trials) {
        int best = 0;
        for (int k = 1; k < conversions.length; k++) {
            if (rate(conversions[k], trials[k]) > rate(conversions[best], trials[best])) {
                best = k;
            }
        }
        return best;
    }

    private static double rate(long conversions, long trials) {
        return trials == 0 ? 0 : (double) conversions / trials;
    }

    private static int thompson(long[] conversions, long[] trials, SplittableRandom random) {
        int best = 0;
        double bestDraw = -1;
        for (int k = 0; k < conversions.length; k++) {
            double draw = Variates.beta(random, 1 + conversions[k], 1 + trials[k] - conversions[k]);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = k;
            }
        }
        return best;
    }

    private static long binomial(long n, double p, SplittableRandom random) {
        if (n * p * (1 - p) > 100) {
            double mean = n * p;
            return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian())));
        }
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static int percentile(double q, int n) {
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1));
    }
}
