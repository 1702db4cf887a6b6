package com.campaignstudio.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The split of a budget across platforms that brings most in total, each platform between its minimum and maximum
 * spend, each with its response curve.
 *
 * <p>For concave curves the optimum equalises the marginal returns of the platforms whose bounds do not bind
 * (water-filling): find the return λ of the next yuan at which the platforms' spends, each where its marginal return
 * falls to λ, add up to the budget. S-shaped curves (Hill α > 1) are not concave: below the inflection a yuan brings
 * more the more is spent. Water-filling then runs on each curve's concave envelope (a straight line from the minimum
 * to the point where it touches the curve, then the curve), and pairs of platforms then trade spend while a trade
 * brings more (see {@link #improveByTrades}).
 */
public final class BudgetOptimizer {

    private static final int ITERATIONS = 100;
    /** Bisections stop at this relative width: far below a fen, and the budget curve runs a hundred of them. */
    private static final double PRECISION = 1e-13;
    private static final int SCAN = 64;
    private static final int MAX_ROUNDS = 50;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** A platform's spend limits for the period. */
    public record Bounds(double min, double max) {
        public Bounds {
            if (!(min >= 0) || !(max >= min)) {
                throw new IllegalArgumentException("spend limits " + min + " to " + max);
            }
        }

        public static Bounds free() {
            return new Bounds(0, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * A split.
     *
     * @param spend    per platform, in the order given
     * @param outcome  per platform, the curve's value at its spend
     * @param marginal per platform, the return of the next yuan there
     * @param unspent  budget left because every platform is at its maximum
     */
    public record Split(double[] spend, double[] outcome, double[] marginal, boolean[] atMin, boolean[] atMax,
                        double unspent) {

        public double total() {
            return Arrays.stream(outcome).sum();
        }

        public double spent() {
            return Arrays.stream(spend).sum();
        }
    }

    private BudgetOptimizer() {
    }

    public static Split optimize(List<HillCurve> curves, double budget, List<Bounds> bounds) {
        if (curves.size() != bounds.size() || curves.isEmpty()) {
            throw new IllegalArgumentException(curves.size() + " curves and " + bounds.size() + " bounds");
        }
        double minimums = bounds.stream().mapToDouble(Bounds::min).sum();
        if (minimums > budget) {
            throw new InfeasibleBudgetException(String.format(Locale.ROOT,
                    "the minimums add up to %.2f, more than the budget of %.2f: lower a minimum or raise the budget",
                    minimums, budget), minimums, budget);
        }
        List<Envelope> envelopes = new ArrayList<>();
        for (int p = 0; p < curves.size(); p++) {
            envelopes.add(new Envelope(curves.get(p), bounds.get(p)));
        }
        double maximums = bounds.stream().mapToDouble(Bounds::max).sum();
        double[] spend;
        if (maximums <= budget) {
            spend = bounds.stream().mapToDouble(Bounds::max).toArray();
        } else {
            spend = improveByTrades(envelopes, waterFill(envelopes, budget, new double[curves.size()],
                    new boolean[curves.size()]));
        }
        return split(envelopes, spend, Math.max(0, budget - maximums));
    }

    /** The best total outcome at each of {@code budgets} ("is another ¥5,000 worth it?"). */
    public static double[] bestByBudget(List<HillCurve> curves, double[] budgets, List<Bounds> bounds) {
        double[] best = new double[budgets.length];
        for (int b = 0; b < budgets.length; b++) {
            best[b] = optimize(curves, budgets[b], bounds).total();
        }
        return best;
    }

    /**
     * The smallest budget whose best split brings {@code target} (to a yuan), with that split; empty when no budget
     * can, because the curves saturate below it or the maximums stop short of it.
     */
    public static Optional<Split> smallestBudgetFor(List<HillCurve> curves, double target,
                                                              List<Bounds> bounds) {
        double minimums = bounds.stream().mapToDouble(Bounds::min).sum();
        Split atMinimums = optimize(curves, minimums, bounds);
        if (atMinimums.total() >= target) {
            return Optional.of(atMinimums);
        }
        double high = Math.max(1, minimums * 2);
        double reachable = bounds.stream().mapToDouble(Bounds::max).sum();
        while (optimize(curves, high, bounds).total() < target) {
            if (high >= reachable || high > 1e15) {
                return Optional.empty();
            }
            high = Math.min(reachable, high * 2);
        }
        double low = minimums;
        while (high - low > 1) {
            double middle = (low + high) / 2;
            if (optimize(curves, middle, bounds).total() >= target) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Optional.of(optimize(curves, high, bounds));
    }

    /**
     * Pairs of platforms trade spend while some trade improves the total: for each pair, the best transfer from a
     * scan of {@link #SCAN} points refined by golden section. Water-filling on the envelopes is optimal for concave
     * curves, where no trade improves; an S-shaped curve can make a platform worth funding below its inflection when
     * another's return falls steeply, which only a trade finds.
     */
    private static double[] improveByTrades(List<Envelope> envelopes, double[] start) {
        double[] spend = start.clone();
        int n = spend.length;
        boolean improved = true;
        for (int round = 0; improved && round < MAX_ROUNDS; round++) {
            improved = false;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    improved |= trade(envelopes.get(i), envelopes.get(j), spend, i, j);
                }
            }
        }
        return spend;
    }

    /** Moves the best amount t from platform j to platform i (t may be negative); true if it helped. */
    private static boolean trade(Envelope first, Envelope second, double[] spend, int i, int j) {
        double lowest = Math.max(first.bounds.min() - spend[i], spend[j] - second.bounds.max());
        double highest = Math.min(first.bounds.max() - spend[i], spend[j] - second.bounds.min());
        if (!(highest > lowest)) {
            return false;
        }
        double now = first.curve.value(spend[i]) + second.curve.value(spend[j]);
        double step = (highest - lowest) / SCAN;
        double bestT = 0;
        double best = now;
        for (int k = 0; k <= SCAN; k++) {
            double t = lowest + k * step;
            double v = first.curve.value(spend[i] + t) + second.curve.value(spend[j] - t);
            if (v > best) {
                best = v;
                bestT = t;
            }
        }
        double a = Math.max(lowest, bestT - step);
        double b = Math.min(highest, bestT + step);
        for (int k = 0; k < ITERATIONS && b - a > PRECISION * (highest - lowest); k++) {
            double m1 = b - GOLDEN * (b - a);
            double m2 = a + GOLDEN * (b - a);
            if (first.curve.value(spend[i] + m1) + second.curve.value(spend[j] - m1)
                    >= first.curve.value(spend[i] + m2) + second.curve.value(spend[j] - m2)) {
                b = m2;
            } else {
                a = m1;
            }
        }
        double refined = (a + b) / 2;
        double refinedValue = first.curve.value(spend[i] + refined) + second.curve.value(spend[j] - refined);
        if (refinedValue > best) {
            best = refinedValue;
            bestT = refined;
        }
        if (best <= now + 1e-12 * Math.abs(now)) {
            return false;
        }
        spend[i] += bestT;
        spend[j] -= bestT;
        return true;
    }

    /** The envelopes' optimum: spends where every free platform's envelope slope is the same λ, adding to budget. */
    private static double[] waterFill(List<Envelope> envelopes, double budget, double[] fixedAt, boolean[] fixed) {
        int n = envelopes.size();
        // λ brackets: above, the steepest start (every free platform stays at its minimum); below, half the least
        // return at which one platform alone would take the whole budget (together they take at least that).
        double high = 0;
        double low = Double.POSITIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            if (!fixed[p]) {
                Envelope envelope = envelopes.get(p);
                high = Math.max(high, envelope.slopeAt(envelope.bounds.min() + 1e-9 * budget));
                low = Math.min(low, envelope.slopeAt(Math.min(envelope.bounds.max(), envelope.bounds.min() + budget)));
            }
        }
        // Bisection on log λ keeps relative precision over marginal returns from 1e-9 to 1e9.
        double logHigh = Math.log(high * 2 + Double.MIN_NORMAL);
        double logLow = Math.log(Math.max(Double.MIN_NORMAL, low / 2));
        for (int i = 0; i < ITERATIONS && logHigh - logLow > PRECISION; i++) {
            double middle = (logLow + logHigh) / 2;
            if (spendAt(envelopes, Math.exp(middle), fixedAt, fixed, true) >= budget) {
                logLow = middle;
            } else {
                logHigh = middle;
            }
        }
        double lambda = Math.exp(logHigh);
        double[] spend = new double[n];
        double[] more = new double[n];
        double given = 0;
        double room = 0;
        for (int p = 0; p < n; p++) {
            spend[p] = fixed[p] ? fixedAt[p] : envelopes.get(p).spendAt(lambda, false);
            more[p] = fixed[p] ? 0 : Math.max(0, envelopes.get(p).spendAt(Math.exp(logLow), true) - spend[p]);
            given += spend[p];
            room += more[p];
        }
        // What the bisection leaves goes to the platforms that would take more just below λ, where each yuan
        // returns λ on the envelope: in proportion to how much more they would take.
        double remainder = budget - given;
        for (int p = 0; p < n && room > 0 && remainder > 0; p++) {
            spend[p] += remainder * more[p] / room;
        }
        return spend;
    }

    private static double spendAt(List<Envelope> envelopes, double lambda, double[] fixedAt, boolean[] fixed,
                                  boolean takeStraight) {
        double total = 0;
        for (int p = 0; p < envelopes.size(); p++) {
            total += fixed[p] ? fixedAt[p] : envelopes.get(p).spendAt(lambda, takeStraight);
        }
        return total;
    }

    private static Split split(List<Envelope> envelopes, double[] spend, double unspent) {
        int n = spend.length;
        double[] outcome = new double[n];
        double[] marginal = new double[n];
        boolean[] atMin = new boolean[n];
        boolean[] atMax = new boolean[n];
        for (int p = 0; p < n; p++) {
            Envelope envelope = envelopes.get(p);
            outcome[p] = envelope.curve.value(spend[p]);
            marginal[p] = envelope.curve.marginal(spend[p]);
            double tolerance = 1e-9 * Math.max(1, spend[p]);
            atMin[p] = spend[p] <= envelope.bounds.min() + tolerance;
            atMax[p] = spend[p] >= envelope.bounds.max() - tolerance;
        }
        return new Split(spend, outcome, marginal, atMin, atMax, unspent);
    }

    /**
     * A curve's concave envelope on its bounds: a straight line of slope {@code straight} from the minimum to
     * {@code touch} (where it meets the curve; the minimum itself when the curve is concave from there), the curve
     * after.
     */
    private static final class Envelope {
        final HillCurve curve;
        final Bounds bounds;
        final double touch;
        final double straight;

        Envelope(HillCurve curve, Bounds bounds) {
            this.curve = curve;
            this.bounds = bounds;
            double from = bounds.min();
            if (curve.inflection() <= from) {
                touch = from;
                straight = curve.marginal(from);
            } else {
                touch = tangentPoint(curve, from);
                double end = Math.min(touch, bounds.max());
                straight = end > from ? (curve.value(end) - curve.value(from)) / (end - from) : curve.marginal(from);
            }
        }

        /** Where the line from (from, f(from)) touches the curve beyond its inflection. */
        private static double tangentPoint(HillCurve curve, double from) {
            double low = curve.inflection();
            double high = Math.max(low * 2, curve.kappa());
            while (gap(curve, from, high) < 0) {
                high *= 2;
            }
            for (int i = 0; i < ITERATIONS; i++) {
                double middle = (low + high) / 2;
                if (gap(curve, from, middle) < 0) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            return high;
        }

        private static double gap(HillCurve curve, double from, double t) {
            return curve.value(t) - curve.value(from) - curve.marginal(t) * (t - from);
        }

        /** The envelope's slope at {@code spend}. */
        double slopeAt(double spend) {
            return touch > bounds.min() && spend < touch ? straight : curve.marginal(spend);
        }

        /**
         * The spend at which the envelope's slope is λ, within the bounds; where the straight part's slope is λ
         * exactly, its far end when {@code takeStraight}, else its start.
         */
        double spendAt(double lambda, boolean takeStraight) {
            double min = bounds.min();
            double max = bounds.max();
            if (touch > min) {
                if (lambda > straight || lambda == straight && !takeStraight) {
                    return min;
                }
                if (touch >= max) {
                    return max;
                }
                min = touch;
            }
            if (curve.marginal(min) <= lambda) {
                return min;
            }
            if (Double.isFinite(max) && curve.marginal(max) >= lambda) {
                return max;
            }
            double low = min;
            double high = Double.isFinite(max) ? max : Math.max(min * 2, curve.kappa());
            while (!Double.isFinite(max) && curve.marginal(high) > lambda) {
                high *= 2;
            }
            for (int i = 0; i < ITERATIONS && high - low > PRECISION * high; i++) {
                double middle = (low + high) / 2;
                if (curve.marginal(middle) > lambda) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            return (low + high) / 2;
        }
    }
}
