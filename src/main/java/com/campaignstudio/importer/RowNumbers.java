package com.campaignstudio.importer;

import java.util.Arrays;

/** File row numbers of the rows an import added, by order of adding, in a compact growing array. */
final class RowNumbers {

    private long[] numbers = new long[1024];
    private int size;

    void add(long rowNumber) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        numbers[size++] = rowNumber;
    }

    long get(long index) {
        return numbers[Math.toIntExact(index)];
    }
}
