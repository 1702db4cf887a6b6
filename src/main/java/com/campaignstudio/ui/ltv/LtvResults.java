package com.campaignstudio.ui.ltv;

import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.ltv.ClvBySegment;
import com.campaignstudio.ltv.ClvDistribution;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.RenewalSurvival;
import com.campaignstudio.ltv.ShiftedBetaGeometric;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Optional;

/**
 * What the Lifetime value view shows: the fitted models with what is drawn of them, the renewals of
 * subscriptions and the revenue forecast. It lives as long as the open project, not as long as the view, so
 * that a view built again (in another language) shows the same results, and a run that finishes meanwhile
 * still shows.
 */
public final class LtvResults {

    /** A run's result with what the view shows of it, worked out off the FX thread. */
    record Run(LtvResult result, ClvBySegment bySegment, List<LtvCharts.CustomerRow> topCustomers,
                      ClvDistribution distribution) {
    }

    /**
     * Renewals observed, the model fitted to them (null when too few subscribers renewed) and the monthly discount
     * rate its residual lifetime is worked out at.
     */
    record Subscriptions(RenewalSurvival survival, ShiftedBetaGeometric model, double monthlyDiscount) {
    }

    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Subscriptions> subscriptions = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Forecast> forecast = new ReadOnlyObjectWrapper<>();

    // Properties

    ReadOnlyObjectProperty<Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    Optional<Run> run() {
        return Optional.ofNullable(run.get());
    }

    /** The lifetime-value fit on show, for views that draw what it expects (null until a run finishes). */
    public ObservableValue<LtvResult> fittedProperty() {
        return run.getReadOnlyProperty().map(Run::result);
    }

    ReadOnlyObjectProperty<Subscriptions> subscriptionsProperty() {
        return subscriptions.getReadOnlyProperty();
    }

    Optional<Subscriptions> subscriptions() {
        return Optional.ofNullable(subscriptions.get());
    }

    ReadOnlyObjectProperty<Forecast> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    Optional<Forecast> forecast() {
        return Optional.ofNullable(forecast.get());
    }

    // Commands

    void show(Run fitted) {
        run.set(fitted);
    }

    void show(Subscriptions fitted) {
        subscriptions.set(fitted);
    }

    void show(Forecast made) {
        forecast.set(made);
    }

    public void clear() {
        run.set(null);
        subscriptions.set(null);
        forecast.set(null);
    }
}
