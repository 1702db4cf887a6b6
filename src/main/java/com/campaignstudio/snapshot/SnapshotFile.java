package com.campaignstudio.snapshot;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ActivitySnapshot} as bytes, so that a saved project can carry the snapshot of its data and the first
 * funnel after opening need not scan millions of rows again. The bytes come from a project file, which may be
 * damaged or made by hand: every length is checked against what is left before anything is allocated, and the
 * snapshot's structure (ascending person offsets that end at the array lengths, kind codes within the kinds) is
 * checked before it is used. A file that fails any check is refused with {@link IOException}.
 */
public final class SnapshotFile {

    private static final int MAGIC = 0x43534153; // "CSAS": Campaign Studio activity snapshot
    private static final int FORMAT = 1;
    private static final int CHUNK = 1 << 16;

    private SnapshotFile() {
    }

    public static void write(ActivitySnapshot snapshot, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, CHUNK));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(snapshot.followers());
        longs(out, snapshot.followerIds());
        ints(out, snapshot.personPlatform());
        longs(out, snapshot.followedAt());
        ints(out, snapshot.eventStart());
        longs(out, snapshot.eventTime());
        shorts(out, snapshot.eventKind());
        ints(out, snapshot.eventPost());
        ints(out, snapshot.orderStart());
        longs(out, snapshot.orderTime());
        ints(out, snapshot.orderPlatform());
        ints(out, snapshot.orderCampaign());
        ints(out, snapshot.orderProduct());
        doubles(out, snapshot.orderAmount());
        out.writeInt(snapshot.kinds().size());
        for (String kind : snapshot.kinds()) {
            text(out, kind);
        }
        out.writeInt(snapshot.platforms().size());
        for (Map.Entry<Integer, ActivitySnapshot.PlatformName> platform : snapshot.platforms().entrySet()) {
            out.writeInt(platform.getKey());
            text(out, platform.getValue().code());
            text(out, platform.getValue().english());
            text(out, platform.getValue().chinese());
        }
        names(out, snapshot.campaigns());
        names(out, snapshot.products());
        ActivitySnapshot.LeftOut leftOut = snapshot.leftOut();
        out.writeLong(leftOut.refunds());
        out.writeLong(leftOut.guestOrders());
        out.writeLong(leftOut.totals());
        out.writeLong(leftOut.eventsWithoutFollower());
        out.flush();
    }

    /** Reads a snapshot of at most {@code size} bytes (the stored entry's size), refusing anything inconsistent. */
    public static ActivitySnapshot read(InputStream source, long size) throws IOException {
        Reader in = new Reader(new DataInputStream(source), size);
        if (in.integer() != MAGIC || in.integer() != FORMAT) {
            throw new IOException("not an activity snapshot of this format");
        }
        int followers = in.count(0);
        long[] followerId = in.longs();
        int[] personPlatform = in.ints();
        long[] followedAt = in.longs();
        int[] eventStart = in.ints();
        long[] eventTime = in.longs();
        short[] eventKind = in.shorts();
        int[] eventPost = in.ints();
        int[] orderStart = in.ints();
        long[] orderTime = in.longs();
        int[] orderPlatform = in.ints();
        int[] orderCampaign = in.ints();
        int[] orderProduct = in.ints();
        double[] orderAmount = in.doubles();
        List<String> kinds = new ArrayList<>();
        for (int i = in.count(Integer.BYTES); i > 0; i--) {
            kinds.add(in.text());
        }
        Map<Integer, ActivitySnapshot.PlatformName> platforms = new HashMap<>();
        for (int i = in.count(4 * Integer.BYTES); i > 0; i--) {
            int id = in.integer();
            platforms.put(id, new ActivitySnapshot.PlatformName(in.text(), in.text(), in.text()));
        }
        Map<Integer, String> campaigns = in.names();
        Map<Integer, String> products = in.names();
        ActivitySnapshot.LeftOut leftOut = new ActivitySnapshot.LeftOut(in.number(), in.number(), in.number(),
                in.number());
        int persons = personPlatform.length;
        int events = eventTime.length;
        int orders = orderTime.length;
        if (followers > persons || followerId.length != followers || followedAt.length != followers
                || !offsets(eventStart, persons, events) || !offsets(orderStart, persons, orders)
                || eventKind.length != events || eventPost.length != events
                || orderPlatform.length != orders || orderCampaign.length != orders
                || orderProduct.length != orders || orderAmount.length != orders
                || !ascending(followerId) || !within(eventKind, kinds.size())) {
            throw new IOException("an inconsistent activity snapshot");
        }
        long[] byKind = new long[kinds.size()];
        for (short kind : eventKind) {
            byKind[kind]++;
        }
        return new ActivitySnapshot(followers, followerId, personPlatform, followedAt, eventStart, eventTime,
                eventKind, eventPost, orderStart, orderTime, orderPlatform, orderCampaign, orderProduct, orderAmount,
                kinds, byKind, platforms, campaigns, products, leftOut);
    }

    private static boolean offsets(int[] start, int persons, int rows) {
        if (start.length != persons + 1 || start[0] != 0 || start[persons] != rows) {
            return false;
        }
        for (int p = 0; p < persons; p++) {
            if (start[p] > start[p + 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascending(long[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1] >= ids[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(short[] codes, int count) {
        for (short code : codes) {
            if (code < 0 || code >= count) {
                return false;
            }
        }
        return true;
    }

    private static void names(DataOutputStream out, Map<Integer, String> names) throws IOException {
        out.writeInt(names.size());
        for (Map.Entry<Integer, String> name : names.entrySet()) {
            out.writeInt(name.getKey());
            text(out, name.getValue());
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void longs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static void shorts(DataOutputStream out, short[] values) throws IOException {
        out.writeInt(values.length);
        for (short value : values) {
            out.writeShort(value);
        }
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    /** Reads what {@link #write} wrote, never allocating more than the bytes left could fill. */
    private static final class Reader {
        private final DataInputStream data;
        private final byte[] chunk = new byte[CHUNK];
        private long left;

        Reader(DataInputStream data, long size) {
            this.data = data;
            this.left = size;
        }

        void take(long bytes) throws IOException {
            if (bytes > left) {
                throw new EOFException("the activity snapshot is shorter than it says");
            }
            left -= bytes;
        }

        /** A count of items of at least {@code bytesEach} bytes that must still fit in what is left. */
        int count(int bytesEach) throws IOException {
            take(Integer.BYTES);
            int count = data.readInt();
            if (count < 0 || (long) count * bytesEach > left) {
                throw new IOException("an implausible count in the activity snapshot: " + count);
            }
            return count;
        }

        int integer() throws IOException {
            take(Integer.BYTES);
            return data.readInt();
        }

        long number() throws IOException {
            take(Long.BYTES);
            return data.readLong();
        }

        String text() throws IOException {
            byte[] bytes = new byte[count(1)];
            take(bytes.length);
            data.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Map<Integer, String> names() throws IOException {
            Map<Integer, String> names = new HashMap<>();
            for (int i = count(2 * Integer.BYTES); i > 0; i--) {
                int id = integer();
                names.put(id, text());
            }
            return names;
        }

        long[] longs() throws IOException {
            long[] values = new long[count(Long.BYTES)];
            fill(values.length, Long.BYTES, (buffer, from, n) -> buffer.asLongBuffer().get(values, from, n));
            return values;
        }

        int[] ints() throws IOException {
            int[] values = new int[count(Integer.BYTES)];
            fill(values.length, Integer.BYTES, (buffer, from, n) -> buffer.asIntBuffer().get(values, from, n));
            return values;
        }

        short[] shorts() throws IOException {
            short[] values = new short[count(Short.BYTES)];
            fill(values.length, Short.BYTES, (buffer, from, n) -> buffer.asShortBuffer().get(values, from, n));
            return values;
        }

        double[] doubles() throws IOException {
            double[] values = new double[count(Double.BYTES)];
            fill(values.length, Double.BYTES, (buffer, from, n) -> buffer.asDoubleBuffer().get(values, from, n));
            return values;
        }

        private interface Copy {
            void into(ByteBuffer buffer, int from, int count);
        }

        /** Reads {@code count} values of {@code width} bytes a chunk at a time. */
        private void fill(int count, int width, Copy copy) throws IOException {
            take((long) count * width);
            int perChunk = CHUNK / width;
            for (int from = 0; from < count; from += perChunk) {
                int n = Math.min(perChunk, count - from);
                data.readFully(chunk, 0, n * width);
                copy.into(ByteBuffer.wrap(chunk, 0, n * width), from, n);
            }
        }
    }
}
