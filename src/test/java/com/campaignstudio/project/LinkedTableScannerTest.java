package com.campaignstudio.project;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedTableScannerTest {

    /** Reads in chunks of {@code chunk} bytes, so that the needle falls across reads at every offset. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 11, 12, 13, 64, 4096})
    void findsTheDefinitionWhereverTheReadsSplitIt(int chunk) throws IOException {
        for (int padding = 0; padding < 30; padding++) {
            String text = "x".repeat(padding) + "CREATE FORCE LINKED TABLE \"PUBLIC\".\"T\"" + "y".repeat(20);
            assertTrue(scan(text, chunk), "chunk " + chunk + ", padding " + padding);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 12, 4096})
    void ignoresOrdinaryContent(int chunk) throws IOException {
        assertFalse(scan("LINKED TABL CREATE TABLE follower; LINKED  TABLE; linked table", chunk));
    }

    private static boolean scan(String text, int chunk) throws IOException {
        LinkedTableScanner scanner = new LinkedTableScanner(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        byte[] buffer = new byte[chunk];
        try (InputStream in = scanner) {
            while (in.read(buffer, 0, chunk) >= 0) {
                // read everything
            }
        }
        return scanner.foundLinkedTable();
    }
}
