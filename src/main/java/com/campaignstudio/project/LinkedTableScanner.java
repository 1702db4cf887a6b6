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

    /** The last bytes of what was read, so that a needle split across two reads is still found. */
    private final byte[] tail = new byte[NEEDLE.length - 1];
    private int tailLength;
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
            scan(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            scan(buffer, offset, n);
        }
        return n;
    }

    private void scan(byte[] buffer, int offset, int length) {
        if (found) {
            return;
        }
        // Needles that start in the tail of the previous read.
        if (tailLength > 0) {
            byte[] joined = Arrays.copyOf(tail, tailLength + Math.min(length, NEEDLE.length - 1));
            System.arraycopy(buffer, offset, joined, tailLength, joined.length - tailLength);
            found = indexOf(joined, 0, joined.length) >= 0;
        }
        found = found || indexOf(buffer, offset, length) >= 0;
        int keep = Math.min(tail.length, length);
        if (keep == tail.length) {
            System.arraycopy(buffer, offset + length - keep, tail, 0, keep);
            tailLength = keep;
        } else {
            int fromOld = Math.min(tailLength, tail.length - keep);
            System.arraycopy(tail, tailLength - fromOld, tail, 0, fromOld);
            System.arraycopy(buffer, offset, tail, fromOld, keep);
            tailLength = fromOld + keep;
        }
    }

    private static int indexOf(byte[] buffer, int offset, int length) {
        int last = offset + length - NEEDLE.length;
        byte first = NEEDLE[0];
        for (int i = offset; i <= last; i++) {
            if (buffer[i] == first && Arrays.equals(buffer, i, i + NEEDLE.length, NEEDLE, 0, NEEDLE.length)) {
                return i;
            }
        }
        return -1;
    }
}
