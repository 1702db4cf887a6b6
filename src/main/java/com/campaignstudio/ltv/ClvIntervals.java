package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Intervals on mean CLV by group from the parameters' uncertainty: a parametric bootstrap that draws the
 * log-parameters of both models from normal distributions with the fit's covariance and recomputes each
 * group's mean CLV on a sample of its customers (at most {@link #SAMPLE} per group). The 5% and 95% points
 * of the draws bound a 90% interval.
 */
public final class ClvIntervals {

    static final int DRAWS = 100;
    static final int SAMPLE = 300;

    private ClvIntervals() {
    }

    public static List<LtvResult.GroupValue> byPlatform(LtvResult result, long seed) {
        CustomerSummary summary = result.summary();
        Random random = new Random(seed);
        double[] bgMean = logs(result.bgNbd().values());
        double[][] bgFactor = cholesky(result.bgNbd().logCovariance());
        FittedModel spend = result.gammaGamma();
        double[] ggMean = spend == null ? null : logs(spend.values());
        double[][] ggFactor = spend == null ? null : cholesky(spend.logCovariance());
        List<LtvResult.GroupValue> out = new ArrayList<>();
        for (LtvResult.GroupValue group : result.byPlatform()) {
            int[] members = java.util.stream.IntStream.range(0, summary.size())
                    .filter(i -> summary.platforms()[i].equals(group.group())).toArray();
            int[] sample = members.length <= SAMPLE ? members : sample(members, random);
            double[] means = new double[DRAWS];
            for (int d = 0; d < DRAWS; d++) {
                double[] bg = draw(bgMean, bgFactor, random);
                BgNbd purchases = new BgNbd(bg[0], bg[1], bg[2], bg[3]);
                GammaGamma gg = null;
                if (ggMean != null) {
                    double[] g = draw(ggMean, ggFactor, random);
                    gg = new GammaGamma(g[0], g[1], g[2]);
                }
                double total = 0;
                for (int i : sample) {
                    double value = gg == null || gg.q() <= 1 ? spendOf(result, i)
                            : summary.x()[i] > 0 && summary.m()[i] > 0 ? gg.expectedOrderValue(summary.x()[i], summary.m()[i])
                            : gg.populationMean();
                    total += value * purchases.discountedPurchases(summary.x()[i], summary.tx()[i], summary.T()[i],
                            result.settings().horizon(), result.settings().discountRate());
                }
                means[d] = total / sample.length;
            }
            Arrays.sort(means);
            out.add(group.withInterval(means[(int) (0.05 * (DRAWS - 1))], means[(int) Math.ceil(0.95 * (DRAWS - 1))]));
        }
        return out;
    }

    /** The order value the point estimate used for customer i (CLV / discounted purchases). */
    private static double spendOf(LtvResult result, int i) {
        CustomerSummary s = result.summary();
        BgNbd bg = new BgNbd(result.bgNbd().values()[0], result.bgNbd().values()[1], result.bgNbd().values()[2],
                result.bgNbd().values()[3]);
        double purchases = bg.discountedPurchases(s.x()[i], s.tx()[i], s.T()[i], result.settings().horizon(),
                result.settings().discountRate());
        return purchases == 0 ? 0 : result.clv()[i] / purchases;
    }

    private static int[] sample(int[] members, Random random) {
        int[] copy = members.clone();
        for (int i = 0; i < SAMPLE; i++) {
            int j = i + random.nextInt(copy.length - i);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return Arrays.copyOf(copy, SAMPLE);
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    private static double[] draw(double[] mean, double[][] factor, Random random) {
        int n = mean.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double value = mean[i];
            if (factor != null) {
                for (int j = 0; j <= i; j++) {
                    value += factor[i][j] * z[j];
                }
            }
            out[i] = Math.exp(value);
        }
        return out;
    }

    /** Lower-triangular L with L L^T = covariance; null when it is not positive definite. */
    static double[][] cholesky(double[][] covariance) {
        if (covariance == null) {
            return null;
        }
        int n = covariance.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = covariance[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }
}
