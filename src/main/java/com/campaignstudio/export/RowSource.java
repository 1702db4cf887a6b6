package com.campaignstudio.export;

import com.campaignstudio.work.TaskContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a table as the user exports them (to a CSV file or the clipboard): a header and rows of cells, each
 * cell already text as {@link RowExport#cell} makes it. Rows may be read on demand (a table of millions, from the
 * project), so they are handed over one at a time, off the FX thread.
 */
public interface RowSource {

    List<String> header();

    /** How many rows there are. */
    long size();

    /** Hands the first {@code limit} rows, in order, to {@code sink}; checks for cancellation as it goes. */
    void forEach(long limit, Consumer<List<String>> sink, TaskContext context) throws Exception;
}
