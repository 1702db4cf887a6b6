package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model chosen by back-test on series with planted structure, the issue's scenario, ties, and whether the
 * prediction intervals cover what happens at their nominal rates.
 */
class ForecasterTest {

    private static final Set<String> LEVEL_MODELS = Set.of("naive", "mean4", "ses");

    @Test
    void aLinearTrendWithNoiseIsForecastByATrendModel() {
        // Two years of weeks: level 10,000, +80 a week, noise sd 800. Over 50 seeds the forecast total of the next
        // 13 weeks was at most 5.5% from the truth (typically 1%); this seed's must be within 5%.
        double[] y = trend(104, 12, 10_000, 80, 800);
        Forecast forecast = Forecaster.forecast(weekly(y), 13, 1);
        assertTrue(Set.of("holt", "damped").contains(forecast.chosen().model().id()), table(forecast));
        double truth = 0;
        for (int h = 0; h < 13; h++) {
            truth += 10_000 + 80 * (104 + h);
        }
        assertEquals(truth, Arrays.stream(forecast.point()).sum(), 0.05 * truth, table(forecast));
    }

    @Test
    void threeSeasonsOfASeasonalSeriesAreForecastBySeasonalModels() {
        Random random = new Random(2);
        double[] y = new double[156];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2000 + 6 * t + 400 * Math.sin(2 * Math.PI * t / 52) + random.nextGaussian() * 60;
        }
        Forecast forecast = Forecaster.forecast(weekly(y), 13, 7);
        assertTrue(Set.of("holtWinters", "seasonalNaive").contains(forecast.chosen().model().id()), table(forecast));
        double expected = 2000 + 6 * 160 + 400 * Math.sin(2 * Math.PI * 160 / 52);
        assertEquals(expected, forecast.point()[4], 0.1 * expected, "five weeks ahead: " + table(forecast));
    }

    @Test
    void flatNoisySeriesAreForecastByLevelModelsNotByAr4() {
        // On white noise every model that settles near the mean does about as well, so which one wins varies with
        // the noise. Over 20 seeded series (level 5,000, sd 500, two years of weeks) in three sets of seeds, naive,
        // mean or simple smoothing won 9 to 12 times and AR(4) at most once; here: at least 8 and at most 2. Whatever
        // wins, the forecast total must be within 5% of the level's.
        int level = 0;
        int ar4 = 0;
        for (int seed = 0; seed < 20; seed++) {
            Forecast forecast = Forecaster.forecast(weekly(trend(104, seed, 5000, 0, 500)), 13, 1);
            String chosen = forecast.chosen().model().id();
            level += LEVEL_MODELS.contains(chosen) ? 1 : 0;
            ar4 += chosen.equals("ar4") ? 1 : 0;
            assertEquals(13 * 5000, Arrays.stream(forecast.point()).sum(), 0.05 * 13 * 5000, table(forecast));
        }
        assertTrue(level >= 8, "level models chose " + level + " times of 20");
        assertTrue(ar4 <= 2, "AR(4) chosen " + ar4 + " times of 20");
    }

    @Test
    void everyCandidateIsScoredFromAtLeastThreeOrigins() {
        for (int length : new int[]{8, 20, 53, 156}) {
            Forecast forecast = Forecaster.forecast(weekly(trend(length, 5, 1000, 5, 100)), 13, 1);
            for (Forecast.Candidate candidate : forecast.candidates()) {
                assertTrue(candidate.origins() >= 3, length + ": " + candidate);
            }
        }
    }

    @Test
    void onATieTheSimplerModelIsChosen() {
        double[] constant = new double[30];
        Arrays.fill(constant, 500);
        Forecast flat = Forecaster.forecast(weekly(constant), 13, 1);
        assertEquals("naive", flat.chosen().model().id(), "every model forecasts 500 exactly: " + table(flat));
        assertEquals(0, flat.candidates().get(1).smape(), 1e-12, table(flat));
        double[] line = new double[60];
        Arrays.setAll(line, t -> 1000 + 25 * t);
        Forecast straight = Forecaster.forecast(weekly(line), 13, 1);
        assertEquals("holt", straight.chosen().model().id(), table(straight));
        assertEquals("ar1", straight.candidates().get(1).model().id(),
                "y = 25 + y(t-1) fits a straight line exactly too, but comes later in the list: " + table(straight));
        assertEquals(0, straight.candidates().get(1).smape(), 1e-9);
    }

    @Test
    void theCandidatesRunFromLowestErrorWithOneChosen() {
        Forecast forecast = Forecaster.forecast(weekly(trend(80, 3, 2000, 10, 200)), 13, 1);
        List<Forecast.Candidate> candidates = forecast.candidates();
        assertTrue(candidates.getFirst().chosen());
        assertEquals(1, candidates.stream().filter(Forecast.Candidate::chosen).count());
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i).smape() >= candidates.get(i - 1).smape() - Forecaster.TIE / 2, table(forecast));
        }
        assertEquals(13, forecast.backTestWindow());
    }

    /**
     * The issue's scenario: 53 weeks of a growing shop, 40 to fit and 13 to test, where a one-origin back-test chose
     * AR(4). The chosen model must do no worse than Holt's linear trend on the 13 weeks held out.
     */
    @Test
    void theIssuesScenarioChoosesAModelNoWorseThanHolt() {
        double[] weeks = trend(53, 2024, 10_000, 150, 2000);
        double[] train = Arrays.copyOf(weeks, 40);
        double[] test = Arrays.copyOfRange(weeks, 40, 53);
        Forecast forecast = Forecaster.forecast(weekly(train), 13, 1);
        double chosen = BackTest.smape(test, forecast.point());
        double holt = BackTest.smape(test, new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR).fit(train)
                .simulate(new double[13]));
        assertTrue(chosen <= holt + 1e-12, "chosen " + chosen + ", Holt " + holt + ": " + table(forecast));
    }

    /**
     * Choosing costs a little against always using the right model, and saves a lot against a wrong one: over 30
     * such series the chosen model's mean held-out sMAPE is within one percentage point of Holt's and at least two
     * below AR(4)'s (over 100 series: 5.3% chosen, 5.0% Holt, 8.6% AR(4)).
     */
    @Test
    void overManyGrowingShopsTheChoiceIsCloseToHoltAndFarBetterThanAr4() {
        double chosen = 0;
        double holt = 0;
        double ar4 = 0;
        int series = 30;
        for (int seed = 0; seed < series; seed++) {
            double[] weeks = trend(53, 100 + seed, 10_000, 80, 800);
            double[] train = Arrays.copyOf(weeks, 40);
            double[] test = Arrays.copyOfRange(weeks, 40, 53);
            chosen += BackTest.smape(test, Forecaster.forecast(weekly(train), 13, 1).point()) / series;
            holt += BackTest.smape(test, new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR).fit(train)
                    .simulate(new double[13])) / series;
            ar4 += BackTest.smape(test, new Autoregressive(4).fit(train).simulate(new double[13])) / series;
        }
        assertTrue(chosen <= holt + 0.01, "chosen " + chosen + ", Holt " + holt);
        assertTrue(chosen <= ar4 - 0.02, "chosen " + chosen + ", AR(4) " + ar4);
    }

    /**
     * 60 series of two years of weeks from a linear trend with Gaussian noise (sd 100), each forecast 13 weeks ahead
     * and compared with 13 more weeks from the same process: 780 forecasts. Measured over four sets of seeds: 76-81%
     * inside the 80% interval, 92-95% inside the 95% one. Tolerance, about three standard errors given that the 13
     * weeks of one series are not independent: 72-88% and 90-99%.
     */
    @Test
    void intervalsCoverAtAboutTheirNominalRates() {
        int inside80 = 0;
        int inside95 = 0;
        int forecasts = 0;
        for (int seed = 0; seed < 60; seed++) {
            double[] y = trend(104 + 13, 5000 + seed, 1000, 10, 100);
            Forecast forecast = Forecaster.forecast(weekly(Arrays.copyOf(y, 104)), 13, seed);
            for (int h = 0; h < 13; h++) {
                double actual = y[104 + h];
                inside80 += actual >= forecast.low80()[h] && actual <= forecast.high80()[h] ? 1 : 0;
                inside95 += actual >= forecast.low95()[h] && actual <= forecast.high95()[h] ? 1 : 0;
                forecasts++;
            }
        }
        double coverage80 = inside80 / (double) forecasts;
        double coverage95 = inside95 / (double) forecasts;
        assertTrue(coverage80 >= 0.72 && coverage80 <= 0.88, "80% interval covered " + coverage80);
        assertTrue(coverage95 >= 0.90 && coverage95 <= 0.99, "95% interval covered " + coverage95);
    }

    @Test
    void intervalsAreOrderedAndWidenWithTheHorizonForAWanderingSeries() {
        Random random = new Random(1);
        double[] y = new double[160];
        y[0] = 1000;
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + random.nextGaussian() * 40;
        }
        Forecast forecast = Forecaster.forecast(weekly(y), 13, 7);
        for (int h = 0; h < 13; h++) {
            assertTrue(forecast.low95()[h] <= forecast.low80()[h] && forecast.low80()[h] <= forecast.point()[h]
                    && forecast.point()[h] <= forecast.high80()[h] && forecast.high80()[h] <= forecast.high95()[h],
                    "bands in order at step " + h);
        }
        assertTrue(forecast.high95()[12] - forecast.low95()[12] > 2 * (forecast.high95()[0] - forecast.low95()[0]),
                "uncertainty grows with the horizon: " + table(forecast));
    }

    /** The back-test table the lead's note quotes: 104 weeks, level 10,000, +80 a week, noise sd 800, seed 12. */
    @Test
    void printsTheBackTestTableOfTwoYearsOfGrowth() {
        Forecast forecast = Forecaster.forecast(weekly(trend(104, 12, 10_000, 80, 800)), 13, 1);
        System.out.println(table(forecast));
        assertEquals(9, forecast.candidates().size(),
                "every model but Holt-Winters, which needs two full seasons before every origin: " + table(forecast));
    }

    static double[] trend(int length, long seed, double level, double slope, double sd) {
        Random random = new Random(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = level + slope * t + sd * random.nextGaussian();
        }
        return y;
    }

    private static String table(Forecast forecast) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%-30s %15s  %7s  %s%n", "model",
                "back-test sMAPE", "origins", "chosen"));
        for (Forecast.Candidate candidate : forecast.candidates()) {
            out.append(String.format(java.util.Locale.ROOT, "%-30s %14.1f%%  %7d  %s%n", candidate.model().name().english(),
                    candidate.smape() * 100, candidate.origins(), candidate.chosen() ? "*" : ""));
        }
        return out.toString();
    }

    static RevenueSeries weekly(double[] y) {
        LocalDate[] starts = new LocalDate[y.length];
        for (int t = 0; t < y.length; t++) {
            starts[t] = LocalDate.of(2024, 1, 1).plusWeeks(t);
        }
        return new RevenueSeries(RevenueSeries.Granularity.WEEK, starts, y);
    }
}
