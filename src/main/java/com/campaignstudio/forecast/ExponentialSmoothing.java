package com.campaignstudio.forecast;

/**
 * Exponential smoothing with additive errors, without season (Hyndman and Athanasopoulos, "Forecasting: Principles
 * and Practice", 3rd ed., sections 8.1 and 8.2): simple (a level only), Holt's linear trend, and Gardner and
 * McKenzie's damped trend, whose slope fades by a factor phi each period ahead. In error-correction form, with
 * e = y(t) - (level + phi * slope):
 *
 * <pre>
 *     level' = level + phi * slope + alpha * e
 *     slope' = phi * slope + alpha * beta * e      (beta as in the textbook's component form)
 * </pre>
 *
 * Simple smoothing has no slope; Holt has phi = 1. The weights minimise the in-sample sum of squared one-step
 * errors ({@link GridSearch}); for each choice of weights the starting level and slope that minimise it are
 * solved for exactly, since the errors are linear in them (as R's {@code ets} optimises them, without the search).
 */
final class ExponentialSmoothing implements ForecastModel {

    /** Which of the three. */
    enum Trend {
        NONE("ses"), LINEAR("holt"), DAMPED("damped");

        private final String key;

        Trend(String key) {
            this.key = key;
        }
    }

    static final double PHI_LOW = 0.8;
    static final double PHI_HIGH = 0.98;
    private static final double WEIGHT_LOW = 0.01;

    private final Trend trend;

    ExponentialSmoothing(Trend trend) {
        this.trend = trend;
    }

    @Override
    public ModelName name() {
        return ModelName.of(trend.key);
    }

    @Override
    public int minimumLength() {
        return trend == Trend.NONE ? 3 : 5;
    }

    /** The weights and the starting level (and slope). */
    @Override
    public int parameters() {
        return switch (trend) {
            case NONE -> 2;
            case LINEAR -> 4;
            case DAMPED -> 5;
        };
    }

    /** Smoothing weights: alpha for the level, beta for the slope, phi the damping (1: none). */
    record Weights(double alpha, double beta, double phi) {
    }

    /** A run of the recursion over a series: its one-step errors and the state after the last period. */
    record Run(double[] residuals, double level, double slope, double sse) {
    }

    @Override
    public Fit fit(double[] y) {
        double[] lower = switch (trend) {
            case NONE -> new double[]{WEIGHT_LOW};
            case LINEAR -> new double[]{WEIGHT_LOW, WEIGHT_LOW};
            case DAMPED -> new double[]{WEIGHT_LOW, WEIGHT_LOW, PHI_LOW};
        };
        double[] upper = switch (trend) {
            case NONE -> new double[]{1};
            case LINEAR -> new double[]{1, 1};
            case DAMPED -> new double[]{1, 1, PHI_HIGH};
        };
        double[] best = GridSearch.minimise(p -> start(y, weights(p)).sse(), lower, upper);
        Weights weights = weights(best);
        return new Fitted(weights, bestStart(y, weights));
    }

    /** A fit: its weights and its run over the series it was fitted to. */
    record Fitted(Weights weights, Run run) implements Fit {

        @Override
        public double[] residuals() {
            return run.residuals().clone();
        }

        @Override
        public double[] simulate(double[] shocks) {
            double level = run.level();
            double slope = run.slope();
            double[] out = new double[shocks.length];
            for (int h = 0; h < shocks.length; h++) {
                double predicted = level + weights.phi() * slope;
                out[h] = predicted + shocks[h];
                level = predicted + weights.alpha() * shocks[h];
                slope = weights.phi() * slope + weights.alpha() * weights.beta() * shocks[h];
            }
            return out;
        }
    }

    private Weights weights(double[] p) {
        return switch (trend) {
            case NONE -> new Weights(p[0], 0, 1);
            case LINEAR -> new Weights(p[0], p[1], 1);
            case DAMPED -> new Weights(p[0], p[1], p[2]);
        };
    }

    /**
     * The run from the starting level and slope that minimise the squared one-step errors. The errors of a run from
     * (level, slope) are those from (0, 0) plus level times the errors of a run over zeros from (1, 0) plus slope
     * times those from (0, 1), so the best start is a least-squares fit in one or two unknowns.
     */
    Run bestStart(double[] y, Weights weights) {
        Start start = start(y, weights);
        return run(y, weights, start.level(), start.slope());
    }

    /** The best start and the sum of squared errors from it, in one pass over the series. */
    private record Start(double level, double slope, double sse) {
    }

    private Start start(double[] y, Weights weights) {
        double alpha = weights.alpha();
        double phi = weights.phi();
        double slopeGain = alpha * weights.beta();
        // Three runs side by side: over y from (0, 0), and over zeros from (1, 0) and from (0, 1).
        double level0 = 0, slope0 = 0, level1 = 1, slope1 = 0, level2 = 0, slope2 = 1;
        double zeroZero = 0, levelZero = 0, slopeZero = 0, levelLevel = 0, levelSlope = 0, slopeSlope = 0;
        for (double value : y) {
            double predicted0 = level0 + phi * slope0;
            double predicted1 = level1 + phi * slope1;
            double predicted2 = level2 + phi * slope2;
            double error0 = value - predicted0;
            double error1 = -predicted1;
            double error2 = -predicted2;
            zeroZero += error0 * error0;
            levelZero += error1 * error0;
            slopeZero += error2 * error0;
            levelLevel += error1 * error1;
            levelSlope += error1 * error2;
            slopeSlope += error2 * error2;
            level0 = predicted0 + alpha * error0;
            slope0 = phi * slope0 + slopeGain * error0;
            level1 = predicted1 + alpha * error1;
            slope1 = phi * slope1 + slopeGain * error1;
            level2 = predicted2 + alpha * error2;
            slope2 = phi * slope2 + slopeGain * error2;
        }
        if (trend == Trend.NONE) {
            double level = -levelZero / levelLevel;
            return new Start(level, 0, zeroZero + level * levelZero);
        }
        double determinant = levelLevel * slopeSlope - levelSlope * levelSlope;
        if (Math.abs(determinant) <= 1e-12 * levelLevel * slopeSlope) {
            return new Start(y[0], 0, run(y, weights, y[0], 0).sse());
        }
        double level = -(slopeSlope * levelZero - levelSlope * slopeZero) / determinant;
        double slope = -(levelLevel * slopeZero - levelSlope * levelZero) / determinant;
        // At the least-squares solution the residual sum of squares is e0.e0 + theta.(X'e0).
        return new Start(level, slope, zeroZero + level * levelZero + slope * slopeZero);
    }

    /** The recursion from a given state before the first period (so that its first forecast is level + phi * slope). */
    static Run run(double[] y, Weights weights, double level, double slope) {
        double[] residuals = new double[y.length];
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            double predicted = level + weights.phi() * slope;
            double error = y[t] - predicted;
            residuals[t] = error;
            sse += error * error;
            level = predicted + weights.alpha() * error;
            slope = weights.phi() * slope + weights.alpha() * weights.beta() * error;
        }
        return new Run(residuals, level, slope, sse);
    }
}
