package com.campaignstudio.forecast;

/** A forecasting model: fitted to a series, it continues the series with given one-step errors. */
interface ForecastModel {

    ModelName name();

    /** The fewest periods it can be fitted to. */
    int minimumLength();

    /**
     * How many numbers fitting estimates from the series (weights, starting states, coefficients): in-sample errors
     * are smaller than future ones by about this many degrees of freedom.
     */
    int parameters();

    Fit fit(double[] y);

    /** A model fitted to one series. */
    interface Fit {

        /** One-step-ahead errors over the series it was fitted to; NaN where there was no forecast. */
        double[] residuals();

        /**
         * Continues the series for {@code shocks.length} periods, adding {@code shocks[i]} as the error of period i
         * (which the model then learns from, as it would from an observation). Zero shocks give the point forecast.
         */
        double[] simulate(double[] shocks);
    }
}
