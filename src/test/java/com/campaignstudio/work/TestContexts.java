package com.campaignstudio.work;

import com.campaignstudio.text.Reason;

/** Task contexts for tests. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A context whose user has already pressed Cancel. */
    public static TaskContext cancelled() {
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(Reason message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
    }
}
