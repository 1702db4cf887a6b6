package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many parameters each model fits (they widen its bands, see ForecastBandsTest) and how many periods it needs
 * (they decide which models a short series is offered), as each model's documentation states them.
 */
class ModelSizesTest {

    @Test
    void eachModelFitsItsParametersAndNeedsItsPeriods() {
        record Size(ForecastModel model, int parameters, int minimumLength) {
        }
        List<Size> sizes = List.of(
                new Size(new SeasonalNaive(1), 0, 2),
                new Size(new SeasonalNaive(52), 0, 53),
                new Size(new RecentMean(4), 0, 5),
                new Size(new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE), 2, 3),
                new Size(new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR), 4, 5),
                new Size(new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED), 5, 5),
                new Size(new Autoregressive(1), 2, 9),
                new Size(new Autoregressive(4), 5, 18),
                new Size(new HoltWinters(12), 3, 24));
        for (Size size : sizes) {
            String name = size.model().name().toString();
            assertEquals(size.parameters(), size.model().parameters(), name + " parameters");
            assertEquals(size.minimumLength(), size.model().minimumLength(), name + " minimum length");
        }
    }

    /** Back-tests that train on 17 periods are too short for AR(4) (18 needed) and Holt-Winters (two seasons of 12). */
    @Test
    void aShortSeriesIsOfferedOnlyTheModelsThatFitOnIt() {
        List<String> offered = Forecaster.candidates(12, 17).stream()
                .map(m -> m.name().key() + (m.name().order() == 0 ? "" : m.name().order())).toList();
        assertEquals(List.of("naive", "seasonalNaive", "mean4", "ses", "holt", "damped", "ar1", "ar2"), offered);
    }
}
