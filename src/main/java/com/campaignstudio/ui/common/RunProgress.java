package com.campaignstudio.ui.common;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ResourceBundle;

/**
 * Shows a background run's progress and messages in the view that started it, and lets that view's own
 * Cancel button stop it (the import wizard is a separate window; the analysis views keep their progress
 * beside their Run button), while still reporting to the status bar.
 */
public final class RunProgress {

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ResourceBundle language;
    private volatile boolean cancelRequested;

    /** @param language the language of the view, in which it shows the run's messages */
    public RunProgress(ResourceBundle language) {
        this.language = language;
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A context that reports to {@code outer} (the status bar) and to this view; resets progress and Cancel. */
    public TaskContext around(TaskContext outer) {
        cancelRequested = false;
        // Called on the worker thread as the run starts: the properties feed controls, so they change on the FX thread.
        Platform.runLater(() -> {
            fraction.set(-1);
            message.set("");
        });
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
                outer.progress(done, total);
                double value = done < 0 || total <= 0 ? -1 : (double) done / total;
                Platform.runLater(() -> fraction.set(value));
            }

            @Override
            public void message(Reason text) {
                outer.message(text);
                String shown = text.in(language);
                Platform.runLater(() -> message.set(shown));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested || outer.isCancelled();
            }
        };
    }

    public void cancel() {
        cancelRequested = true;
    }
}
