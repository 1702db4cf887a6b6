package com.campaignstudio.ui.importer;

import com.campaignstudio.work.TaskContext;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Shows a running import's progress and rows/s inside the wizard, and lets the wizard's own Cancel button
 * stop it: the wizard is a separate window, so the main window's status bar is out of sight.
 */
final class RunProgress {

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile boolean cancelRequested;

    ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A context that reports to {@code outer} (the status bar) and to this wizard. */
    TaskContext around(TaskContext outer) {
        cancelRequested = false;
        fraction.set(-1);
        message.set("");
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
                outer.progress(done, total);
                double value = done < 0 || total <= 0 ? -1 : (double) done / total;
                Platform.runLater(() -> fraction.set(value));
            }

            @Override
            public void message(String text) {
                outer.message(text);
                Platform.runLater(() -> message.set(text));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested || outer.isCancelled();
            }
        };
    }

    void cancel() {
        cancelRequested = true;
    }
}
