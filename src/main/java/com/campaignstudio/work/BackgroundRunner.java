package com.campaignstudio.work;

import java.util.function.Consumer;

/**
 * Runs long work away from the caller's thread and hands the result back on it. The JavaFX
 * implementation runs a {@code javafx.concurrent.Task}; {@link SameThreadRunner} runs inline for tests.
 */
public interface BackgroundRunner {

    /**
     * Starts {@code work}; exactly one of the callbacks runs afterwards, on the caller's thread.
     * A cancelled run calls neither {@code onSuccess} nor {@code onFailure} but {@code onCancelled}.
     */
    <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                 Runnable onCancelled);

    default <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(title, work, onSuccess, onFailure, () -> { });
    }

    /**
     * Cancels all work that is running or waiting (before its project closes): each gets its {@code onCancelled},
     * and stops at its next check for cancellation.
     */
    void cancelAll();
}
