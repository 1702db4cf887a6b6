package com.campaignstudio.importer;

import org.mozilla.universalchardet.UniversalDetector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Looks at the first 64 KB of a file and decides what it is: an XLSX workbook, delimited text (with its
 * encoding and delimiter), an empty file, or something binary. Encoding: a byte-order mark wins; then
 * valid UTF-8; then the guess of juniversalchardet; then GB18030, the superset of GBK that Chinese
 * Windows tools write.
 */
public final class Sniffer {

    static final int SAMPLE = 64 * 1024;
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private Sniffer() {
    }

    public static SourceFormat sniff(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        if (sample.length == 0) {
            return new SourceFormat(SourceFormat.Kind.EMPTY, StandardCharsets.UTF_8, ',');
        }
        if (startsWith(sample, 'P', 'K', 3, 4)) {
            return new SourceFormat(SourceFormat.Kind.XLSX, StandardCharsets.UTF_8, ',');
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return new SourceFormat(SourceFormat.Kind.OLD_OFFICE, StandardCharsets.UTF_8, ',');
        }
        Charset charset = charset(sample);
        if (charset == null) {
            return new SourceFormat(SourceFormat.Kind.BINARY, StandardCharsets.UTF_8, ',');
        }
        return new SourceFormat(SourceFormat.Kind.DELIMITED_TEXT, charset, delimiter(new String(sample, charset)));
    }

    /** The first 64 KB of {@code file} as text in {@code charset}. */
    static String sample(Path file, Charset charset) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(SAMPLE), charset);
        }
    }

    /** The encoding of a text sample, or null when the sample is not text. */
    static Charset charset(byte[] sample) {
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (looksBinary(sample)) {
            return null;
        }
        if (isUtf8(sample)) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, sample.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess == null || guess.startsWith("GB") || guess.equals("HZ-GB-2312") || !Charset.isSupported(guess)) {
            return GB18030;
        }
        return Charset.forName(guess);
    }

    private static boolean looksBinary(byte[] sample) {
        int control = 0;
        for (byte b : sample) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                control++;
            }
        }
        return control > sample.length / 100;
    }

    private static boolean isUtf8(byte[] sample) {
        // A sample cut in the middle of a character must still count as UTF-8.
        int end = sample.length;
        if (end == SAMPLE) {
            int back = 0;
            while (back < 4 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (sample[end - back - 1] & 0x80) != 0) {
                end = end - back - 1;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The delimiter that splits the first lines into the most equal, non-zero number of fields (quoted
     * text ignored); a comma when nothing does.
     */
    static char delimiter(String text) {
        List<String> lines = text.lines().limit(30).filter(line -> !line.isBlank()).toList();
        if (lines.size() > 1 && text.length() >= SAMPLE - 4) {
            lines = lines.subList(0, lines.size() - 1);
        }
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            int[] counts = lines.stream().mapToInt(line -> countOutsideQuotes(line, candidate)).toArray();
            if (counts.length == 0) {
                continue;
            }
            int mode = mode(counts);
            long agreeing = Arrays.stream(counts).filter(c -> c == mode).count();
            double score = mode == 0 ? 0 : agreeing * 1000.0 / counts.length + mode;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static int mode(int[] counts) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int best = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun || (j - i == bestRun && sorted[i] > best)) {
                bestRun = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    private static boolean startsWith(byte[] sample, int... prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
