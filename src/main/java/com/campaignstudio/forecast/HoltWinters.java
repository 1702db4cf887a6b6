package com.campaignstudio.forecast;

import java.util.Arrays;

/**
 * Additive Holt-Winters: level, slope and a seasonal term per period of the year (Hyndman and Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., section 8.3). In error-correction form, with
 * e = y(t) - (level + slope + season(t - m)):
 *
 * <pre>
 *     level' = level + slope + alpha * e
 *     slope' = slope + alpha * beta * e
 *     season(t) = season(t - m) + gamma * (1 - alpha) * e
 * </pre>
 *
 * The start comes from the first two seasons (level and slope from their means, seasonal terms against the first
 * season's trend line); the weights minimise the in-sample squared one-step errors after the first season.
 */
final class HoltWinters implements ForecastModel {

    private static final double WEIGHT_LOW = 0.01;
    private final int season;

    HoltWinters(int season) {
        this.season = season;
    }

    @Override
    public ModelName name() {
        return ModelName.of("holtWinters");
    }

    /** Two full seasons, so that both the seasonal terms and the slope have something to start from. */
    @Override
    public int minimumLength() {
        return 2 * season;
    }

    /** The three weights; the starting state is computed from the first two seasons, not fitted. */
    @Override
    public int parameters() {
        return 3;
    }

    /** Smoothing weights for level, slope and season. */
    record Weights(double alpha, double beta, double gamma) {
    }

    /** The state after a run: level, slope and the seasonal terms indexed by period modulo the season. */
    record State(double level, double slope, double[] seasonal) {
    }

    @Override
    public Fit fit(double[] y) {
        double[] best = GridSearch.minimise(p -> run(y, new Weights(p[0], p[1], p[2]), null).sse(),
                new double[]{WEIGHT_LOW, WEIGHT_LOW, WEIGHT_LOW}, new double[]{1, 1, 1});
        return fitted(y, new Weights(best[0], best[1], best[2]));
    }

    /** The fit with given weights. */
    Fitted fitted(double[] y, Weights weights) {
        double[] residuals = new double[y.length];
        State state = run(y, weights, residuals).state();
        return new Fitted(season, weights, state, residuals, y.length);
    }

    /** A fit: its weights, the state after the last period, and the one-step errors. */
    record Fitted(int season, Weights weights, State state, double[] residuals, int length) implements Fit {

        @Override
        public double[] residuals() {
            return residuals.clone();
        }

        @Override
        public double[] simulate(double[] shocks) {
            double level = state.level();
            double slope = state.slope();
            double[] seasonal = state.seasonal().clone();
            double[] out = new double[shocks.length];
            for (int h = 0; h < shocks.length; h++) {
                int s = (length + h) % season;
                out[h] = level + slope + seasonal[s] + shocks[h];
                level += slope + weights.alpha() * shocks[h];
                slope += weights.alpha() * weights.beta() * shocks[h];
                seasonal[s] += weights.gamma() * (1 - weights.alpha()) * shocks[h];
            }
            return out;
        }
    }

    private record Result(State state, double sse) {
    }

    /** Runs the recursion from the start the first two seasons give; fills {@code residuals} when given. */
    private Result run(double[] y, Weights weights, double[] residuals) {
        State start = start(y);
        double level = start.level();
        double slope = start.slope();
        double[] seasonal = start.seasonal();
        double sse = 0;
        if (residuals != null) {
            Arrays.fill(residuals, 0, season, Double.NaN);
        }
        for (int t = season; t < y.length; t++) {
            int s = t % season;
            double error = y[t] - (level + slope + seasonal[s]);
            sse += error * error;
            if (residuals != null) {
                residuals[t] = error;
            }
            level += slope + weights.alpha() * error;
            slope += weights.alpha() * weights.beta() * error;
            seasonal[s] += weights.gamma() * (1 - weights.alpha()) * error;
        }
        return new Result(new State(level, slope, seasonal), sse);
    }

    /**
     * The state at the end of the first season. Seasonal terms are taken against the first season's trend line, not
     * its mean: otherwise they absorb the trend within the season and bias every forecast.
     */
    private State start(double[] y) {
        double first = 0;
        double second = 0;
        for (int t = 0; t < season; t++) {
            first += y[t] / season;
            second += y[t + season] / season;
        }
        double slope = (second - first) / season;
        double middle = (season - 1) / 2.0;
        double[] seasonal = new double[season];
        for (int t = 0; t < season; t++) {
            seasonal[t] = y[t] - (first + slope * (t - middle));
        }
        return new State(first + slope * middle, slope, seasonal);
    }
}
