package com.campaignstudio.ids;

import java.util.Arrays;

/**
 * Finds the row of a follower id among ascending ids: a direct table when ids are dense, else a search.
 * Shared by the segment readers and the activity snapshot, which must not depend on each other.
 */
public abstract sealed class IdRows {

    /** The row of {@code id}, or -1 when the id is not in the population. */
    public abstract int row(long id);

    public static IdRows of(long[] ascendingIds) {
        if (ascendingIds.length == 0) {
            return new Sorted(ascendingIds);
        }
        long min = ascendingIds[0];
        long span = ascendingIds[ascendingIds.length - 1] - min + 1;
        return span <= 4L * ascendingIds.length + 1024 ? new Dense(ascendingIds, min, (int) span) : new Sorted(ascendingIds);
    }

    private static final class Dense extends IdRows {
        private final int[] rows;
        private final long min;

        Dense(long[] ids, long min, int span) {
            this.min = min;
            this.rows = new int[span];
            Arrays.fill(rows, -1);
            for (int i = 0; i < ids.length; i++) {
                rows[(int) (ids[i] - min)] = i;
            }
        }

        @Override
        public int row(long id) {
            long offset = id - min;
            return offset < 0 || offset >= rows.length ? -1 : rows[(int) offset];
        }
    }

    private static final class Sorted extends IdRows {
        private final long[] ids;

        Sorted(long[] ids) {
            this.ids = ids;
        }

        @Override
        public int row(long id) {
            int row = Arrays.binarySearch(ids, id);
            return row < 0 ? -1 : row;
        }
    }
}
