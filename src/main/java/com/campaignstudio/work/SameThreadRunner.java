package com.campaignstudio.work;

import java.util.function.Consumer;

/** Runs work inline on the calling thread: for tests and for the command line. */
public final class SameThreadRunner implements BackgroundRunner {

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                        Runnable onCancelled) {
        T result;
        try {
            result = work.run(TaskContext.silent());
        } catch (CancelledException e) {
            onCancelled.run();
            return;
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    /** Work runs to its end inside {@link #run}, so nothing is ever left running. */
    @Override
    public void cancelAll() {
    }
}
