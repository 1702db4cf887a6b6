package com.campaignstudio.forecast;

import java.util.List;

/**
 * A revenue forecast.
 *
 * @param history    the series it continues
 * @param model      the chosen model
 * @param backTestSmape the chosen model's sMAPE on the held-back last periods
 * @param candidates every model tried, with its back-test sMAPE
 * @param point      the forecast per future period
 * @param low95, low80, high80, high95 prediction interval bounds
 */
public record Forecast(RevenueSeries history, String model, double backTestSmape, List<Candidate> candidates,
                       double[] point, double[] low95, double[] low80, double[] high80, double[] high95) {

    public record Candidate(String model, double smape) {
    }
}
