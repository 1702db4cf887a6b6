package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Intervals on mean CLV by group from the parameters' uncertainty: a parametric bootstrap that draws the
 * log-parameters of both models from normal distributions with the fit's covariance and recomputes the mean
 * CLV of a sample of the group's customers (at most {@link #SAMPLE}). Each draw's mean, divided by the
 * sample's mean at the fitted parameters, is how far the parameters' uncertainty moves the group's value;
 * the 5% and 95% points of those ratios times the group's mean CLV bound a 90% interval (so the interval is
 * about the group's mean, which it contains, not about the sample's). Draws run in parallel, each with its
 * own seeded generator, so the result does not depend on the thread count.
 */
public final class ClvIntervals {

    static final int DRAWS = 100;
    static final int SAMPLE = 300;
    /** The share of draws whose CLV must be a number for an interval to be given. */
    static final double FINITE_SHARE = 0.95;

    private ClvIntervals() {
    }

    public static List<LtvResult.GroupValue> byPlatform(LtvResult result, long seed, TaskContext context) {
        return of(result, result.byPlatform(), result.summary().platforms(), seed, context);
    }

    /**
     * The {@code groups} with their intervals; {@code groupOf[i]} names customer i's group (null: in none).
     */
    public static List<LtvResult.GroupValue> of(LtvResult result, List<LtvResult.GroupValue> groups, String[] groupOf,
                                                long seed, TaskContext context) {
        context.message(Reason.of("stage.intervals"));
        CustomerSummary summary = result.summary();
        double[] fittedPurchases = result.bgNbd().values();
        double[] bgMean = logs(fittedPurchases);
        double[][] bgFactor = cholesky(result.bgNbd().logCovariance());
        FittedModel spend = result.gammaGamma();
        double[] ggMean = spend == null ? null : logs(spend.values());
        double[][] ggFactor = spend == null ? null : cholesky(spend.logCovariance());
        BgNbd fitted = new BgNbd(fittedPurchases[0], fittedPurchases[1], fittedPurchases[2], fittedPurchases[3]);
        int horizon = result.settings().horizon();
        double discount = result.settings().discountRate();
        Random sampling = new Random(seed);
        List<LtvResult.GroupValue> out = new ArrayList<>();
        for (LtvResult.GroupValue group : groups) {
            context.checkCancelled();
            int[] members = IntStream.range(0, summary.size())
                    .filter(i -> group.group().equals(groupOf[i])).toArray();
            int[] sample = members.length <= SAMPLE ? members : sample(members, sampling);
            long groupSeed = sampling.nextLong();
            double pointMean = 0;
            // Without a usable spend model the point estimate valued each customer's purchases at a fixed
            // order value; the draws keep it.
            double[] fixedOrderValue = new double[sample.length];
            for (int k = 0; k < sample.length; k++) {
                int i = sample[k];
                pointMean += result.clv()[i];
                double purchases = fitted.discountedPurchases(summary.x()[i], summary.tx()[i], summary.T()[i], horizon,
                        discount);
                fixedOrderValue[k] = purchases == 0 ? 0 : result.clv()[i] / purchases;
            }
            pointMean /= sample.length;
            if (!(pointMean > 0)) {
                out.add(group.withInterval(group.meanClv(), group.meanClv()));
                continue;
            }
            double sampleMean = pointMean;
            double[] ratios = IntStream.range(0, DRAWS).parallel().mapToDouble(d -> {
                Random random = new Random(groupSeed + d);
                double[] bg = draw(bgMean, bgFactor, random);
                BgNbd purchases = new BgNbd(bg[0], bg[1], bg[2], bg[3]);
                GammaGamma gg = null;
                if (ggMean != null) {
                    double[] g = draw(ggMean, ggFactor, random);
                    gg = new GammaGamma(g[0], g[1], g[2]);
                }
                double total = 0;
                try {
                    for (int k = 0; k < sample.length; k++) {
                        int i = sample[k];
                        double value = LtvModel.orderValue(gg, summary.x()[i], summary.m()[i], fixedOrderValue[k]);
                        total += value * purchases.discountedPurchases(summary.x()[i], summary.tx()[i], summary.T()[i],
                                horizon, discount);
                    }
                } catch (ArithmeticException overflowed) {
                    return Double.NaN;
                }
                return total / sample.length / sampleMean;
            }).filter(Double::isFinite).sorted().toArray();
            // Draws far out in the parameters' uncertainty can overflow the model's formulas; with more than a few
            // of them the rest would not be the distribution the interval is about, so there is no interval.
            if (ratios.length < FINITE_SHARE * DRAWS) {
                out.add(group.withInterval(Double.NaN, Double.NaN));
                continue;
            }
            int last = ratios.length - 1;
            // Rounding in the draws' formulas can leave a value of -1e-13; no customer is worth less than nothing.
            out.add(group.withInterval(group.meanClv() * Math.max(0, ratios[(int) (0.05 * last)]),
                    group.meanClv() * ratios[(int) Math.ceil(0.95 * last)]));
        }
        return out;
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
