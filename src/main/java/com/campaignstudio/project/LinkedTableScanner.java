package com.campaignstudio.project;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Watches the bytes of a database as they are extracted for the definition of a linked table.
 *
 * <p>H2 connects every linked table while it opens a database, before any query can inspect the schema,
 * and for {@code jdbc:h2:} URLs it does so without consulting {@code h2.allowedClasses}: such a URL with an
 * {@code INIT} script would run code on open. H2 stores table definitions as their SQL text, so we look
 * for it before H2 ever sees the file. (A page deliberately stored compressed could hide the text; the
 * schema inspection after opening still refuses the project then, but only after H2 connected.)
 */
final class LinkedTableScanner extends FilterInputStream {

    private static final byte[] NEEDLE = "LINKED TABLE".getBytes(StandardCharsets.US_ASCII);

    private final byte[] window = new byte[NEEDLE.length];
    private int filled;
    private boolean found;

    LinkedTableScanner(InputStream in) {
        super(in);
    }

    boolean foundLinkedTable() {
        return found;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            accept((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n && !found; i++) {
            accept(buffer[offset + i]);
        }
        return n;
    }

    private void accept(byte b) {
        if (found) {
            return;
        }
        if (filled < window.length) {
            window[filled++] = b;
        } else {
            System.arraycopy(window, 1, window, 0, window.length - 1);
            window[window.length - 1] = b;
        }
        if (filled == window.length && window[0] == NEEDLE[0] && Arrays.equals(window, NEEDLE)) {
            found = true;
        }
    }
}
