package com.campaignstudio.forecast;

import smile.timeseries.AR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Chooses a forecasting model by back-test and forecasts with prediction intervals. Candidates: seasonal
 * naive (the benchmark), autoregressive AR(p) for a few p (Smile, least squares), and additive Holt-Winters
 * exponential smoothing (level, trend, season; smoothing weights by grid search on one-step errors) when
 * there are two full seasons. The back-test fits each candidate on all but the last {@code horizon} periods,
 * forecasts them and scores sMAPE; the winner is refitted on everything. Intervals come from 1,000 simulated
 * paths that add resampled one-step residuals, so they widen with the horizon.
 */
public final class Forecaster {

    static final int PATHS = 1_000;

    /** A model that can be fitted to a series and forecast it. */
    interface Model {
        String name();

        /** Fits to {@code y}; returns one-step residuals. */
        double[] fit(double[] y);

        /** Continues the fitted series by {@code steps}, adding {@code shocks[i]} as the error of step i. */
        double[] simulate(int steps, double[] shocks);
    }

    private Forecaster() {
    }

    public static Forecast forecast(RevenueSeries series, int horizon, long seed) {
        double[] y = series.revenue();
        int season = series.granularity().season();
        int test = Math.min(horizon, Math.max(1, y.length / 4));
        double[] train = Arrays.copyOf(y, y.length - test);
        double[] actual = Arrays.copyOfRange(y, y.length - test, y.length);
        List<Forecast.Candidate> candidates = new ArrayList<>();
        Model best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (Model model : candidates(train.length, season)) {
            double[] predicted;
            try {
                model.fit(train);
                predicted = model.simulate(test, new double[test]);
            } catch (RuntimeException | LinkageError unusable) {
                continue;
            }
            double error = smape(actual, predicted);
            candidates.add(new Forecast.Candidate(model.name(), error));
            if (error < bestError) {
                bestError = error;
                best = model;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no model could be fitted to " + y.length + " periods");
        }
        Model chosen = rebuild(best, y.length, season);
        double[] residuals = chosen.fit(y);
        double[] point = chosen.simulate(horizon, new double[horizon]);
        double[][] paths = new double[PATHS][];
        Random random = new Random(seed);
        double[] usable = Arrays.stream(residuals).filter(Double::isFinite).toArray();
        for (int p = 0; p < PATHS; p++) {
            double[] shocks = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                shocks[h] = usable.length == 0 ? 0 : usable[random.nextInt(usable.length)];
            }
            paths[p] = chosen.simulate(horizon, shocks);
        }
        double[][] bands = new double[4][horizon];
        double[] quantiles = {0.025, 0.10, 0.90, 0.975};
        for (int h = 0; h < horizon; h++) {
            double[] values = new double[PATHS];
            for (int p = 0; p < PATHS; p++) {
                values[p] = paths[p][h];
            }
            Arrays.sort(values);
            for (int q = 0; q < 4; q++) {
                bands[q][h] = Math.max(0, values[(int) Math.floor(quantiles[q] * (PATHS - 1))]);
            }
        }
        for (int h = 0; h < horizon; h++) {
            point[h] = Math.max(0, point[h]);
        }
        return new Forecast(series, chosen.name(), bestError, List.copyOf(candidates), point, bands[0], bands[1],
                bands[2], bands[3]);
    }

    /** Symmetric mean absolute percentage error, in [0, 2]. */
    static double smape(double[] actual, double[] predicted) {
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double scale = Math.abs(actual[i]) + Math.abs(predicted[i]);
            total += scale == 0 ? 0 : 2 * Math.abs(actual[i] - predicted[i]) / scale;
        }
        return total / actual.length;
    }

    static List<Model> candidates(int length, int season) {
        List<Model> models = new ArrayList<>();
        if (length > season) {
            models.add(new SeasonalNaive(season));
        }
        models.add(new SeasonalNaive(1));
        for (int p : new int[]{1, 2, 4}) {
            if (length > 3 * p + 5) {
                models.add(new Autoregressive(p));
            }
        }
        if (length >= 2 * season + 2) {
            models.add(new HoltWinters(season));
        }
        return models;
    }

    private static Model rebuild(Model model, int length, int season) {
        for (Model candidate : candidates(length, season)) {
            if (candidate.name().equals(model.name())) {
                return candidate;
            }
        }
        return model;
    }

    /** y(t) = y(t - season); with season 1 the naive "same as last period". */
    static final class SeasonalNaive implements Model {
        private final int season;
        private double[] history;

        SeasonalNaive(int season) {
            this.season = season;
        }

        @Override
        public String name() {
            return season == 1 ? "naive" : "seasonal naive";
        }

        @Override
        public double[] fit(double[] y) {
            history = y.clone();
            double[] residuals = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                residuals[t] = t < season ? Double.NaN : y[t] - y[t - season];
            }
            return residuals;
        }

        @Override
        public double[] simulate(int steps, double[] shocks) {
            double[] extended = Arrays.copyOf(history, history.length + steps);
            for (int h = 0; h < steps; h++) {
                int t = history.length + h;
                extended[t] = extended[t - season] + shocks[h];
            }
            return Arrays.copyOfRange(extended, history.length, extended.length);
        }
    }

    /** y(t) = c + sum of phi_i y(t - i) + e(t), by least squares (Smile). */
    static final class Autoregressive implements Model {
        private final int order;
        private AR model;
        private double[] history;

        Autoregressive(int order) {
            this.order = order;
        }

        @Override
        public String name() {
            return "AR(" + order + ")";
        }

        @Override
        public double[] fit(double[] y) {
            history = y.clone();
            model = AR.ols(y, order);
            double[] fitted = model.residuals();
            double[] residuals = new double[y.length];
            Arrays.fill(residuals, Double.NaN);
            System.arraycopy(fitted, 0, residuals, y.length - fitted.length, fitted.length);
            return residuals;
        }

        @Override
        public double[] simulate(int steps, double[] shocks) {
            double[] phi = model.ar();
            double[] extended = Arrays.copyOf(history, history.length + steps);
            for (int h = 0; h < steps; h++) {
                int t = history.length + h;
                double value = model.intercept();
                for (int i = 0; i < phi.length; i++) {
                    value += phi[i] * extended[t - 1 - i];
                }
                extended[t] = value + shocks[h];
            }
            return Arrays.copyOfRange(extended, history.length, extended.length);
        }
    }

    /** Additive Holt-Winters: level, trend and seasonal terms, smoothing weights by grid search. */
    static final class HoltWinters implements Model {
        private static final double[] GRID = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
        private final int season;
        private int length;
        private double level;
        private double trend;
        private double[] seasonal;
        private double alpha;
        private double beta;
        private double gamma;

        HoltWinters(int season) {
            this.season = season;
        }

        @Override
        public String name() {
            return "Holt-Winters";
        }

        @Override
        public double[] fit(double[] y) {
            double best = Double.POSITIVE_INFINITY;
            double[] bestWeights = null;
            for (double a : GRID) {
                for (double b : new double[]{0.01, 0.05, 0.1, 0.2}) {
                    for (double g : GRID) {
                        double sse = run(y, a, b, g, null);
                        if (sse < best) {
                            best = sse;
                            bestWeights = new double[]{a, b, g};
                        }
                    }
                }
            }
            alpha = bestWeights[0];
            beta = bestWeights[1];
            gamma = bestWeights[2];
            double[] residuals = new double[y.length];
            run(y, alpha, beta, gamma, residuals);
            return residuals;
        }

        /** Runs the smoothing; returns the one-step sum of squared errors after the first season. */
        private double run(double[] y, double a, double b, double g, double[] residuals) {
            double l = 0;
            for (int t = 0; t < season; t++) {
                l += y[t] / season;
            }
            double next = 0;
            for (int t = season; t < 2 * season; t++) {
                next += y[t] / season;
            }
            double tr = (next - l) / season;
            // Seasonal terms against the first season's trend line, not its mean: otherwise they absorb the
            // trend within the season and bias every forecast.
            double middle = (season - 1) / 2.0;
            double[] s = new double[season];
            for (int t = 0; t < season; t++) {
                s[t] = y[t] - (l + tr * (t - middle));
            }
            l += tr * middle;
            double sse = 0;
            if (residuals != null) {
                Arrays.fill(residuals, 0, Math.min(season, residuals.length), Double.NaN);
            }
            for (int t = season; t < y.length; t++) {
                double predicted = l + tr + s[t % season];
                double error = y[t] - predicted;
                sse += error * error;
                if (residuals != null) {
                    residuals[t] = error;
                }
                double previousLevel = l;
                l = a * (y[t] - s[t % season]) + (1 - a) * (l + tr);
                tr = b * (l - previousLevel) + (1 - b) * tr;
                s[t % season] = g * (y[t] - l) + (1 - g) * s[t % season];
            }
            level = l;
            trend = tr;
            seasonal = s;
            length = y.length;
            return sse;
        }

        @Override
        public double[] simulate(int steps, double[] shocks) {
            double l = level;
            double tr = trend;
            double[] s = seasonal.clone();
            double[] out = new double[steps];
            for (int h = 0; h < steps; h++) {
                int t = length + h;
                double value = l + tr + s[t % season] + shocks[h];
                out[h] = value;
                double previousLevel = l;
                l = alpha * (value - s[t % season]) + (1 - alpha) * (l + tr);
                tr = beta * (l - previousLevel) + (1 - beta) * tr;
                s[t % season] = gamma * (value - l) + (1 - gamma) * s[t % season];
            }
            return out;
        }
    }
}
