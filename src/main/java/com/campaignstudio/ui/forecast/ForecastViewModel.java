package com.campaignstudio.ui.forecast;

import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.forecast.Forecaster;
import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * The revenue forecast's state: whether a forecast is running, the latest forecast, the models it tried as the
 * table shows them (lowest back-test error first, the chosen one marked) and the sentence that says why.
 */
public final class ForecastViewModel {

    /** Where the revenue series comes from: the open project in the app, a generated series in tests. */
    @FunctionalInterface
    public interface SeriesSource {
        RevenueSeries read(RevenueSeries.Granularity granularity) throws Exception;
    }

    /** A model tried, as a row of the table: its name and explanation in the user's language, the error as a percent. */
    public record CandidateRow(String model, String explanation, String error, boolean chosen) {
    }

    /** Fewer complete periods than this are not forecast: there would be too little to back-test on. */
    static final int SHORTEST_SERIES = 8;

    private final SeriesSource source;
    private final BackgroundRunner runner;
    private final UiText text;
    private final ReadOnlyObjectWrapper<Forecast> forecast = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backTestNote = new ReadOnlyStringWrapper("");
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObservableList<CandidateRow> candidatesView = FXCollections.unmodifiableObservableList(candidates);

    public ForecastViewModel(SeriesSource source, BackgroundRunner runner, UiText text) {
        this.source = source;
        this.runner = runner;
        this.text = text;
    }

    // Properties

    public ReadOnlyObjectProperty<Forecast> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Chosen: ... over N back-tests", or why there is no forecast. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What a back-test is and what the error means. */
    public ReadOnlyStringProperty backTestNoteProperty() {
        return backTestNote.getReadOnlyProperty();
    }

    public ObservableList<CandidateRow> candidates() {
        return candidatesView;
    }

    // Commands

    /** Forecasts {@code horizon} periods in the background; {@code onFailure} gets what went wrong unexpectedly. */
    public void run(RevenueSeries.Granularity granularity, int horizon, Consumer<Throwable> onFailure) {
        running.set(true);
        runner.run(text.get("ltv.forecast.running"), context -> {
            RevenueSeries series = source.read(granularity);
            return new Outcome(series.size(),
                    series.size() < SHORTEST_SERIES ? null : Forecaster.forecast(series, horizon, 1));
        }, outcome -> {
            running.set(false);
            if (outcome.forecast() == null) {
                tooShort(outcome.periods());
            } else {
                show(outcome.forecast());
            }
        }, failure -> {
            running.set(false);
            onFailure.accept(failure);
        }, () -> running.set(false));
    }

    /** Shows a forecast made earlier (before the view was made again in another language). */
    public void restore(Forecast made) {
        show(made);
    }

    /** The periods of revenue found, and the forecast when there were enough. */
    private record Outcome(int periods, Forecast forecast) {
    }

    private void show(Forecast done) {
        candidates.setAll(done.candidates().stream().map(candidate -> new CandidateRow(
                candidate.model().name().in(text.bundle()), candidate.model().explanation().in(text.bundle()),
                text.percent(candidate.smape()), candidate.chosen())).toList());
        Forecast.Candidate chosen = done.chosen();
        summary.set(text.get("ltv.forecast.chosen", chosen.model().name().in(text.bundle()),
                text.integer(chosen.origins())));
        backTestNote.set(text.get("ltv.forecast.backTest", text.integer(done.backTestWindow())));
        forecast.set(done);
    }

    private void tooShort(int periods) {
        candidates.clear();
        backTestNote.set("");
        summary.set(text.get("ltv.forecast.tooShort", periods));
        forecast.set(null);
    }
}
