package com.campaignstudio.budget;

import com.campaignstudio.stats.SymmetricSolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly marketing-mix model of domain.md §7: outcome_t = b0 + b1·t + seasonality_t + Σ_p β_p·H_p(adstock_p,t) +
 * noise, with H_p(a) = a^α / (a^α + κ^α) and adstock a_t = s_t + θ·a_(t−1). The baseline (level, trend and, with a
 * year or more of weeks, a yearly sine and cosine) keeps organic sales from being credited to ads.
 *
 * <p>Given each platform's shape (θ, α, κ) the model is linear in the rest, so the fit profiles those out by least
 * squares (a platform whose β would be negative — spend going with fewer sales — is held at 0, ads cannot take sales
 * away) and searches the shapes: a grid per platform, platforms in turn until none changes, then golden-section
 * refinement of each shape parameter in turn. κ is searched relative to the platform's median positive adstock, so
 * that the same grid suits ¥100 and ¥100,000 a week.
 */
public final class MixModel {

    /** Fewer weeks than this cannot separate a baseline with trend from ads. */
    public static final int MIN_WEEKS = 8;
    /** With a year of weeks a yearly season is fitted. */
    public static final int SEASON_WEEKS = 52;
    static final double[] THETAS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    static final double[] ALPHAS = {0.7, 1.0, 1.4, 1.8, 2.4};
    static final double[] KAPPA_SCALES = {0.3, 0.6, 1.0, 1.7, 3.0};
    static final double MAX_THETA = 0.8;
    static final double MIN_ALPHA = 0.5;
    static final double MAX_ALPHA = 2.5;
    static final double MIN_KAPPA_SCALE = 0.3;
    static final double PRIOR_THETA = 0.3;
    static final double PRIOR_THETA_SD = 0.2;
    static final double PRIOR_ALPHA = 1.2;
    static final double PRIOR_LOG_ALPHA_SD = Math.log(1.5);
    static final double PRIOR_LOG_KAPPA_SD = Math.log(2);
    static final double MAX_KAPPA_SCALE = 3;
    private static final int MAX_SWEEPS = 8;
    private static final int GOLDEN_STEPS = 24;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int COLUMN_CACHE = 512;

    /** A platform's response shape: carry-over θ, Hill shape α and half-saturation κ (in adstocked spend). */
    public record Shape(double theta, double alpha, double kappa) {
    }

    /**
     * A fitted model.
     *
     * @param beta         per platform, the most its ads can bring in a week (0 where they bring nothing)
     * @param baseline     per week, the outcome without ads
     * @param contribution per platform and week, what its ads brought
     * @param base         the baseline's coefficients: level, trend over the fitted weeks, yearly sine and cosine
     * @param priorWeight  the noise variance that weighed the shape prior in the search
     */
    public record Fit(WeeklyHistory history, List<Shape> shapes, double[] beta, double[] baseline,
                      double[][] contribution, double[] fitted, double sse, double r2, boolean seasonal,
                      double[] base, double priorWeight) {

        /** Platform p's weekly outcome as a function of its weekly adstock. */
        public HillCurve curve(int p) {
            return new HillCurve(beta[p], shapes.get(p).alpha(), shapes.get(p).kappa());
        }

        /**
         * Platform p's weekly outcome as a function of a weekly spend kept up week after week: the adstock settles
         * at s / (1 − θ), so the curve in spend has half-saturation κ·(1 − θ).
         */
        public HillCurve steadyCurve(int p) {
            return new HillCurve(beta[p], shapes.get(p).alpha(), shapes.get(p).kappa() * (1 - shapes.get(p).theta()));
        }

        /**
         * This fit with platform p's response replaced by a hand-set weekly curve (no carry-over), its contribution
         * over the history recomputed from it and the fitted outcome with it.
         */
        public Fit withCurve(int p, HillCurve weekly) {
            List<Shape> newShapes = new ArrayList<>(shapes);
            newShapes.set(p, new Shape(0, weekly.alpha(), weekly.kappa()));
            double[] newBeta = beta.clone();
            newBeta[p] = weekly.beta();
            double[][] newContribution = contribution.clone();
            double[] newFitted = fitted.clone();
            newContribution[p] = new double[fitted.length];
            for (int t = 0; t < fitted.length; t++) {
                newContribution[p][t] = weekly.value(history.spend()[p][t]);
                newFitted[t] += newContribution[p][t] - contribution[p][t];
            }
            double newSse = 0;
            double mean = Arrays.stream(history.outcome()).average().orElse(0);
            double total = 0;
            for (int t = 0; t < fitted.length; t++) {
                double y = history.outcome()[t];
                newSse += (y - newFitted[t]) * (y - newFitted[t]);
                total += (y - mean) * (y - mean);
            }
            return new Fit(history, List.copyOf(newShapes), newBeta, baseline, newContribution, newFitted, newSse,
                    total > 0 ? 1 - newSse / total : 0, seasonal, base, priorWeight);
        }

        /** The ads' outcome over the history, per platform. */
        public double totalContribution(int p) {
            return Arrays.stream(contribution[p]).sum();
        }

        /**
         * The outcome this fit expects in the weeks of {@code longer}, a history that begins with the fitted weeks
         * and goes on: the trend carried on, the season repeated, each platform's adstock run on.
         */
        public double[] predict(WeeklyHistory longer) {
            double[] predicted = new double[longer.weeks()];
            for (int t = 0; t < longer.weeks(); t++) {
                double[] row = baseRow(t, history.weeks(), seasonal);
                for (int i = 0; i < row.length; i++) {
                    predicted[t] += base[i] * row[i];
                }
            }
            for (int p = 0; p < beta.length; p++) {
                double[] adstock = Adstock.geometric(longer.spend()[p], shapes.get(p).theta());
                HillCurve curve = curve(p);
                for (int t = 0; t < longer.weeks(); t++) {
                    predicted[t] += curve.value(adstock[t]);
                }
            }
            return predicted;
        }
    }

    private MixModel() {
    }

    /**
     * The shapes that minimise the sum of squares plus the shape prior's penalty weighted by the noise variance. The
     * variance is first taken as the outcome's spread around the baseline alone (an upper bound: the prior weighs
     * most), then re-estimated from that fit's residuals and the search run again.
     */
    public static Fit fit(WeeklyHistory history) {
        Problem problem = new Problem(history);
        Fit first = problem.result(refine(problem, gridSearch(problem), GOLDEN_STEPS, 2));
        problem.noiseVariance = noiseVariance(first);
        return problem.result(refine(problem, gridSearch(problem), GOLDEN_STEPS, 2));
    }

    /**
     * A fit that starts from known shapes and only refines them (with {@code goldenSteps} steps per parameter),
     * weighing the shape prior by the noise variance of {@code start}: a bootstrap refit, whose data differ from the
     * fitted data by resampled noise only.
     */
    public static Fit refit(WeeklyHistory history, Fit start, int goldenSteps) {
        Problem problem = new Problem(history, start.priorWeight());
        return problem.result(refine(problem, start.shapes(), goldenSteps, 1));
    }

    /** The residual variance with the fitted parameters' degrees of freedom taken off (at least one left). */
    static double noiseVariance(Fit fit) {
        int parameters = fit.base().length + 4 * fit.beta().length;
        return fit.sse() / Math.max(1, fit.history().weeks() - parameters);
    }

    /**
     * How well the model predicts weeks it has not seen: fitted on the first {@code 1 − holdoutShare} of the weeks,
     * the weighted absolute error on the rest (sum of |actual − predicted| over the sum of actual). Empty when the
     * first part is too short to fit.
     */
    public static java.util.OptionalDouble holdoutError(WeeklyHistory history, double holdoutShare) {
        int train = (int) Math.round(history.weeks() * (1 - holdoutShare));
        if (train < MIN_WEEKS || train >= history.weeks()) {
            return java.util.OptionalDouble.empty();
        }
        double[][] spend = new double[history.platforms().size()][];
        for (int p = 0; p < spend.length; p++) {
            spend[p] = Arrays.copyOf(history.spend()[p], train);
        }
        Fit fit;
        try {
            fit = fit(new WeeklyHistory(history.platforms(), history.firstWeek(), spend,
                    Arrays.copyOf(history.outcome(), train)));
        } catch (BudgetFitException e) {
            return java.util.OptionalDouble.empty();
        }
        double[] predicted = fit.predict(history);
        double error = 0;
        double actual = 0;
        for (int t = train; t < history.weeks(); t++) {
            error += Math.abs(history.outcome()[t] - predicted[t]);
            actual += Math.abs(history.outcome()[t]);
        }
        return actual == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(error / actual);
    }

    /** Each platform's shape from a grid, platforms in turn until none changes. */
    private static List<Shape> gridSearch(Problem problem) {
        List<Shape> shapes = new ArrayList<>();
        for (int p = 0; p < problem.platforms; p++) {
            shapes.add(new Shape(0.3, 1.4, problem.medianAdstock(p, 0.3)));
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean changed = false;
            for (int p = 0; p < problem.platforms; p++) {
                Shape best = shapes.get(p);
                double bestSse = problem.objective(shapes);
                for (double theta : THETAS) {
                    double median = problem.medianAdstock(p, theta);
                    for (double alpha : ALPHAS) {
                        for (double scale : KAPPA_SCALES) {
                            Shape trial = new Shape(theta, alpha, median * scale);
                            shapes.set(p, trial);
                            double sse = problem.objective(shapes);
                            if (sse < bestSse * (1 - 1e-12)) {
                                bestSse = sse;
                                best = trial;
                                changed = true;
                            }
                        }
                    }
                }
                shapes.set(p, best);
            }
            if (!changed) {
                break;
            }
        }
        return shapes;
    }

    /** Golden-section refinement of each platform's θ, log α and log κ in turn, {@code rounds} times over. */
    static List<Shape> refine(Problem problem, List<Shape> start, int steps, int rounds) {
        List<Shape> shapes = new ArrayList<>(start);
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < problem.platforms; p++) {
                int platform = p;
                Shape s = shapes.get(p);
                double theta = golden(x -> problem.objective(with(shapes, platform, new Shape(x, s.alpha(),
                        s.kappa()))), Math.max(0, s.theta() - 0.15), Math.min(MAX_THETA, s.theta() + 0.15), steps);
                double logAlpha = golden(x -> problem.objective(with(shapes, platform, new Shape(theta, Math.exp(x),
                        s.kappa()))), Math.log(Math.max(MIN_ALPHA, s.alpha() / 1.5)),
                        Math.log(Math.min(MAX_ALPHA, s.alpha() * 1.5)), steps);
                double alpha = Math.exp(logAlpha);
                double median = problem.medianAdstock(p, theta);
                double logKappa = golden(x -> problem.objective(with(shapes, platform, new Shape(theta, alpha,
                        Math.exp(x)))), Math.log(Math.max(s.kappa() / 2, MIN_KAPPA_SCALE * median)),
                        Math.log(Math.max(MIN_KAPPA_SCALE * median, Math.min(s.kappa() * 2, MAX_KAPPA_SCALE * median))),
                        steps);
                shapes.set(p, new Shape(theta, alpha, Math.exp(logKappa)));
            }
        }
        return shapes;
    }

    private static List<Shape> with(List<Shape> shapes, int p, Shape shape) {
        List<Shape> copy = new ArrayList<>(shapes);
        copy.set(p, shape);
        return copy;
    }

    /** Golden-section search for the minimum of f on [a, b]: one new evaluation per step. */
    private static double golden(java.util.function.DoubleUnaryOperator f, double a, double b, int steps) {
        double low = a;
        double high = b;
        double x1 = high - GOLDEN * (high - low);
        double x2 = low + GOLDEN * (high - low);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < steps; i++) {
            if (f1 <= f2) {
                high = x2;
                x2 = x1;
                f2 = f1;
                x1 = high - GOLDEN * (high - low);
                f1 = f.applyAsDouble(x1);
            } else {
                low = x1;
                x1 = x2;
                f1 = f2;
                x2 = low + GOLDEN * (high - low);
                f2 = f.applyAsDouble(x2);
            }
        }
        return (low + high) / 2;
    }

    /** Week t's baseline terms: level, trend (per {@code trendWeeks}), and with a season its sine and cosine. */
    static double[] baseRow(int t, int trendWeeks, boolean seasonal) {
        double trend = (double) t / trendWeeks;
        return seasonal ? new double[]{1, trend, Math.sin(2 * Math.PI * t / SEASON_WEEKS),
                Math.cos(2 * Math.PI * t / SEASON_WEEKS)} : new double[]{1, trend};
    }

    /** The history as a least-squares problem: fixed baseline columns, a column per platform for given shapes. */
    static final class Problem {
        final WeeklyHistory history;
        final int platforms;
        final int weeks;
        final double[][] baseColumns;
        final boolean seasonal;
        /** Per platform, columns of shapes already tried: a search varies one platform at a time. */
        private final List<Map<Shape, Column>> columnCache = new ArrayList<>();
        private final double[][] baseGram;
        private final double[] baseMoment;
        private final double outcomeSquares;
        /** The noise variance that weighs the shape prior against the sum of squares. */
        private double noiseVariance;

        /** The problem with the shape prior weighed by {@code noiseVariance}. */
        Problem(WeeklyHistory history, double noiseVariance) {
            this(history);
            this.noiseVariance = noiseVariance;
        }

        Problem(WeeklyHistory history) {
            if (history.weeks() < MIN_WEEKS) {
                throw new BudgetFitException("budget.error.fewWeeks", history.weeks(), MIN_WEEKS);
            }
            if (Arrays.stream(history.outcome()).allMatch(v -> v == 0)) {
                throw new BudgetFitException("budget.error.noOutcome");
            }
            if (Arrays.stream(history.spend()).allMatch(series -> Arrays.stream(series).allMatch(v -> v == 0))) {
                throw new BudgetFitException("budget.error.noSpend");
            }
            this.history = history;
            this.platforms = history.platforms().size();
            this.weeks = history.weeks();
            this.seasonal = weeks >= SEASON_WEEKS;
            for (int p = 0; p < platforms; p++) {
                columnCache.add(new HashMap<>());
            }
            int base = seasonal ? 4 : 2;
            baseColumns = new double[base][weeks];
            for (int t = 0; t < weeks; t++) {
                double[] row = baseRow(t, weeks, seasonal);
                for (int i = 0; i < base; i++) {
                    baseColumns[i][t] = row[i];
                }
            }
            baseGram = new double[base][base];
            baseMoment = new double[base];
            for (int i = 0; i < base; i++) {
                for (int j = 0; j < base; j++) {
                    baseGram[i][j] = dot(baseColumns[i], baseColumns[j]);
                }
                baseMoment[i] = dot(baseColumns[i], history.outcome());
            }
            outcomeSquares = dot(history.outcome(), history.outcome());
            noiseVariance = leastSquares(new Column[platforms], new boolean[platforms]).sse / weeks;
        }

        double medianAdstock(int p, double theta) {
            double[] positive = Arrays.stream(Adstock.geometric(history.spend()[p], theta)).filter(a -> a > 0)
                    .sorted().toArray();
            return positive.length == 0 ? 1 : positive[positive.length / 2];
        }

        private Column cachedColumn(int p, Shape shape) {
            Map<Shape, Column> cache = columnCache.get(p);
            Column cached = cache.get(shape);
            if (cached == null) {
                if (cache.size() > COLUMN_CACHE) {
                    cache.clear();
                }
                cached = new Column(computeColumn(p, shape), priorPenalty(p, shape));
                cache.put(shape, cached);
            }
            return cached;
        }

        private double[] computeColumn(int p, Shape shape) {
            double[] adstock = Adstock.geometric(history.spend()[p], shape.theta());
            HillCurve unit = new HillCurve(1, shape.alpha(), shape.kappa());
            double[] column = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                column[t] = unit.value(adstock[t]);
            }
            return column;
        }

        /**
         * The sum of squares the shape search minimises, plus weeks × (lowest baseline)² where the baseline falls
         * below zero: a slowly moving adstock column can stand in for the level, its β and a negative intercept
         * cancelling, which credits ads with more than was sold. The penalty steers the search to shapes whose
         * baseline stays at or above zero.
         */
        double objective(List<Shape> shapes) {
            Solution solution = solve(shapes);
            double lowest = lowestBaseline(solution.base);
            double penalty = 0;
            for (int p = 0; p < platforms; p++) {
                penalty += cachedColumn(p, shapes.get(p)).prior;
            }
            return solution.sse + noiseVariance * penalty + (lowest < 0 ? weeks * lowest * lowest : 0);
        }

        /**
         * −2 log of the shape prior, up to a constant: θ about 0.3 ± 0.2, α about 1.2 (×/÷ 1.5), κ about the median
         * adstock (×/÷ 2) — weakly informative, as marketing-mix tools bound their hyperparameters. Without it a year
         * of seven platforms' weeks fits the noise: on the demo the ads' total came out 2–6 times the planted.
         */
        double priorPenalty(int p, Shape shape) {
            double zTheta = (shape.theta() - PRIOR_THETA) / PRIOR_THETA_SD;
            double zAlpha = Math.log(shape.alpha() / PRIOR_ALPHA) / PRIOR_LOG_ALPHA_SD;
            double zKappa = Math.log(shape.kappa() / medianAdstock(p, shape.theta())) / PRIOR_LOG_KAPPA_SD;
            return zTheta * zTheta + zAlpha * zAlpha + zKappa * zKappa;
        }

        private double lowestBaseline(double[] base) {
            double lowest = Double.POSITIVE_INFINITY;
            for (int t = 0; t < weeks; t++) {
                double value = 0;
                for (int i = 0; i < base.length; i++) {
                    value += base[i] * baseColumns[i][t];
                }
                lowest = Math.min(lowest, value);
            }
            return lowest;
        }

        /** Least squares with every platform's β at least 0: the most negative is dropped until none is. */
        Solution solve(List<Shape> shapes) {
            Column[] columns = new Column[platforms];
            boolean[] used = new boolean[platforms];
            for (int p = 0; p < platforms; p++) {
                columns[p] = cachedColumn(p, shapes.get(p));
                used[p] = columns[p].positive;
            }
            while (true) {
                Solution solution = leastSquares(columns, used);
                int worst = -1;
                for (int p = 0; p < platforms; p++) {
                    if (used[p] && solution.beta[p] < 0 && (worst < 0 || solution.beta[p] < solution.beta[worst])) {
                        worst = p;
                    }
                }
                if (worst < 0) {
                    return solution;
                }
                used[worst] = false;
            }
        }

        /**
         * The normal equations from products worked out once (the baseline's with itself, each column's with the
         * baseline and the outcome); only the products between platforms' columns are summed here. The sum of
         * squares is y'y − c'X'y, which needs no pass over the weeks.
         */
        private Solution leastSquares(Column[] platformColumns, boolean[] used) {
            int base = baseColumns.length;
            int[] platformAt = new int[platforms];
            int k = base;
            for (int p = 0; p < platforms; p++) {
                if (used[p]) {
                    platformAt[k - base] = p;
                    k++;
                }
            }
            double[][] gram = new double[k][k];
            double[] moment = new double[k];
            for (int i = 0; i < base; i++) {
                System.arraycopy(baseGram[i], 0, gram[i], 0, base);
                moment[i] = baseMoment[i];
            }
            for (int i = base; i < k; i++) {
                Column ci = platformColumns[platformAt[i - base]];
                for (int j = 0; j < base; j++) {
                    gram[i][j] = ci.baseDots[j];
                    gram[j][i] = ci.baseDots[j];
                }
                for (int j = base; j <= i; j++) {
                    double sum = dot(ci.values, platformColumns[platformAt[j - base]].values);
                    gram[i][j] = sum;
                    gram[j][i] = sum;
                }
                moment[i] = ci.outcomeDot;
            }
            double[][] inverse = SymmetricSolver.inverse(gram);
            if (inverse == null) {
                // Columns that repeat each other (a platform whose spend never varies is a second intercept):
                // the platform is left out, which is what holding its β at 0 means.
                if (k == base) {
                    throw new BudgetFitException("budget.error.noOutcome");
                }
                boolean[] fewer = used.clone();
                fewer[platformAt[k - 1 - base]] = false;
                return leastSquares(platformColumns, fewer);
            }
            double[] coefficients = SymmetricSolver.times(inverse, moment);
            double[] beta = new double[platforms];
            double explained = 0;
            for (int i = 0; i < k; i++) {
                explained += coefficients[i] * moment[i];
                if (i >= base) {
                    beta[platformAt[i - base]] = coefficients[i];
                }
            }
            return new Solution(beta, Arrays.copyOf(coefficients, base), platformColumns,
                    Math.max(0, outcomeSquares - explained));
        }

        private double dot(double[] a, double[] b) {
            double sum = 0;
            for (int t = 0; t < weeks; t++) {
                sum += a[t] * b[t];
            }
            return sum;
        }

        /** A platform's column for one shape, with its products with the baseline's columns and the outcome. */
        private final class Column {
            final double[] values;
            final double[] baseDots;
            final double outcomeDot;
            final boolean positive;
            /** The shape prior's penalty of the shape the column was made from. */
            final double prior;

            Column(double[] values, double prior) {
                this.values = values;
                this.prior = prior;
                baseDots = new double[baseColumns.length];
                for (int i = 0; i < baseDots.length; i++) {
                    baseDots[i] = dot(values, baseColumns[i]);
                }
                outcomeDot = dot(values, history.outcome());
                positive = Arrays.stream(values).anyMatch(v -> v > 0);
            }
        }

        Fit result(List<Shape> shapes) {
            Solution solution = solve(shapes);
            double[] baseline = new double[weeks];
            for (int i = 0; i < baseColumns.length; i++) {
                for (int t = 0; t < weeks; t++) {
                    baseline[t] += solution.base[i] * baseColumns[i][t];
                }
            }
            double[][] contribution = new double[platforms][weeks];
            double[] fitted = baseline.clone();
            for (int p = 0; p < platforms; p++) {
                for (int t = 0; t < weeks; t++) {
                    contribution[p][t] = solution.beta[p] * solution.columns[p].values[t];
                    fitted[t] += contribution[p][t];
                }
            }
            double[] y = history.outcome();
            double sse = 0;
            for (int t = 0; t < weeks; t++) {
                sse += (y[t] - fitted[t]) * (y[t] - fitted[t]);
            }
            double mean = Arrays.stream(y).average().orElse(0);
            double total = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
            return new Fit(history, List.copyOf(shapes), solution.beta, baseline, contribution, fitted, sse,
                    total > 0 ? 1 - sse / total : 0, seasonal, solution.base, noiseVariance);
        }
    }

    private record Solution(double[] beta, double[] base, Problem.Column[] columns, double sse) {
    }
}
