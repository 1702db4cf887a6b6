package com.campaignstudio.ltv;

import smile.math.BFGS;
import smile.util.function.DifferentiableMultivariateFunction;

import java.util.List;

/**
 * Maximum likelihood for models whose parameters are all positive: L-BFGS (Smile) on the logarithms of the
 * parameters, from several starting points, keeping the best; standard errors from the inverse Hessian of
 * the negative log-likelihood (by differences of the analytic gradient), carried back to the natural scale
 * by the delta method (se(theta) = theta * se(log theta)).
 */
final class LogSpaceFit {

    /** A negative log-likelihood with its gradient, both in the natural parameters. */
    interface Objective {
        /** Returns -LL at {@code theta} and writes d(-LL)/d(theta) into {@code gradient}. */
        double value(double[] theta, double[] gradient);
    }

    /**
     * @param theta          the estimates
     * @param standardErrors their standard errors (NaN where the Hessian was not invertible)
     * @param logCovariance  the covariance of the log-parameters, for parametric bootstrap
     * @param logLikelihood  the maximised log-likelihood
     * @param gradientNorm   the size of the gradient at the estimate (in log space): near zero at a maximum
     */
    record Result(double[] theta, double[] standardErrors, double[][] logCovariance, double logLikelihood,
                  double gradientNorm) {

        /**
         * Whether the data pin parameter {@code i} down: it is not at the edge of the allowed range and its
         * standard error on the log scale is below {@link #IDENTIFIED_LOG_ERROR} (a 95% interval narrower than a
         * factor of 50 either way). A likelihood that stays flat as a parameter runs to zero or infinity gives
         * an "estimate" that is only where the optimiser happened to stop.
         */
        boolean identified(int i) {
            double log = Math.log(theta[i]);
            double logError = logCovariance == null || logCovariance[i][i] < 0 ? Double.NaN : Math.sqrt(logCovariance[i][i]);
            return Math.abs(log) < LOG_BOUND - 1 && logError < IDENTIFIED_LOG_ERROR;
        }
    }

    /**
     * Parameters live in [e^-LOG_BOUND, e^LOG_BOUND] = [1e-6, 1e6]: beyond, a quadratic wall in log space keeps
     * a likelihood that is flat toward zero or infinity from dragging the optimiser to 10^69, where the
     * model's formulas overflow. Every parameter the models use means something well inside that range.
     */
    static final double LOG_BOUND = Math.log(1e6);
    private static final double WALL = 1e4;
    static final double IDENTIFIED_LOG_ERROR = 2;

    private LogSpaceFit() {
    }

    static Result fit(Objective objective, List<double[]> starts) {
        double[] end = bestEnd(objective, starts, FINE);
        if (end == null) {
            return null;
        }
        double bestValue = end[end.length - 1];
        double[] best = java.util.Arrays.copyOf(end, end.length - 1);
        double[] theta = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            theta[i] = Math.exp(best[i]);
        }
        double[] gradient = new double[best.length];
        inLogSpace(objective).g(best, gradient);
        double norm = Math.sqrt(java.util.Arrays.stream(gradient).map(g -> g * g).sum());
        double[][] covariance = invert(hessian(inLogSpace(objective), best));
        double[] errors = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            errors[i] = covariance == null || covariance[i][i] < 0 ? Double.NaN : theta[i] * Math.sqrt(covariance[i][i]);
        }
        return new Result(theta, errors, covariance, -bestValue, norm);
    }

    /**
     * For much data: the starting points race on {@code sample} (a cheap stand-in for the data, weighted up to
     * it) with a loose tolerance and no standard errors, and only the winner is refined on {@code full}.
     */
    static Result raceThenFit(Objective sample, Objective full, List<double[]> starts) {
        double[] best = bestEnd(sample, starts, ROUGH);
        if (best == null) {
            return fit(full, starts);
        }
        double[] winner = new double[best.length - 1];
        for (int i = 0; i < winner.length; i++) {
            winner[i] = Math.exp(best[i]);
        }
        return fit(full, List.of(winner));
    }

    /** Relative gradient tolerances of L-BFGS: for the answer, and for a race whose winner is refined. */
    private static final double FINE = 1e-8;
    private static final double ROUGH = 1e-4;

    /** The log-parameters of the best end point with the objective's value appended, or null. */
    private static double[] bestEnd(Objective objective, List<double[]> starts, double tolerance) {
        // The starting points run side by side; each gets its own copy of the objective's inputs.
        List<double[]> ends = starts.parallelStream().map(start -> {
            double[] logTheta = new double[start.length];
            for (int i = 0; i < start.length; i++) {
                logTheta[i] = Math.log(start[i]);
            }
            try {
                double value = BFGS.minimize(inLogSpace(objective, EVALUATIONS), 5, logTheta, tolerance, 500);
                return Double.isFinite(value) ? append(logTheta, value) : null;
            } catch (RuntimeException | StackOverflowError diverged) {
                return null;
            }
        }).toList();
        double[] best = null;
        for (double[] end : ends) {
            if (end != null && (best == null || end[end.length - 1] < best[best.length - 1])) {
                best = end;
            }
        }
        return best;
    }

    private static double[] append(double[] values, double last) {
        double[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    /**
     * Evaluations one minimisation may spend. Smile's line search can cycle for ever between a wall and a flat
     * stretch (seen on generated cohorts whose dropout the data cannot identify); a start that spends this many
     * is abandoned like one that diverged. A healthy fit needs a few hundred.
     */
    static final int EVALUATIONS = 20_000;

    /** Thrown inside a minimisation that used up its evaluations. */
    private static final class OutOfEvaluations extends RuntimeException {
        OutOfEvaluations() {
            super("no convergence within " + EVALUATIONS + " evaluations", null, false, false);
        }
    }

    private static DifferentiableMultivariateFunction inLogSpace(Objective objective) {
        return inLogSpace(objective, Integer.MAX_VALUE);
    }

    private static DifferentiableMultivariateFunction inLogSpace(Objective objective, int budget) {
        return new DifferentiableMultivariateFunction() {
            private int spent;

            @Override
            public double f(double[] logTheta) {
                return g(logTheta, new double[logTheta.length]);
            }

            @Override
            public double g(double[] logTheta, double[] gradient) {
                if (++spent > budget) {
                    throw new OutOfEvaluations();
                }
                double[] theta = new double[logTheta.length];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = Math.exp(logTheta[i]);
                }
                double value = objective.value(theta, gradient);
                boolean finite = Double.isFinite(value);
                for (int i = 0; i < theta.length; i++) {
                    gradient[i] *= theta[i];
                    double beyond = Math.abs(logTheta[i]) - LOG_BOUND;
                    if (beyond > 0) {
                        value += WALL * beyond * beyond;
                        gradient[i] += Math.signum(logTheta[i]) * 2 * WALL * beyond;
                    }
                    finite &= Double.isFinite(gradient[i]);
                }
                if (!finite) {
                    // Far outside where the model makes sense: a wall the line search backs away from.
                    java.util.Arrays.fill(gradient, 0);
                    return 1e300;
                }
                return value;
            }
        };
    }

    private static double[][] hessian(DifferentiableMultivariateFunction function, double[] at) {
        int n = at.length;
        double[][] h = new double[n][n];
        double step = 1e-5;
        for (int j = 0; j < n; j++) {
            double[] plus = at.clone();
            double[] minus = at.clone();
            plus[j] += step;
            minus[j] -= step;
            double[] gPlus = new double[n];
            double[] gMinus = new double[n];
            function.g(plus, gPlus);
            function.g(minus, gMinus);
            for (int i = 0; i < n; i++) {
                h[i][j] = (gPlus[i] - gMinus[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (h[i][j] + h[j][i]) / 2;
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }

    /** Gauss-Jordan inverse of a small matrix; null when it is singular. */
    static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][column]) < 1e-12) {
                return null;
            }
            double[] swap = a[column];
            a[column] = a[pivot];
            a[pivot] = swap;
            double divisor = a[column][column];
            for (int k = 0; k < 2 * n; k++) {
                a[column][k] /= divisor;
            }
            for (int row = 0; row < n; row++) {
                if (row != column && a[row][column] != 0) {
                    double factor = a[row][column];
                    for (int k = 0; k < 2 * n; k++) {
                        a[row][k] -= factor * a[column][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
