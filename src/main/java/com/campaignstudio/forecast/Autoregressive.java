package com.campaignstudio.forecast;

import smile.timeseries.AR;

import java.util.Arrays;

/** y(t) = c + sum of phi_i y(t - i) + e(t), by least squares (Smile). */
final class Autoregressive implements ForecastModel {

    private final int order;

    Autoregressive(int order) {
        this.order = order;
    }

    @Override
    public ModelName name() {
        return new ModelName("ar", order);
    }

    @Override
    public int minimumLength() {
        return 3 * order + 6;
    }

    /** The coefficients and the intercept. */
    @Override
    public int parameters() {
        return order + 1;
    }

    @Override
    public Fit fit(double[] y) {
        double[] history = y.clone();
        AR model = AR.ols(history, order);
        double[] phi = model.ar();
        double intercept = model.intercept();
        double[] fitted = model.residuals();
        return new Fit() {
            @Override
            public double[] residuals() {
                double[] residuals = new double[history.length];
                Arrays.fill(residuals, Double.NaN);
                System.arraycopy(fitted, 0, residuals, history.length - fitted.length, fitted.length);
                return residuals;
            }

            @Override
            public double[] simulate(double[] shocks) {
                double[] extended = Arrays.copyOf(history, history.length + shocks.length);
                for (int h = 0; h < shocks.length; h++) {
                    int t = history.length + h;
                    double value = intercept;
                    for (int i = 0; i < phi.length; i++) {
                        value += phi[i] * extended[t - 1 - i];
                    }
                    extended[t] = value + shocks[h];
                }
                return Arrays.copyOfRange(extended, history.length, extended.length);
            }
        };
    }
}
