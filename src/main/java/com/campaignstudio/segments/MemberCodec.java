package com.campaignstudio.segments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Packs per-follower values: ascending ids as variable-length deltas, then one value per follower, deflated.
 * A million members take a few megabytes and under a second either way.
 */
final class MemberCodec {

    /** Follower ids with a segment and a score each. */
    record Members(long[] ids, int[] segment, float[] score) {
    }

    private MemberCodec() {
    }

    static byte[] pack(long[] ids, int[] segment, float[] score) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4 + 16);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(ids.length);
            long previous = 0;
            for (long id : ids) {
                writeVarLong(out, id - previous);
                previous = id;
            }
            for (int value : segment) {
                out.writeByte(value);
            }
            for (float value : score) {
                out.writeFloat(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory streams do not fail", e);
        }
        return bytes.toByteArray();
    }

    static Members unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
            int n = in.readInt();
            long[] ids = new long[n];
            long previous = 0;
            for (int i = 0; i < n; i++) {
                previous += readVarLong(in);
                ids[i] = previous;
            }
            int[] segment = new int[n];
            for (int i = 0; i < n; i++) {
                segment[i] = in.readUnsignedByte();
            }
            float[] score = new float[n];
            for (int i = 0; i < n; i++) {
                score[i] = in.readFloat();
            }
            return new Members(ids, segment, score);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored segment members are damaged", e);
        }
    }

    /** One float per follower, deflated (propensity scores). */
    static byte[] packScores(float[] scores) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(scores.length * 4 + 16);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(scores.length);
            for (float value : scores) {
                out.writeFloat(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory streams do not fail", e);
        }
        return bytes.toByteArray();
    }

    static float[] unpackScores(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
            float[] scores = new float[in.readInt()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = in.readFloat();
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException("the stored scores are damaged", e);
        }
    }

    private static void writeVarLong(DataOutputStream out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }
}
