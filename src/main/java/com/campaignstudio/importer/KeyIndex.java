package com.campaignstudio.importer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The natural keys a table holds, each with its row id, in about 30 bytes a key: the keys' UTF-8 bytes in one
 * growing array and an open-addressing table of offsets, ids and hashes. An import checks every row against it
 * without a database lookup, and a million keys take about 30 MB instead of the 400 MB of a {@code HashMap}.
 * Keys are compared byte for byte, so two keys are equal exactly when their strings are.
 */
final class KeyIndex {

    static final long ABSENT = -1;
    private static final int EMPTY = -1;

    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] offsets;
    private int[] hashes;
    private long[] ids;
    private int size;

    KeyIndex() {
        allocate(1 << 10);
    }

    int size() {
        return size;
    }

    /** The id stored for {@code key}, or {@link #ABSENT}. */
    long get(String key) {
        byte[] encoded = key.getBytes(StandardCharsets.UTF_8);
        int slot = find(encoded, hash(encoded));
        return offsets[slot] == EMPTY ? ABSENT : ids[slot];
    }

    /** The id stored for {@code key}; when there is none, stores {@code id} and returns {@link #ABSENT}. */
    long getOrPut(String key, long id) {
        return store(key, id, false);
    }

    /** Stores {@code id} for {@code key}, replacing any id it had. */
    void put(String key, long id) {
        store(key, id, true);
    }

    private long store(String key, long id, boolean replace) {
        if ((size + 1) * 10L > offsets.length * 6L) {
            grow();
        }
        byte[] encoded = key.getBytes(StandardCharsets.UTF_8);
        int hash = hash(encoded);
        int slot = find(encoded, hash);
        if (offsets[slot] != EMPTY) {
            long previous = ids[slot];
            if (replace) {
                ids[slot] = id;
            }
            return previous;
        }
        offsets[slot] = append(encoded);
        hashes[slot] = hash;
        ids[slot] = id;
        size++;
        return ABSENT;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int find(byte[] encoded, int hash) {
        int slot = slot(hash);
        while (offsets[slot] != EMPTY && !(hashes[slot] == hash && matches(offsets[slot], encoded))) {
            slot = next(slot);
        }
        return slot;
    }

    private int append(byte[] encoded) {
        int needed = used + 4 + encoded.length;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, bytes.length * 2L)));
        }
        int offset = used;
        bytes[used] = (byte) (encoded.length >>> 24);
        bytes[used + 1] = (byte) (encoded.length >>> 16);
        bytes[used + 2] = (byte) (encoded.length >>> 8);
        bytes[used + 3] = (byte) encoded.length;
        System.arraycopy(encoded, 0, bytes, used + 4, encoded.length);
        used = needed;
        return offset;
    }

    private boolean matches(int offset, byte[] encoded) {
        int length = (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | (bytes[offset + 3] & 0xFF);
        return length == encoded.length
                && Arrays.equals(bytes, offset + 4, offset + 4 + length, encoded, 0, encoded.length);
    }

    private void grow() {
        int[] oldOffsets = offsets;
        int[] oldHashes = hashes;
        long[] oldIds = ids;
        allocate(oldOffsets.length * 2);
        for (int i = 0; i < oldOffsets.length; i++) {
            if (oldOffsets[i] != EMPTY) {
                int slot = slot(oldHashes[i]);
                while (offsets[slot] != EMPTY) {
                    slot = next(slot);
                }
                offsets[slot] = oldOffsets[i];
                hashes[slot] = oldHashes[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private void allocate(int capacity) {
        offsets = new int[capacity];
        Arrays.fill(offsets, EMPTY);
        hashes = new int[capacity];
        ids = new long[capacity];
    }

    private int slot(int hash) {
        return hash & (offsets.length - 1);
    }

    private int next(int slot) {
        return (slot + 1) & (offsets.length - 1);
    }

    /** FNV-1a, then mixed, so that keys differing only at their end spread over the table. */
    private static int hash(byte[] encoded) {
        int h = 0x811C9DC5;
        for (byte b : encoded) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
