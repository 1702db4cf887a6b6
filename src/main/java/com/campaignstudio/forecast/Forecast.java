package com.campaignstudio.forecast;

import java.util.List;

/**
 * A revenue forecast.
 *
 * @param history        the series it continues
 * @param candidates     every model tried, with its back-test error, lowest error first; one is marked chosen
 * @param backTestWindow how many periods ahead each back-test forecast
 * @param point          the forecast per future period
 * @param low95, low80, high80, high95 prediction interval bounds
 */
public record Forecast(RevenueSeries history, List<Candidate> candidates, int backTestWindow, double[] point,
                       double[] low95, double[] low80, double[] high80, double[] high95) {

    public Forecast {
        candidates = List.copyOf(candidates);
        if (candidates.stream().filter(Candidate::chosen).count() != 1) {
            throw new IllegalArgumentException("exactly one candidate is chosen: " + candidates);
        }
    }

    /**
     * A model tried.
     *
     * @param smape   its symmetric mean absolute percentage error, in [0, 2], averaged over the back-tests
     * @param origins how many back-tests (forecast origins) the average is over
     * @param chosen  whether it is the model that forecasts
     */
    public record Candidate(ModelName model, double smape, int origins, boolean chosen) {
    }

    public Candidate chosen() {
        return candidates.stream().filter(Candidate::chosen).findFirst().orElseThrow();
    }
}
