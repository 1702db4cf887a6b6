package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** The header and rows of an import file, streamed: only the current row is in memory. */
public interface TabularSource extends Closeable, Iterable<SourceRow> {

    Path file();

    /** The column names (the header row). */
    List<String> headers();

    /** Rows after the header, each read once. */
    @Override
    Iterator<SourceRow> iterator();

    /** Bytes read so far and the file size, for progress. */
    long bytesRead();

    long totalBytes();

    /** Opens a file of any supported kind, sniffing its format; errors name the file and say what is wrong. */
    public static TabularSource open(Path file) throws IOException, ImportException {
        return open(file, SourceOptions.DETECT);
    }

    /** As {@link #open(Path)}, with the encoding or sheet the user chose. */
    public static TabularSource open(Path file, SourceOptions options) throws IOException, ImportException {
        refuseUnreadable(file);
        SourceFormat format = Sniffer.sniff(file);
        Charset charset = options.charset();
        return switch (format.kind()) {
            case DELIMITED_TEXT -> CsvSource.open(file, charset != null ? charset : format.charset(),
                    charset != null ? Sniffer.delimiter(Sniffer.sample(file, charset)) : format.delimiter());
            case XLSX -> XlsxSource.open(file, options.sheet());
            case EMPTY -> throw new ImportException(Reason.of("import.problem.empty", file.getFileName()));
            case BINARY -> throw new ImportException(Reason.of("import.problem.binary", file.getFileName()));
            case OLD_OFFICE -> throw new ImportException(Reason.of("import.problem.oldOffice", file.getFileName()));
        };
    }

    /** A missing file, a folder or a file without read permission, said plainly before anything tries to read it. */
    static void refuseUnreadable(Path file) throws ImportException {
        if (Files.isDirectory(file)) {
            throw new ImportException(Reason.of("import.problem.folder", file));
        }
        if (!Files.exists(file)) {
            throw new ImportException(Reason.of("import.problem.noSuchFile", file));
        }
        if (!Files.isReadable(file)) {
            throw new ImportException(Reason.of("import.problem.noPermission", file));
        }
    }

    /** The sheets of the workbook this source reads; empty for a text file. */
    default List<String> sheets() {
        return List.of();
    }
}
