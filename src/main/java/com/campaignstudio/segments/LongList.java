package com.campaignstudio.segments;

import java.util.Arrays;

/** A growable list of primitive longs (a million boxed Longs would cost five times the memory). */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
