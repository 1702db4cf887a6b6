package com.campaignstudio.project;

import com.campaignstudio.work.TaskContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports bytes read as progress, and stops with the user's Cancel, while copying a large file. */
final class ProgressStream extends FilterInputStream {

    private static final long REPORT_EVERY = 8L * 1024 * 1024;

    private final TaskContext context;
    private final long total;
    private long done;
    private long nextReport = REPORT_EVERY;

    ProgressStream(InputStream in, long total, TaskContext context) {
        super(in);
        this.total = Math.max(1, total);
        this.context = context;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long bytes) {
        context.checkCancelled();
        done += bytes;
        if (done >= nextReport) {
            nextReport = done + REPORT_EVERY;
            context.progress(Math.min(done, total), total);
        }
    }
}
