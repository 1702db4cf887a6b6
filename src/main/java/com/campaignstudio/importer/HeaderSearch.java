package com.campaignstudio.importer;

import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the header of a table whose export may put title lines above it: among the first rows, the first
 * one with the most filled cells. The rows after it stay buffered for reading.
 */
final class HeaderSearch {

    private static final int ROWS_SEARCHED = 20;

    private HeaderSearch() {
    }

    /** The header's cells, or null when the opening rows are all empty; leaves the rows after it in {@code buffer}. */
    static List<String> find(Iterator<SourceRow> rows, Deque<SourceRow> buffer) {
        int widest = 0;
        while (buffer.size() < ROWS_SEARCHED && rows.hasNext()) {
            SourceRow row = rows.next();
            buffer.add(row);
            widest = Math.max(widest, filled(row));
        }
        while (!buffer.isEmpty()) {
            SourceRow candidate = buffer.removeFirst();
            if (widest > 0 && filled(candidate) == widest) {
                return Stream.of(candidate.cells()).map(cell -> Decoding.readable(Text.normalize(cell))).toList();
            }
        }
        return null;
    }

    private static int filled(SourceRow row) {
        int filled = 0;
        for (String cell : row.cells()) {
            if (!Text.normalize(cell).isEmpty()) {
                filled++;
            }
        }
        return filled;
    }
}
