package com.campaignstudio.ui.data;

import com.campaignstudio.data.TableBrowser;
import javafx.collections.ObservableListBase;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a table as a virtual list for a {@code TableView}: element i is just the row position i;
 * its values are fetched by key, a page at a time, only when a cell asks for them. A small
 * least-recently-used cache keeps scrolling smooth without holding the table in memory.
 */
final class LazyRows extends ObservableListBase<Integer> {

    static final int PAGE_SIZE = 200;
    private static final int CACHED_PAGES = 64;

    private final TableBrowser browser;
    private final long[] keys;
    private final Map<Integer, List<Object[]>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Object[]>> eldest) {
            return size() > CACHED_PAGES;
        }
    };

    LazyRows(TableBrowser browser, long[] keys) {
        this.browser = browser;
        this.keys = keys;
    }

    @Override
    public Integer get(int index) {
        return index;
    }

    @Override
    public int size() {
        return keys.length;
    }

    /** The keys of the rows, in the order shown. */
    long[] keys() {
        return keys;
    }

    /** The key of the row at {@code position}. */
    long key(int position) {
        return keys[position];
    }

    /** The value of {@code column} in the row at {@code position}, reading its page if needed. */
    Object value(int position, int column) {
        if (position < 0 || position >= keys.length) {
            return null;
        }
        int page = position / PAGE_SIZE;
        List<Object[]> rows = pages.computeIfAbsent(page, this::read);
        Object[] row = rows.get(position - page * PAGE_SIZE);
        return row == null ? null : row[column];
    }

    private List<Object[]> read(int page) {
        int from = page * PAGE_SIZE;
        int to = Math.min(keys.length, from + PAGE_SIZE);
        try {
            return browser.rows(Arrays.copyOfRange(keys, from, to));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rows of " + browser.table() + ": " + e.getMessage(), e);
        }
    }
}
