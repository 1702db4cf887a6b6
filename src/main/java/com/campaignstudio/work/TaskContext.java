package com.campaignstudio.work;

import com.campaignstudio.text.Reason;

/**
 * What long-running domain code sees of the task it runs in: a place to report progress and a way to
 * learn that the user pressed Cancel. Implementations adapt this to a JavaFX task or to nothing.
 */
public interface TaskContext {

    /** Reports that {@code done} of {@code total} units of work are finished. */
    void progress(long done, long total);

    /** Replaces the one-line description of what is happening now (a message key, shown in the user's language). */
    void message(Reason message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop; call between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A context for callers that neither show progress nor cancel. */
    static TaskContext silent() {
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(Reason message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
