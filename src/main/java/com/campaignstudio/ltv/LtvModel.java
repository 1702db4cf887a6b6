package com.campaignstudio.ltv;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fits BG/NBD and Gamma-Gamma to a customer summary and computes, per customer, P(alive), expected
 * purchases and CLV = sum over i = 1..H of (E[Y(i)] - E[Y(i-1)]) * E[M] / (1 + d)^i. The purchase part
 * depends only on (x, t_x, T), so it is computed once per distinct history.
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
        Repeats.Collapsed collapsed = Repeats.collapseWithIndex(summary.x(), summary.tx(), summary.T());
        Repeats repeats = collapsed.repeats();
        context.message(Reason.of("stage.bgnbd"));
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
        FittedModel bgModel = FittedModel.of(List.of("r", "alpha", "a", "b"), purchases, converged, repeats.customers());
        if (!bgModel.identified("r") || !bgModel.identified("alpha")) {
            notes.add(Reason.of("ltv.note.rateNotIdentified"));
        }
        if (!bgModel.identified("a") || !bgModel.identified("b")) {
            notes.add(Reason.of("ltv.note.dropoutNotIdentified"));
        }
        context.progress(30, 100);
        context.checkCancelled();

        FittedModel ggModel = spendModel(summary, settings, notes);
        GammaGamma gg = ggModel == null ? null : new GammaGamma(ggModel.values()[0], ggModel.values()[1], ggModel.values()[2]);
        if (ggModel != null && gg.q() <= 1) {
            notes.add(Reason.of("ltv.note.infiniteMean"));
        }
        context.progress(45, 100);

        double[][] perHistory = perHistory(bg, repeats, settings.horizon(), settings.discountRate());
        context.checkCancelled();
        context.progress(80, 100);
        int n = summary.size();
        int[] historyOf = collapsed.historyOf();
        float[] alive = new float[n];
        float[] expected = new float[n];
        float[] clv = new float[n];
        double fallbackValue = fallbackOrderValue(summary);
        for (int i = 0; i < n; i++) {
            int h = historyOf[i];
            alive[i] = (float) perHistory[0][h];
            expected[i] = (float) perHistory[1][h];
            clv[i] = (float) (perHistory[2][h] * orderValue(gg, summary.x()[i], summary.m()[i], fallbackValue));
        }
        List<LtvResult.GroupValue> byPlatform = meanClvBy(summary.platforms(), clv);
        double maxT = java.util.Arrays.stream(summary.T()).max().orElse(1);
        double[][] aliveMap = aliveMap(bg, maxT);
        LtvResult.ModelCheck check = summary.hasHoldout() ? ModelChecks.of(summary, collapsed, bg) : null;
        if (check != null && check.holdoutError() > 0.2) {
            notes.add(Reason.of("ltv.note.poorFit", Math.round(check.predictedHoldout()), Math.round(check.actualHoldout())));
        }
        context.progress(100, 100);
        return new LtvResult(summary, bgModel, ggModel, settings, alive, expected, clv, byPlatform, aliveMap, maxT,
                check, List.copyOf(notes));
    }

    /**
     * P(alive), E[Y(H)] and the discounted expected purchases of each history. The last two are P(alive)
     * times a value that depends on x and T only; histories are sorted by x then T, so the histories that
     * share (x, T) are adjacent and that value (H hypergeometric series) is computed once for them.
     */
    private static double[][] perHistory(BgNbd bg, Repeats repeats, int horizon, double discount) {
        int histories = repeats.size();
        int[] runStarts = new int[histories + 1];
        int runs = 0;
        for (int h = 0; h < histories; h++) {
            if (repeats.firstWithItsXAndT(h)) {
                runStarts[runs++] = h;
            }
        }
        runStarts[runs] = histories;
        double[] alive = new double[histories];
        double[] expected = new double[histories];
        double[] discounted = new double[histories];
        IntStream.range(0, runs).parallel().forEach(run -> {
            int first = runStarts[run];
            double x = repeats.x()[first];
            double T = repeats.T()[first];
            double expectedIfAlive = bg.expectedPurchasesIfAlive(horizon, x, T);
            double discountedIfAlive = bg.discountedPurchasesIfAlive(x, T, horizon, discount);
            for (int h = first; h < runStarts[run + 1]; h++) {
                alive[h] = bg.probabilityAlive(x, repeats.tx()[h], T);
                expected[h] = alive[h] * expectedIfAlive;
                discounted[h] = alive[h] * discountedIfAlive;
            }
        });
        return new double[][]{alive, expected, discounted};
    }

    /**
     * A customer's expected order value: Gamma-Gamma's for a repeat buyer with a positive mean, its population
     * mean for the rest, and {@code fallback} without a usable spend model (none, or q &le; 1, whose mean is
     * infinite).
     */
    static double orderValue(GammaGamma gg, int x, double m, double fallback) {
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
        int[] rows = IntStream.range(0, summary.size()).filter(i -> summary.x()[i] > 0 && summary.m()[i] > 0).toArray();
        if (summary.nonPositiveRepeaters() > 0) {
            notes.add(Reason.of("ltv.note.nonPositive", summary.nonPositiveRepeaters()));
        }
        if (summary.refundsLeftOut() > 0) {
            notes.add(Reason.of("ltv.note.refundsLeftOut", summary.refundsLeftOut()));
        }
        if (summary.guestOrdersLeftOut() > 0) {
            notes.add(Reason.of("ltv.note.guestOrdersLeftOut", summary.guestOrdersLeftOut()));
        }
        if (rows.length < 10) {
            notes.add(Reason.of("ltv.note.noSpendModel", rows.length));
            return null;
        }
        int[] x = IntStream.of(rows).map(i -> summary.x()[i]).toArray();
        double[] m = IntStream.of(rows).mapToDouble(i -> summary.m()[i]).toArray();
        LogSpaceFit.Result result = GammaGammaFit.fit(GammaGammaFit.Spends.of(x, m), settings.penalty());
        if (result == null) {
            notes.add(Reason.of("ltv.note.noSpendModel", rows.length));
            return null;
        }
        boolean converged = result.gradientNorm() < 1e-3 * Math.max(1, rows.length / 1000.0);
        FittedModel model = FittedModel.of(List.of("p", "q", "gamma"), result, converged, rows.length);
        if (!(model.identified("p") && model.identified("q") && model.identified("gamma"))) {
            notes.add(Reason.of("ltv.note.spendNotIdentified"));
        }
        return model;
    }

    /**
     * Customers, mean and total CLV per group, the most valuable first; {@code groupOf[i]} names customer i's
     * group (null: in none). Intervals are NaN until {@link ClvIntervals} adds them.
     */
    public static List<LtvResult.GroupValue> meanClvBy(String[] groupOf, float[] clv) {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == null) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(groupOf[i], name -> new double[2]);
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
}
