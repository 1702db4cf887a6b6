package com.campaignstudio.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A split of the next {@code weeks} weeks' budget across platforms, from a fitted {@link BudgetAnalysis}.
 *
 * <p>The split is chosen on each platform's steady curve over the period (its spend spread evenly over the weeks and
 * kept up, so the adstock settles at the weekly spend / (1 − θ)); that is where the optimiser's equal marginal returns
 * hold. The outcome shown plays the weeks out from where each platform's carry-over stands at the end of the history
 * — spend already made still works in the first weeks — and the part of it owed to that carry-over is shown apart.
 */
public final class BudgetPlan {

    /** Weeks of history whose mean spend is "current spend". */
    public static final int RECENT_WEEKS = 4;

    /**
     * One platform in a plan.
     *
     * @param current   the period's spend at the recent weekly rate
     * @param outcome   what the platform's ads bring in the period (carry-over included)
     * @param carryOver the part of {@code outcome} owed to spend made before the period
     * @param roi       outcome per yuan of the period's spend (the carry-over left out); empty without spend
     * @param marginal  the return of the next yuan on the steady curve
     */
    public record Row(String platform, double current, double spend, Estimate outcome, Estimate carryOver,
                      java.util.Optional<Estimate> roi, Estimate marginal, boolean atMin, boolean atMax) {
    }

    /** A whole plan: its rows, the ads' total outcome and the budget left because every maximum binds. */
    public record Result(List<Row> rows, Estimate total, double spent, double unspent) {
    }

    private BudgetPlan() {
    }

    /** Each platform's period outcome as a function of the period's spend, kept up week after week. */
    public static List<HillCurve> periodCurves(MixModel.Fit fit, int weeks) {
        List<HillCurve> curves = new ArrayList<>();
        for (int p = 0; p < fit.beta().length; p++) {
            HillCurve steady = fit.steadyCurve(p);
            curves.add(new HillCurve(weeks * steady.beta(), steady.alpha(), weeks * steady.kappa()));
        }
        return curves;
    }

    /** The best split of {@code budget} over the next {@code weeks} weeks within {@code bounds}. */
    public static Result optimize(BudgetAnalysis analysis, double budget, List<BudgetOptimizer.Bounds> bounds,
                                  int weeks) {
        BudgetOptimizer.Split split = BudgetOptimizer.optimize(periodCurves(analysis.fit(), weeks), budget, bounds);
        return evaluate(analysis, split.spend(), weeks, split.atMin(), split.atMax(), split.unspent());
    }

    /** A split the user gives (their own plan, or the current spend), evaluated as the optimiser's are. */
    public static Result evaluate(BudgetAnalysis analysis, double[] spend, int weeks) {
        int n = analysis.platforms();
        return evaluate(analysis, spend, weeks, new boolean[n], new boolean[n], 0);
    }

    /** The period's spend per platform at the recent weekly rate. */
    public static double[] currentSpend(WeeklyHistory history, int weeks) {
        return BudgetData.recentWeeklySpend(history, RECENT_WEEKS).values().stream()
                .mapToDouble(weekly -> weekly * weeks).toArray();
    }

    /** The best total the ads bring at each budget, each with the interval of its best split. */
    public static List<Estimate> bestByBudget(BudgetAnalysis analysis, double[] budgets,
                                              List<BudgetOptimizer.Bounds> bounds, int weeks) {
        List<HillCurve> curves = periodCurves(analysis.fit(), weeks);
        // Where each fit's carry-over stands is the same for every budget: worked out once per fit.
        Map<MixModel.Fit, double[]> starts = new IdentityHashMap<>();
        starts.put(analysis.fit(), lastAdstocks(analysis.fit()));
        analysis.draws().forEach(draw -> starts.put(draw, lastAdstocks(draw)));
        // Budgets are independent of each other: worked out on every core.
        return java.util.stream.IntStream.range(0, budgets.length).parallel().mapToObj(b -> {
            double[] spend = BudgetOptimizer.optimize(curves, budgets[b], bounds).spend();
            return analysis.estimate(fit -> {
                double[] start = starts.get(fit);
                double total = 0;
                for (int p = 0; p < spend.length; p++) {
                    total += periodOutcome(fit, p, spend[p], weeks, start[p]);
                }
                return total;
            });
        }).toList();
    }

    private static double[] lastAdstocks(MixModel.Fit fit) {
        double[] last = new double[fit.beta().length];
        for (int p = 0; p < last.length; p++) {
            last[p] = lastAdstock(fit, p);
        }
        return last;
    }

    private static Result evaluate(BudgetAnalysis analysis, double[] spend, int weeks, boolean[] atMin,
                                   boolean[] atMax, double unspent) {
        double[] current = currentSpend(analysis.history(), weeks);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < spend.length; p++) {
            int platform = p;
            double x = spend[p];
            Estimate outcome = analysis.estimate(fit -> periodOutcome(fit, platform, x, weeks, true));
            Estimate carry = analysis.estimate(fit -> periodOutcome(fit, platform, x, weeks, true)
                    - periodOutcome(fit, platform, x, weeks, false));
            java.util.Optional<Estimate> roi = x > 0 ? java.util.Optional.of(analysis.estimate(
                    fit -> periodOutcome(fit, platform, x, weeks, false) / x)) : java.util.Optional.empty();
            Estimate marginal = analysis.estimate(fit -> periodCurves(fit, weeks).get(platform).marginal(x));
            rows.add(new Row(analysis.history().platforms().get(p), current[p], x, outcome, carry, roi, marginal,
                    atMin[p], atMax[p]));
        }
        return new Result(rows, analysis.estimate(fit -> total(fit, spend, weeks)), Arrays.stream(spend).sum(),
                unspent);
    }

    private static double total(MixModel.Fit fit, double[] spend, int weeks) {
        double total = 0;
        for (int p = 0; p < spend.length; p++) {
            total += periodOutcome(fit, p, spend[p], weeks, true);
        }
        return total;
    }

    /**
     * Platform p's outcome over the period with {@code spend} spread evenly over its weeks, the adstock starting
     * from where the history left it (or from nothing, without {@code carried}).
     */
    static double periodOutcome(MixModel.Fit fit, int p, double spend, int weeks, boolean carried) {
        return periodOutcome(fit, p, spend, weeks, carried ? lastAdstock(fit, p) : 0);
    }

    private static double periodOutcome(MixModel.Fit fit, int p, double spend, int weeks, double startAdstock) {
        double theta = fit.shapes().get(p).theta();
        double adstock = startAdstock;
        HillCurve curve = fit.curve(p);
        double outcome = 0;
        for (int t = 0; t < weeks; t++) {
            adstock = spend / weeks + theta * adstock;
            outcome += curve.value(adstock);
        }
        return outcome;
    }

    static double lastAdstock(MixModel.Fit fit, int p) {
        double[] adstock = Adstock.geometric(fit.history().spend()[p], fit.shapes().get(p).theta());
        return adstock.length == 0 ? 0 : adstock[adstock.length - 1];
    }
}
