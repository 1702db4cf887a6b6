package com.campaignstudio.ui.data;

import com.campaignstudio.data.TableBrowser;
import com.campaignstudio.export.RowExport;
import com.campaignstudio.export.RowSource;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A browsed table's rows for export, in the order shown: read from the project a page at a time when written (a
 * table may hold millions), with the columns shown, in the order shown.
 *
 * @param columns for each exported column, its position among the browser's columns
 */
record BrowsedRows(TableBrowser browser, long[] keys, List<String> header, int[] columns) implements RowSource {

    private static final int PAGE = 2_000;

    @Override
    public long size() {
        return keys.length;
    }

    @Override
    public void forEach(long limit, Consumer<List<String>> sink, TaskContext context) throws Exception {
        int end = (int) Math.min(limit, keys.length);
        for (int from = 0; from < end; from += PAGE) {
            context.checkCancelled();
            context.progress(from, end);
            for (Object[] row : browser.rows(Arrays.copyOfRange(keys, from, Math.min(end, from + PAGE)))) {
                List<String> cells = new ArrayList<>(columns.length);
                for (int column : columns) {
                    cells.add(RowExport.cell(row == null ? null : row[column]));
                }
                sink.accept(cells);
            }
        }
    }
}
