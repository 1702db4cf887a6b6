package com.campaignstudio.importer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A natural key read back from the project (JDBC's Date, Timestamp, BigDecimal, Integer) must match the same key
 * parsed from a file (LocalDate, LocalDateTime, BigDecimal as written, Long), or a re-import with "skip" adds
 * every row again.
 */
class CanonicalKeyTest {

    @Test
    void aStoredValueAndTheSameValueFromAFileHaveOneKey() {
        assertEquals(TableWriter.canonical(LocalDate.of(2026, 3, 2)), TableWriter.canonical(Date.valueOf("2026-03-02")));
        assertEquals(TableWriter.canonical(LocalDateTime.of(2026, 3, 2, 20, 30)),
                TableWriter.canonical(Timestamp.valueOf("2026-03-02 20:30:00")));
        assertEquals(TableWriter.canonical(new BigDecimal("1.5")), TableWriter.canonical(new BigDecimal("1.50")));
        assertEquals(TableWriter.canonical(7L), TableWriter.canonical(7));
    }

    @Test
    void nullIsAKeyOfItsOwn() {
        assertNotEquals(TableWriter.canonical(null), TableWriter.canonical("null"));
        assertNotEquals(TableWriter.canonical(null), TableWriter.canonical(""));
    }
}
