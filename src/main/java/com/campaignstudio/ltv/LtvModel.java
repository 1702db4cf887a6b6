package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fits BG/NBD and Gamma-Gamma to a customer summary and computes, per customer, P(alive), expected
 * purchases and CLV = sum over i = 1..H of (E[Y(i)] - E[Y(i-1)]) * E[M] / (1 + d)^i. The purchase part
 * depends only on (x, t_x, T), so it is computed once per distinct history, in parallel.
 */
public final class LtvModel {

    static final int ALIVE_MAP_COLUMNS = 20;
    static final int ALIVE_MAP_ROWS = 21;

    private LtvModel() {
    }

    public static LtvResult fit(CustomerSummary summary, LtvSettings settings, TaskContext context) throws LtvException {
        if (summary.size() < 30) {
            throw new LtvException("ltv.error.tooFew", summary.size());
        }
        List<Reason> notes = new ArrayList<>();
        Repeats repeats = Repeats.collapse(summary.x(), summary.tx(), summary.T());
        context.message("BG/NBD");
        LogSpaceFit.Result purchases = BgNbdFit.fit(repeats, settings.penalty());
        if (purchases == null) {
            throw new LtvException("ltv.error.noFit", settings.unit().key());
        }
        BgNbd bg = new BgNbd(purchases.theta()[0], purchases.theta()[1], purchases.theta()[2], purchases.theta()[3]);
        boolean converged = purchases.gradientNorm() < 1e-3 * Math.max(1, repeats.customers() / 1000.0);
        if (!converged) {
            notes.add(Reason.of("ltv.note.notConverged", String.format(java.util.Locale.ROOT, "%.3g", purchases.gradientNorm())));
        }
        // E[Y] has a - 1 in its denominator: near a = 1 it is numerically fragile.
        if (Math.abs(bg.a() - 1) < 1e-3) {
            notes.add(Reason.of("ltv.note.aNearOne"));
        }
        FittedModel bgModel = new FittedModel(List.of("r", "alpha", "a", "b"), purchases.theta(),
                purchases.standardErrors(), purchases.logCovariance(), purchases.logLikelihood(), converged,
                repeats.customers());
        context.progress(30, 100);
        context.checkCancelled();

        FittedModel ggModel = spendModel(summary, settings, notes);
        GammaGamma gg = ggModel == null ? null : new GammaGamma(ggModel.values()[0], ggModel.values()[1], ggModel.values()[2]);
        if (ggModel != null && gg.q() <= 1) {
            notes.add(Reason.of("ltv.note.infiniteMean"));
        }
        context.progress(45, 100);

        int n = summary.size();
        Map<HistoryKey, Integer> index = new HashMap<>();
        int[] historyOf = new int[n];
        List<HistoryKey> histories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HistoryKey key = new HistoryKey(summary.x()[i], summary.tx()[i], summary.T()[i]);
            Integer h = index.get(key);
            if (h == null) {
                h = histories.size();
                index.put(key, h);
                histories.add(key);
            }
            historyOf[i] = h;
        }
        double discount = settings.discountRate();
        int horizon = settings.horizon();
        double[][] perHistory = new double[histories.size()][];
        IntStream.range(0, histories.size()).parallel().forEach(h -> {
            HistoryKey key = histories.get(h);
            perHistory[h] = new double[]{bg.probabilityAlive(key.x, key.tx, key.T),
                    bg.expectedPurchases(horizon, key.x, key.tx, key.T),
                    discountedPurchases(bg, key.x, key.tx, key.T, horizon, discount)};
        });
        context.checkCancelled();
        context.progress(80, 100);
        float[] alive = new float[n];
        float[] expected = new float[n];
        float[] clv = new float[n];
        double fallbackValue = fallbackOrderValue(summary);
        for (int i = 0; i < n; i++) {
            double[] values = perHistory[historyOf[i]];
            alive[i] = (float) values[0];
            expected[i] = (float) values[1];
            clv[i] = (float) (values[2] * orderValue(gg, summary.x()[i], summary.m()[i], fallbackValue));
        }
        List<LtvResult.GroupValue> byPlatform = groups(summary.platforms(), clv);
        double maxT = java.util.Arrays.stream(summary.T()).max().orElse(1);
        double[][] aliveMap = aliveMap(bg, maxT);
        LtvResult.ModelCheck check = summary.hasHoldout() ? ModelChecks.of(summary, bg) : null;
        if (check != null && check.holdoutError() > 0.2) {
            notes.add(Reason.of("ltv.note.poorFit", Math.round(check.predictedHoldout()), Math.round(check.actualHoldout())));
        }
        context.progress(100, 100);
        return new LtvResult(summary, bgModel, ggModel, settings, alive, expected, clv, byPlatform, aliveMap, maxT,
                check, List.copyOf(notes));
    }

    /** sum over i = 1..H of (E[Y(i)] - E[Y(i-1)]) / (1 + d)^i. */
    static double discountedPurchases(BgNbd bg, double x, double tx, double T, int horizon, double discount) {
        double total = 0;
        double previous = 0;
        double factor = 1;
        for (int i = 1; i <= horizon; i++) {
            double cumulative = bg.expectedPurchases(i, x, tx, T);
            factor /= 1 + discount;
            total += (cumulative - previous) * factor;
            previous = cumulative;
        }
        return total;
    }

    private static double orderValue(GammaGamma gg, int x, double m, double fallback) {
        if (gg == null || gg.q() <= 1) {
            return fallback;
        }
        return x > 0 && m > 0 ? gg.expectedOrderValue(x, m) : gg.populationMean();
    }

    /** Without a usable spend model: the mean value of all repeat occasions. */
    private static double fallbackOrderValue(CustomerSummary summary) {
        double total = 0;
        long count = 0;
        for (int i = 0; i < summary.size(); i++) {
            total += summary.m()[i] * summary.x()[i];
            count += summary.x()[i];
        }
        return count == 0 ? 0 : total / count;
    }

    private static FittedModel spendModel(CustomerSummary summary, LtvSettings settings, List<Reason> notes) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) {
            if (summary.x()[i] > 0 && summary.m()[i] > 0) {
                rows.add(i);
            }
        }
        if (summary.nonPositiveRepeaters() > 0) {
            notes.add(Reason.of("ltv.note.nonPositive", summary.nonPositiveRepeaters()));
        }
        if (rows.size() < 10) {
            notes.add(Reason.of("ltv.note.noSpendModel", rows.size()));
            return null;
        }
        int[] x = rows.stream().mapToInt(i -> summary.x()[i]).toArray();
        double[] m = rows.stream().mapToDouble(i -> summary.m()[i]).toArray();
        LogSpaceFit.Result result = GammaGammaFit.fit(x, m, settings.penalty());
        if (result == null) {
            notes.add(Reason.of("ltv.note.noSpendModel", rows.size()));
            return null;
        }
        boolean converged = result.gradientNorm() < 1e-3 * Math.max(1, rows.size() / 1000.0);
        return new FittedModel(List.of("p", "q", "gamma"), result.theta(), result.standardErrors(),
                result.logCovariance(), result.logLikelihood(), converged, rows.size());
    }

    private static List<LtvResult.GroupValue> groups(String[] names, float[] clv) {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            double[] sum = sums.computeIfAbsent(names[i], name -> new double[2]);
            sum[0]++;
            sum[1] += clv[i];
        }
        List<LtvResult.GroupValue> groups = new ArrayList<>();
        sums.forEach((name, sum) -> groups.add(new LtvResult.GroupValue(name, (long) sum[0], sum[1] / sum[0], sum[1],
                Double.NaN, Double.NaN)));
        groups.sort((p, q) -> Double.compare(q.meanClv(), p.meanClv()));
        return groups;
    }

    private static double[][] aliveMap(BgNbd bg, double T) {
        double[][] map = new double[ALIVE_MAP_ROWS][ALIVE_MAP_COLUMNS];
        for (int x = 0; x < ALIVE_MAP_ROWS; x++) {
            for (int c = 0; c < ALIVE_MAP_COLUMNS; c++) {
                double tx = T * (c + 0.5) / ALIVE_MAP_COLUMNS;
                map[x][c] = bg.probabilityAlive(x, x == 0 ? 0 : tx, T);
            }
        }
        return map;
    }

    private record HistoryKey(int x, double tx, double T) {
    }
}
