package com.campaignstudio.budget;

import com.campaignstudio.stats.SymmetricSolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    static final double MAX_THETA = 0.95;
    static final double MIN_ALPHA = 0.5;
    static final double MAX_ALPHA = 4;
    private static final int MAX_SWEEPS = 8;
    private static final int GOLDEN_STEPS = 24;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** A platform's response shape: carry-over θ, Hill shape α and half-saturation κ (in adstocked spend). */
    public record Shape(double theta, double alpha, double kappa) {
    }

    /**
     * A fitted model.
     *
     * @param beta         per platform, the most its ads can bring in a week (0 where they bring nothing)
     * @param baseline     per week, the outcome without ads
     * @param contribution per platform and week, what its ads brought
     */
    public record Fit(WeeklyHistory history, List<Shape> shapes, double[] beta, double[] baseline,
                      double[][] contribution, double[] fitted, double sse, double r2, boolean seasonal) {

        /** Platform p's weekly outcome as a function of its steady weekly adstock. */
        public HillCurve curve(int p) {
            return new HillCurve(beta[p], shapes.get(p).alpha(), shapes.get(p).kappa());
        }
    }

    private MixModel() {
    }

    public static Fit fit(WeeklyHistory history) {
        Problem problem = new Problem(history);
        List<Shape> shapes = new ArrayList<>();
        for (int p = 0; p < problem.platforms; p++) {
            shapes.add(new Shape(0.3, 1.4, problem.medianAdstock(p, 0.3)));
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean changed = false;
            for (int p = 0; p < problem.platforms; p++) {
                Shape best = shapes.get(p);
                double bestSse = problem.sse(shapes);
                for (double theta : THETAS) {
                    double median = problem.medianAdstock(p, theta);
                    for (double alpha : ALPHAS) {
                        for (double scale : KAPPA_SCALES) {
                            Shape trial = new Shape(theta, alpha, median * scale);
                            shapes.set(p, trial);
                            double sse = problem.sse(shapes);
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
        return problem.result(refine(problem, shapes));
    }

    /** Golden-section refinement of each platform's θ, log α and log κ in turn, twice over. */
    static List<Shape> refine(Problem problem, List<Shape> start) {
        List<Shape> shapes = new ArrayList<>(start);
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < problem.platforms; p++) {
                int platform = p;
                Shape s = shapes.get(p);
                double theta = golden(x -> problem.sse(with(shapes, platform, new Shape(x, shapes.get(platform).alpha(),
                        shapes.get(platform).kappa()))), Math.max(0, s.theta() - 0.15), Math.min(MAX_THETA,
                        s.theta() + 0.15));
                shapes.set(p, new Shape(theta, s.alpha(), s.kappa()));
                double logAlpha = golden(x -> problem.sse(with(shapes, platform, new Shape(shapes.get(platform).theta(),
                        Math.exp(x), shapes.get(platform).kappa()))), Math.log(Math.max(MIN_ALPHA, s.alpha() / 1.5)),
                        Math.log(Math.min(MAX_ALPHA, s.alpha() * 1.5)));
                shapes.set(p, new Shape(theta, Math.exp(logAlpha), s.kappa()));
                double logKappa = golden(x -> problem.sse(with(shapes, platform, new Shape(shapes.get(platform).theta(),
                        shapes.get(platform).alpha(), Math.exp(x)))), Math.log(s.kappa() / 2), Math.log(s.kappa() * 2));
                shapes.set(p, new Shape(theta, Math.exp(logAlpha), Math.exp(logKappa)));
            }
        }
        return shapes;
    }

    private static List<Shape> with(List<Shape> shapes, int p, Shape shape) {
        List<Shape> copy = new ArrayList<>(shapes);
        copy.set(p, shape);
        return copy;
    }

    private static double golden(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double low = a;
        double high = b;
        for (int i = 0; i < GOLDEN_STEPS; i++) {
            double m1 = high - GOLDEN * (high - low);
            double m2 = low + GOLDEN * (high - low);
            if (f.applyAsDouble(m1) <= f.applyAsDouble(m2)) {
                high = m2;
            } else {
                low = m1;
            }
        }
        return (low + high) / 2;
    }

    /** The history as a least-squares problem: fixed baseline columns, a column per platform for given shapes. */
    static final class Problem {
        final WeeklyHistory history;
        final int platforms;
        final int weeks;
        final double[][] baseColumns;
        final boolean seasonal;

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
            int base = seasonal ? 4 : 2;
            baseColumns = new double[base][weeks];
            for (int t = 0; t < weeks; t++) {
                baseColumns[0][t] = 1;
                baseColumns[1][t] = (double) t / weeks;
                if (seasonal) {
                    baseColumns[2][t] = Math.sin(2 * Math.PI * t / SEASON_WEEKS);
                    baseColumns[3][t] = Math.cos(2 * Math.PI * t / SEASON_WEEKS);
                }
            }
        }

        double medianAdstock(int p, double theta) {
            double[] positive = Arrays.stream(Adstock.geometric(history.spend()[p], theta)).filter(a -> a > 0)
                    .sorted().toArray();
            return positive.length == 0 ? 1 : positive[positive.length / 2];
        }

        double[] column(int p, Shape shape) {
            double[] adstock = Adstock.geometric(history.spend()[p], shape.theta());
            HillCurve unit = new HillCurve(1, shape.alpha(), shape.kappa());
            double[] column = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                column[t] = unit.value(adstock[t]);
            }
            return column;
        }

        double sse(List<Shape> shapes) {
            return solve(shapes).sse;
        }

        /** Least squares with every platform's β at least 0: the most negative is dropped until none is. */
        Solution solve(List<Shape> shapes) {
            double[][] columns = new double[platforms][];
            boolean[] used = new boolean[platforms];
            for (int p = 0; p < platforms; p++) {
                columns[p] = column(p, shapes.get(p));
                used[p] = Arrays.stream(columns[p]).anyMatch(v -> v > 0);
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

        private Solution leastSquares(double[][] platformColumns, boolean[] used) {
            List<double[]> columns = new ArrayList<>(Arrays.asList(baseColumns));
            List<Integer> platformOf = new ArrayList<>();
            for (int i = 0; i < baseColumns.length; i++) {
                platformOf.add(-1);
            }
            for (int p = 0; p < platforms; p++) {
                if (used[p]) {
                    columns.add(platformColumns[p]);
                    platformOf.add(p);
                }
            }
            int k = columns.size();
            double[][] gram = new double[k][k];
            double[] moment = new double[k];
            double[] y = history.outcome();
            for (int i = 0; i < k; i++) {
                double[] ci = columns.get(i);
                for (int j = 0; j <= i; j++) {
                    double[] cj = columns.get(j);
                    double sum = 0;
                    for (int t = 0; t < weeks; t++) {
                        sum += ci[t] * cj[t];
                    }
                    gram[i][j] = sum;
                    gram[j][i] = sum;
                }
                double sum = 0;
                for (int t = 0; t < weeks; t++) {
                    sum += ci[t] * y[t];
                }
                moment[i] = sum;
            }
            double[][] inverse = SymmetricSolver.inverse(gram);
            double[] beta = new double[platforms];
            double[] baseCoefficients = new double[baseColumns.length];
            if (inverse == null) {
                // Columns that repeat each other (a platform whose spend never varies is a second intercept):
                // the platform is left out, which is what holding its β at 0 means.
                for (int i = k - 1; i >= baseColumns.length; i--) {
                    if (used[platformOf.get(i)]) {
                        boolean[] fewer = used.clone();
                        fewer[platformOf.get(i)] = false;
                        return leastSquares(platformColumns, fewer);
                    }
                }
                throw new BudgetFitException("budget.error.noOutcome");
            }
            double[] coefficients = SymmetricSolver.times(inverse, moment);
            double[] fitted = new double[weeks];
            for (int i = 0; i < k; i++) {
                if (platformOf.get(i) < 0) {
                    baseCoefficients[i] = coefficients[i];
                } else {
                    beta[platformOf.get(i)] = coefficients[i];
                }
                double[] c = columns.get(i);
                for (int t = 0; t < weeks; t++) {
                    fitted[t] += coefficients[i] * c[t];
                }
            }
            double sse = 0;
            for (int t = 0; t < weeks; t++) {
                sse += (y[t] - fitted[t]) * (y[t] - fitted[t]);
            }
            return new Solution(beta, baseCoefficients, platformColumns, fitted, sse);
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
            for (int p = 0; p < platforms; p++) {
                for (int t = 0; t < weeks; t++) {
                    contribution[p][t] = solution.beta[p] * solution.columns[p][t];
                }
            }
            double mean = Arrays.stream(history.outcome()).average().orElse(0);
            double total = Arrays.stream(history.outcome()).map(v -> (v - mean) * (v - mean)).sum();
            return new Fit(history, List.copyOf(shapes), solution.beta, baseline, contribution, solution.fitted,
                    solution.sse, total > 0 ? 1 - solution.sse / total : 0, seasonal);
        }
    }

    private record Solution(double[] beta, double[] base, double[][] columns, double[] fitted, double sse) {
    }
}
