package com.campaignstudio.ui.forecast;

import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forecast's view model, without a JavaFX toolkit: what the table and the sentence above it say. */
class ForecastViewModelTest {

    /** Two years of weeks growing by 80 a week from 10,000, noise sd 800: Holt's linear trend wins. */
    private static final RevenueSeries GROWING = weekly(104, 12, 10_000, 80, 800);

    @Test
    void theTableListsTheModelsLowestErrorFirstWithTheChosenOneMarkedAndExplained() {
        ForecastViewModel model = new ForecastViewModel(granularity -> GROWING, new SameThreadRunner(),
                new UiText(Locale.ENGLISH));
        model.run(RevenueSeries.Granularity.WEEK, 13, failure -> {
            throw new AssertionError(failure);
        });
        List<ForecastViewModel.CandidateRow> rows = model.candidates();
        assertEquals(9, rows.size(), rows.toString());
        assertEquals(new ForecastViewModel.CandidateRow("Holt linear trend",
                "A smoothed level plus a smoothed trend, continued as a straight line.", "4.5%", true), rows.getFirst());
        assertEquals(1, rows.stream().filter(ForecastViewModel.CandidateRow::chosen).count());
        List<Double> errors = rows.stream().map(row -> Double.parseDouble(row.error().replace("%", ""))).toList();
        List<Double> sorted = new ArrayList<>(errors);
        sorted.sort(null);
        assertEquals(sorted, errors, "lowest error first");
        assertEquals("Chosen: Holt linear trend \u2014 lowest average error over 10 back-tests.", model.summaryProperty().get());
        assertTrue(model.backTestNoteProperty().get().contains("forecasts the next 13"), model.backTestNoteProperty().get());
        assertEquals(13, model.forecastProperty().get().point().length);
        assertFalse(model.runningProperty().get());
    }

    @Test
    void inChineseTheNamesAndTheSentenceAreChinese() {
        ForecastViewModel model = new ForecastViewModel(granularity -> GROWING, new SameThreadRunner(),
                new UiText(Locale.SIMPLIFIED_CHINESE));
        model.run(RevenueSeries.Granularity.WEEK, 13, failure -> {
            throw new AssertionError(failure);
        });
        assertEquals("霍尔特线性趋势", model.candidates().getFirst().model());
        assertEquals("选用：霍尔特线性趋势——在 10 次回测中平均误差最低。", model.summaryProperty().get());
        for (ForecastViewModel.CandidateRow row : model.candidates()) {
            assertFalse(row.model().matches(".*[A-Za-z].*"), row.model());
        }
    }

    @Test
    void tooFewPeriodsAreSaidSoAndClearTheTable() {
        RevenueSeries[] next = {GROWING};
        ForecastViewModel model = new ForecastViewModel(granularity -> next[0], new SameThreadRunner(),
                new UiText(Locale.ENGLISH));
        model.run(RevenueSeries.Granularity.WEEK, 13, failure -> {
            throw new AssertionError(failure);
        });
        assertFalse(model.candidates().isEmpty());
        next[0] = weekly(5, 1, 100, 0, 10);
        model.run(RevenueSeries.Granularity.WEEK, 13, failure -> {
            throw new AssertionError(failure);
        });
        assertEquals("Only 5 complete periods of revenue: at least 8 are needed to forecast.", model.summaryProperty().get());
        assertTrue(model.candidates().isEmpty());
        assertEquals("", model.backTestNoteProperty().get());
        assertNull(model.forecastProperty().get());
    }

    @Test
    void aFailureToReadIsHandedOnAndTheButtonComesBack() {
        SQLException broken = new SQLException("disk gone");
        List<Throwable> failures = new ArrayList<>();
        ForecastViewModel model = new ForecastViewModel(granularity -> {
            throw broken;
        }, new SameThreadRunner(), new UiText(Locale.ENGLISH));
        model.run(RevenueSeries.Granularity.MONTH, 6, failures::add);
        assertEquals(1, failures.size());
        assertSame(broken, failures.getFirst());
        assertFalse(model.runningProperty().get());
        assertNull(model.forecastProperty().get());
    }

    private static RevenueSeries weekly(int length, long seed, double level, double slope, double sd) {
        Random random = new Random(seed);
        double[] y = new double[length];
        LocalDate[] starts = new LocalDate[length];
        for (int t = 0; t < length; t++) {
            y[t] = level + slope * t + sd * random.nextGaussian();
            starts[t] = LocalDate.of(2024, 1, 1).plusWeeks(t);
        }
        return new RevenueSeries(RevenueSeries.Granularity.WEEK, starts, y);
    }
}
