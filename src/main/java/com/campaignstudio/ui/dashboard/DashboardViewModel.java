package com.campaignstudio.ui.dashboard;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.dashboard.DashboardSummary;
import com.campaignstudio.work.BackgroundRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Loads the dashboard figures in the background and holds the latest result. */
public final class DashboardViewModel {

    private final DashboardQueries queries;
    private final BackgroundRunner runner;
    private final String taskTitle;
    private final ReadOnlyObjectWrapper<DashboardSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    public DashboardViewModel(DashboardQueries queries, BackgroundRunner runner, String taskTitle) {
        this.queries = queries;
        this.runner = runner;
        this.taskTitle = taskTitle;
    }

    // Properties

    public ReadOnlyObjectProperty<DashboardSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    public void refresh() {
        loading.set(true);
        error.set(null);
        runner.run(taskTitle, context -> queries.summary(), result -> {
            loading.set(false);
            summary.set(result);
        }, failure -> {
            loading.set(false);
            error.set(failure.getMessage());
        }, () -> loading.set(false));
    }
}
