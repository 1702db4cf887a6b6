package com.campaignstudio.ids;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdRowsTest {

    @Test
    void denseIdsFindTheirRowsAndMissingIdsFindNone() {
        IdRows rows = IdRows.of(new long[] {10, 11, 13, 14});

        assertEquals(0, rows.row(10));
        assertEquals(1, rows.row(11));
        assertEquals(2, rows.row(13));
        assertEquals(3, rows.row(14));
        assertEquals(-1, rows.row(12), "a gap inside the span");
        assertEquals(-1, rows.row(9), "below the smallest id");
        assertEquals(-1, rows.row(15), "above the largest id");
    }

    @Test
    void sparseIdsAreSearchedAndStillFound() {
        long[] ids = {5, 1_000_000_000L, 9_000_000_000_000L};
        IdRows rows = IdRows.of(ids);

        assertEquals(0, rows.row(5));
        assertEquals(1, rows.row(1_000_000_000L));
        assertEquals(2, rows.row(9_000_000_000_000L));
        assertEquals(-1, rows.row(6));
        assertEquals(-1, rows.row(-3));
    }

    @Test
    void theDenseTableStopsAtFourTimesTheRowsPlusSlack() {
        long[] atLimit = {0, 4 * 2 + 1024 - 1};
        long[] pastLimit = {0, 4 * 2 + 1024};

        assertEquals(1, IdRows.of(atLimit).row(atLimit[1]));
        assertEquals(1, IdRows.of(pastLimit).row(pastLimit[1]));
        assertEquals(-1, IdRows.of(pastLimit).row(500));
    }

    @Test
    void anEmptyPopulationFindsNothing() {
        assertEquals(-1, IdRows.of(new long[0]).row(1));
    }
}
