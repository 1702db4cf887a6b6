package com.campaignstudio.drivers;

import com.campaignstudio.stats.SymmetricSolver;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import smile.stat.distribution.GaussianDistribution;
import smile.stat.distribution.TDistribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits the drivers regression: logistic by Newton's method (iteratively reweighted least squares) for "bought",
 * ordinary least squares for the number of orders. Standard errors come from the inverse Fisher information
 * (logistic) or from s²(X'X)⁻¹ (linear); intervals are Wald 95% intervals (z for logistic, t with n - p degrees of
 * freedom for linear).
 */
public final class Drivers {

    /** Variance inflation above this marks an input as collinear (the usual rule of thumb, e.g. Kutner et al. 2005). */
    static final double VIF_LIMIT = 10;
    /**
     * Logistic: fewer than this many events per parameter (the rarer of buyers and non-buyers, per coefficient but
     * the intercept) gives biased coefficients and intervals that miss too often (Peduzzi et al. 1996, J. Clin.
     * Epidemiol. 49:1373).
     */
    static final double EVENTS_PER_PARAMETER = 10;
    /** Linear: at least 104 + k rows to test k individual coefficients (Green 1991, Multivar. Behav. Res. 26:499). */
    static final int GREEN_BASE = 104;
    private static final int MAX_NEWTON_STEPS = 60;
    private static final double CONVERGED = 1e-8;
    /**
     * A coefficient still moving by this much (in standard deviations of its input) when Newton's method gives up is
     * one that diverges: the data separate buyers from non-buyers along it.
     */
    private static final double DIVERGING = 1e-3;
    private static final double Z_95 = GaussianDistribution.getInstance().quantile(0.975);

    private Drivers() {
    }

    public static DriversResult fit(DriverTable table, Outcome outcome, List<DriverInput> inputs, TaskContext context)
            throws DriversException {
        context.message(Reason.of("drivers.stage.design"));
        Design design = Design.of(table, outcome, inputs);
        context.checkCancelled();
        int n = design.rows();
        int p = design.parameters();
        long buyers = 0;
        double sum = 0;
        for (double value : design.y) {
            sum += value;
            buyers += value > 0 ? 1 : 0;
        }
        if (n <= p) {
            throw new DriversException("drivers.error.too.few.rows", n, p);
        }
        if (outcome.logistic() && (buyers == 0 || buyers == n)) {
            throw new DriversException(buyers == 0 ? "drivers.error.no.buyers" : "drivers.error.all.buyers");
        }
        context.message(Reason.of("drivers.stage.fit"));
        Fit fit = outcome.logistic() ? logistic(design, context) : leastSquares(design);
        return result(design, outcome, fit, buyers, sum / n);
    }

    /** Coefficients and covariance in the standardised columns. */
    private record Fit(double[] gamma, double[][] covariance, double fitStatistic, int iterations, int degreesOfFreedom) {
    }

    private static Fit leastSquares(Design design) throws DriversException {
        int n = design.rows();
        int p = design.parameters();
        double[][] crossProduct = new double[p][p];
        double[] zy = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = design.z[i];
            for (int a = 0; a < p; a++) {
                zy[a] += row[a] * design.y[i];
                for (int b = 0; b <= a; b++) {
                    crossProduct[a][b] += row[a] * row[b];
                }
            }
        }
        symmetrise(crossProduct);
        double[][] inverse = SymmetricSolver.inverse(crossProduct);
        if (inverse == null) {
            throw new DriversException("drivers.error.collinear", List.of(design.columns.getLast().input()));
        }
        double[] gamma = SymmetricSolver.times(inverse, zy);
        double mean = 0;
        for (double value : design.y) {
            mean += value;
        }
        mean /= n;
        double residualSquares = 0;
        double totalSquares = 0;
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int a = 0; a < p; a++) {
                fitted += design.z[i][a] * gamma[a];
            }
            residualSquares += (design.y[i] - fitted) * (design.y[i] - fitted);
            totalSquares += (design.y[i] - mean) * (design.y[i] - mean);
        }
        double variance = residualSquares / (n - p);
        double[][] covariance = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                covariance[a][b] = variance * inverse[a][b];
            }
        }
        double rSquared = totalSquares > 0 ? 1 - residualSquares / totalSquares : Double.NaN;
        return new Fit(gamma, covariance, rSquared, 0, n - p);
    }

    private static Fit logistic(Design design, TaskContext context) throws DriversException {
        int n = design.rows();
        int p = design.parameters();
        double[] gamma = new double[p];
        double mean = 0;
        for (double value : design.y) {
            mean += value;
        }
        mean /= n;
        gamma[0] = Math.log(mean / (1 - mean));
        double nullDeviance = deviance(design, gamma);
        double deviance = nullDeviance;
        double[] lastStep = new double[p];
        for (int iteration = 1; iteration <= MAX_NEWTON_STEPS; iteration++) {
            context.checkCancelled();
            context.progress(iteration, MAX_NEWTON_STEPS);
            double[][] information = new double[p][p];
            double[] score = new double[p];
            for (int i = 0; i < n; i++) {
                double[] row = design.z[i];
                double probability = logistic(dot(row, gamma));
                double weight = probability * (1 - probability);
                double residual = design.y[i] - probability;
                for (int a = 0; a < p; a++) {
                    score[a] += row[a] * residual;
                    double weighted = weight * row[a];
                    for (int b = 0; b <= a; b++) {
                        information[a][b] += weighted * row[b];
                    }
                }
            }
            symmetrise(information);
            double[][] inverse = SymmetricSolver.inverse(information);
            if (inverse == null) {
                // Every follower's fitted probability is 0 or 1 to machine precision: only separation does that.
                throw separation(design, lastStep);
            }
            double[] step = SymmetricSolver.times(inverse, score);
            double[] next = new double[p];
            double nextDeviance = Double.POSITIVE_INFINITY;
            // Newton's step on the log-likelihood, halved while it makes the fit worse.
            for (int halving = 0; halving < 30; halving++) {
                for (int a = 0; a < p; a++) {
                    next[a] = gamma[a] + step[a];
                }
                nextDeviance = deviance(design, next);
                if (nextDeviance <= deviance * (1 + 1e-12)) {
                    break;
                }
                for (int a = 0; a < p; a++) {
                    step[a] /= 2;
                }
            }
            double largest = 0;
            for (int a = 0; a < p; a++) {
                largest = Math.max(largest, Math.abs(step[a]) / (1 + Math.abs(gamma[a])));
            }
            gamma = next.clone();
            deviance = nextDeviance;
            lastStep = step;
            if (largest < CONVERGED) {
                return new Fit(gamma, finalCovariance(design, gamma, lastStep), 1 - deviance / nullDeviance,
                        iteration, 0);
            }
        }
        throw separation(design, lastStep);
    }

    /** The inverse Fisher information at the estimate. */
    private static double[][] finalCovariance(Design design, double[] gamma, double[] lastStep)
            throws DriversException {
        int p = gamma.length;
        double[][] information = new double[p][p];
        for (double[] row : design.z) {
            double probability = logistic(dot(row, gamma));
            double weight = probability * (1 - probability);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    information[a][b] += weight * row[a] * row[b];
                }
            }
        }
        symmetrise(information);
        double[][] inverse = SymmetricSolver.inverse(information);
        if (inverse == null) {
            throw separation(design, lastStep);
        }
        return inverse;
    }

    /** The inputs whose coefficients were still growing: the directions along which the data separate. */
    private static DriversException separation(Design design, double[] lastStep) {
        Set<DriverInput> diverging = new LinkedHashSet<>();
        for (int j = 1; j < lastStep.length; j++) {
            if (Math.abs(lastStep[j]) > DIVERGING) {
                diverging.add(design.columns.get(j - 1).input());
            }
        }
        if (diverging.isEmpty()) {
            diverging.addAll(design.inputs);
        }
        return new DriversException("drivers.error.separation", List.copyOf(diverging));
    }

    private static DriversResult result(Design design, Outcome outcome, Fit fit, long buyers, double meanOutcome) {
        int p = design.parameters();
        // x = mean + deviation * z, so beta_j = gamma_j / deviation_j and the intercept absorbs the means:
        // beta = T gamma with T's first row (1, -m_1/s_1, ...) and diagonal 1/s_j below.
        double[][] transform = new double[p][p];
        transform[0][0] = 1;
        for (int j = 1; j < p; j++) {
            transform[0][j] = -design.means[j] / design.deviations[j];
            transform[j][j] = 1 / design.deviations[j];
        }
        double[] beta = SymmetricSolver.times(transform, fit.gamma());
        double[][] covariance = sandwich(transform, fit.covariance());
        double critical = outcome.logistic() ? Z_95 : new TDistribution(fit.degreesOfFreedom()).quantile(0.975);
        TDistribution t = outcome.logistic() ? null : new TDistribution(fit.degreesOfFreedom());
        double meanPredictor = beta[0];
        for (int j = 1; j < p; j++) {
            meanPredictor += beta[j] * design.means[j];
        }
        List<Term> terms = new ArrayList<>();
        for (int j = 1; j < p; j++) {
            Design.Column column = design.columns.get(j - 1);
            double estimate = beta[j];
            double error = Math.sqrt(covariance[j][j]);
            double low = estimate - critical * error;
            double high = estimate + critical * error;
            double statistic = Math.abs(estimate / error);
            double pValue = outcome.logistic() ? 2 * GaussianDistribution.getInstance().cdf(-statistic)
                    : 2 * t.cdf(-statistic);
            double unit = column.level() == null ? unit(design.deviations[j]) : 1;
            double effect;
            double effectLow;
            double effectHigh;
            double points = Double.NaN;
            double pointsLow = Double.NaN;
            double pointsHigh = Double.NaN;
            if (outcome.logistic()) {
                effect = Math.exp(estimate * unit);
                effectLow = Math.exp(low * unit);
                effectHigh = Math.exp(high * unit);
                double from = column.level() == null ? meanPredictor : meanPredictor - estimate * design.means[j];
                points = logistic(from + estimate * unit) - logistic(from);
                pointsLow = logistic(from + low * unit) - logistic(from);
                pointsHigh = logistic(from + high * unit) - logistic(from);
            } else {
                effect = estimate * unit;
                effectLow = low * unit;
                effectHigh = high * unit;
            }
            terms.add(new Term(column.input(), column.level(), estimate, error, low, high, pValue, design.vif[j], unit,
                    effect, effectLow, effectHigh, points, pointsLow, pointsHigh));
        }
        return new DriversResult(outcome, design.inputs, design.rows(), design.leftOut, buyers, meanOutcome, beta[0],
                terms, design.references, fit.fitStatistic(), fit.iterations(),
                warnings(design, outcome, buyers));
    }

    private static List<DriverMessage> warnings(Design design, Outcome outcome, long buyers) {
        List<DriverMessage> warnings = new ArrayList<>();
        Set<DriverInput> collinear = new LinkedHashSet<>();
        for (int j = 1; j < design.parameters(); j++) {
            DriverInput input = design.columns.get(j - 1).input();
            if (design.vif[j] > VIF_LIMIT && collinear.add(input)) {
                warnings.add(DriverMessage.of("drivers.warning.collinear", List.of(input, design.closestPartner(j)),
                        String.format(java.util.Locale.ROOT, "%.0f", design.vif[j])));
            }
        }
        int k = design.parameters() - 1;
        if (outcome.logistic()) {
            long rarer = Math.min(buyers, design.rows() - buyers);
            if (rarer < EVENTS_PER_PARAMETER * k) {
                warnings.add(DriverMessage.of("drivers.warning.few.events", List.of(), rarer, k,
                        (long) (EVENTS_PER_PARAMETER * k)));
            }
        } else if (design.rows() < GREEN_BASE + k) {
            warnings.add(DriverMessage.of("drivers.warning.few.rows", List.of(), design.rows(), k, GREEN_BASE + k));
        }
        if (design.leftOut > 0) {
            warnings.add(DriverMessage.of("drivers.warning.left.out", List.of(), design.leftOut));
        }
        return warnings;
    }

    /** A round step near one standard deviation: 1, 10, 100, 1,000 ... (never below one unit of a count). */
    static double unit(double deviation) {
        return Math.max(1, Math.pow(10, Math.round(Math.log10(deviation))));
    }

    private static double[][] sandwich(double[][] transform, double[][] covariance) {
        int p = transform.length;
        double[][] left = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += transform[i][k] * covariance[k][j];
                }
                left[i][j] = sum;
            }
        }
        double[][] result = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += left[i][k] * transform[j][k];
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    private static double deviance(Design design, double[] gamma) {
        double deviance = 0;
        for (int i = 0; i < design.rows(); i++) {
            double eta = dot(design.z[i], gamma);
            // -2 log-likelihood: log(1 + e^eta) - y eta, written so that large |eta| does not overflow.
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            deviance += 2 * (softplus - design.y[i] * eta);
        }
        return deviance;
    }

    private static double logistic(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double dot(double[] row, double[] gamma) {
        double sum = 0;
        for (int a = 0; a < row.length; a++) {
            sum += row[a] * gamma[a];
        }
        return sum;
    }

    private static void symmetrise(double[][] lowerFilled) {
        for (int a = 0; a < lowerFilled.length; a++) {
            for (int b = 0; b < a; b++) {
                lowerFilled[b][a] = lowerFilled[a][b];
            }
        }
    }
}
