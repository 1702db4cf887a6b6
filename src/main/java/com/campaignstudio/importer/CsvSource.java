package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Delimited text (CSV, TSV, semicolon or pipe separated) read with FastCSV: quoted fields, multi-line
 * fields, any encoding. The header is the first of the opening rows that has the most filled cells, so
 * that title lines above it are skipped. One field may be at most 1 MB, which keeps memory bounded on a
 * file that is one giant line.
 */
final class CsvSource implements TabularSource {

    static final int MAX_FIELD_BYTES = 1024 * 1024;

    private final Path file;
    private final CountingStream counting;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Deque<SourceRow> buffered = new ArrayDeque<>();
    private final List<String> headers;
    private final long totalBytes;

    private CsvSource(Path file, CountingStream counting, CsvReader<CsvRecord> reader) throws ImportException {
        this.file = file;
        this.counting = counting;
        this.reader = reader;
        this.records = reader.iterator();
        this.totalBytes = sizeOf(file);
        this.headers = findHeader();
    }

    static CsvSource open(Path file, Charset charset, char delimiter) throws IOException, ImportException {
        CountingStream counting = new CountingStream(Files.newInputStream(file));
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).maxBufferSize(MAX_FIELD_BYTES)
                .ofCsvRecord(Decoding.reader(counting, charset));
        try {
            return new CsvSource(file, counting, reader);
        } catch (SourceException e) {
            reader.close();
            throw new ImportException(e.reason(), e);
        } catch (ImportException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private List<String> findHeader() throws ImportException {
        List<String> header = HeaderSearch.find(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hasNextRecord();
            }

            @Override
            public SourceRow next() {
                return toRow(nextRecord());
            }
        }, buffered);
        if (header == null) {
            throw new ImportException(Reason.of("import.problem.noHeader", file.getFileName()));
        }
        return header;
    }

    private static SourceRow toRow(CsvRecord record) {
        return new SourceRow(record.getStartingLineNumber(), record.getFields().toArray(String[]::new));
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw new SourceException(describe(e));
        } catch (UncheckedIOException e) {
            throw new SourceException(Reason.of("import.problem.unreadable", file.getFileName(),
                    e.getCause().getMessage()));
        }
    }

    private CsvRecord nextRecord() {
        try {
            return records.next();
        } catch (CsvParseException e) {
            throw new SourceException(describe(e));
        }
    }

    private Reason describe(CsvParseException e) {
        String reason = String.valueOf(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            reason = reason + "; " + cause.getMessage();
        }
        if (reason.toLowerCase(java.util.Locale.ROOT).contains("buffer")) {
            return Reason.of("import.problem.fieldTooLong", file.getFileName());
        }
        return Reason.of("import.problem.fields", file.getFileName(), reason);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public Iterator<SourceRow> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !buffered.isEmpty() || hasNextRecord();
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffered.isEmpty() ? toRow(nextRecord()) : buffered.removeFirst();
            }
        };
    }

    @Override
    public long bytesRead() {
        return counting.count;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
