package com.campaignstudio.ui.common;

import com.campaignstudio.text.Reason;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.work.Work;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs work as {@link Task}s on two named background threads and calls back on the FX thread. The most
 * recently started task is exposed for the status bar's progress bar and Cancel button.
 */
public final class FxBackgroundRunner implements BackgroundRunner {

    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<Task<?>> currentTask = new ReadOnlyObjectWrapper<>();
    private final Set<Task<?>> unfinished = ConcurrentHashMap.newKeySet();
    private volatile ResourceBundle language = ResourceBundle.getBundle(Reason.BUNDLE, Locale.ROOT);

    public FxBackgroundRunner() {
        AtomicInteger counter = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "campaign-studio-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    // Properties

    public ReadOnlyObjectProperty<Task<?>> currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }

    // Commands

    /** The language of the progress messages that running work reports from now on. */
    public void useLanguage(ResourceBundle bundle) {
        language = bundle;
    }

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                        Runnable onCancelled) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                updateMessage(title);
                return work.run(contextOf(this));
            }

            private TaskContext contextOf(Task<T> self) {
                return new TaskContext() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(Reason message) {
                        updateMessage(message.in(language));
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                };
            }
        };
        task.setOnSucceeded(event -> {
            unfinished.remove(task);
            clearIfCurrent(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            unfinished.remove(task);
            clearIfCurrent(task);
            if (task.getException() instanceof CancelledException) {
                onCancelled.run();
            } else {
                onFailure.accept(task.getException());
            }
        });
        task.setOnCancelled(event -> {
            unfinished.remove(task);
            clearIfCurrent(task);
            onCancelled.run();
        });
        currentTask.set(task);
        unfinished.add(task);
        executor.execute(task);
    }

    /**
     * Cancels without interrupting: an interrupt can close the file channel H2 is reading; the work stops at its
     * next check instead, and the project's database waits for its query to end before closing.
     */
    @Override
    public void cancelAll() {
        for (Task<?> task : List.copyOf(unfinished)) {
            task.cancel(false);
        }
    }

    private void clearIfCurrent(Task<?> task) {
        if (currentTask.get() == task) {
            currentTask.set(null);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
