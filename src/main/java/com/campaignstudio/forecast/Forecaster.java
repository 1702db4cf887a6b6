package com.campaignstudio.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Chooses a forecasting model by a rolling-origin back-test ({@link BackTest}) and forecasts with prediction
 * intervals. Candidates, simplest first: naive, seasonal naive, the mean of the last {@value #RECENT} periods,
 * simple exponential smoothing, Holt's linear trend, damped trend, autoregressive AR(1), AR(2) and AR(4), and
 * additive Holt-Winters when every back-test has two full seasons to fit on. The lowest mean sMAPE wins; on a tie
 * (equal to the 0.1 percentage point shown) the simpler model. The winner is refitted on the whole series.
 * Intervals come from {@value #PATHS} simulated paths that feed resampled one-step residuals through the model, so
 * they widen with the horizon as the model says they should.
 */
public final class Forecaster {

    static final int PATHS = 1_000;
    static final int RECENT = 4;
    /** Errors equal to this (0.1 percentage point, as the view shows them) are a tie. */
    static final double TIE = 0.001;
    private static final double[] QUANTILES = {0.025, 0.10, 0.90, 0.975};

    private Forecaster() {
    }

    public static Forecast forecast(RevenueSeries series, int horizon, long seed) {
        double[] y = series.revenue();
        BackTest backTest = BackTest.plan(y.length, horizon, series.granularity().season());
        List<Scored> scored = new ArrayList<>();
        for (ForecastModel model : candidates(series.granularity().season(), backTest.shortestTraining())) {
            double error = score(model, backTest, y);
            if (!Double.isNaN(error)) {
                scored.add(new Scored(model, error));
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalStateException("no model could be fitted to " + y.length + " periods");
        }
        // A stable sort on the error as shown keeps equal errors in the candidates' order, simplest first.
        scored.sort(Comparator.comparingLong(candidate -> Math.round(candidate.error() / TIE)));
        List<Forecast.Candidate> candidates = scored.stream().map(candidate -> new Forecast.Candidate(
                candidate.model().name(), candidate.error(), backTest.origins().length, candidate == scored.getFirst()))
                .toList();
        ForecastModel chosen = scored.getFirst().model();
        ForecastModel.Fit fit = chosen.fit(y);
        double[] point = fit.simulate(new double[horizon]);
        double[][] bands = bands(fit, chosen.parameters(), horizon, seed);
        for (int h = 0; h < horizon; h++) {
            point[h] = Math.max(0, point[h]);
        }
        return new Forecast(series, candidates, backTest.window(), point, bands[0], bands[1], bands[2], bands[3]);
    }

    /** The models offered for a series with this seasonal period, simplest first, that fit on {@code shortest}. */
    static List<ForecastModel> candidates(int season, int shortest) {
        List<ForecastModel> models = new ArrayList<>(List.of(new SeasonalNaive(1), new SeasonalNaive(season),
                new RecentMean(RECENT), new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE),
                new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR),
                new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED),
                new Autoregressive(1), new Autoregressive(2), new Autoregressive(4), new HoltWinters(season)));
        models.removeIf(model -> model.minimumLength() > shortest);
        return models;
    }

    private record Scored(ForecastModel model, double error) {
    }

    /** The model's back-test sMAPE, or NaN when it cannot be fitted (a singular AR system, say). */
    private static double score(ForecastModel model, BackTest backTest, double[] y) {
        try {
            return backTest.smape(model, y);
        } catch (RuntimeException | LinkageError unusable) {
            return Double.NaN;
        }
    }

    /**
     * The 2.5%, 10%, 90% and 97.5% quantiles of simulated paths, per period ahead, never below zero. The residuals
     * are scaled up by sqrt(m / (m - parameters)), as for an unbiased variance, since fitting has made them smaller
     * than the errors of new periods.
     */
    static double[][] bands(ForecastModel.Fit fit, int parameters, int horizon, long seed) {
        double[] residuals = Arrays.stream(fit.residuals()).filter(Double::isFinite).toArray();
        double inflation = Math.sqrt(residuals.length / (double) Math.max(1, residuals.length - parameters));
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] *= inflation;
        }
        Random random = new Random(seed);
        double[][] paths = new double[PATHS][];
        for (int p = 0; p < PATHS; p++) {
            double[] shocks = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                shocks[h] = residuals.length == 0 ? 0 : residuals[random.nextInt(residuals.length)];
            }
            paths[p] = fit.simulate(shocks);
        }
        double[][] bands = new double[QUANTILES.length][horizon];
        double[] values = new double[PATHS];
        for (int h = 0; h < horizon; h++) {
            for (int p = 0; p < PATHS; p++) {
                values[p] = paths[p][h];
            }
            Arrays.sort(values);
            for (int q = 0; q < QUANTILES.length; q++) {
                bands[q][h] = Math.max(0, values[(int) Math.floor(QUANTILES[q] * (PATHS - 1))]);
            }
        }
        return bands;
    }
}
