package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * One sheet of an XLSX workbook, streamed row by row with fastexcel-reader. The header is found as in
 * CSV files (the first of the opening rows with the most filled cells). Cells formatted as dates become
 * ISO date-times; other numbers are written out in full.
 */
final class XlsxSource implements TabularSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final Deque<SourceRow> buffered = new ArrayDeque<>();
    private final List<String> headers;
    private final List<String> sheets;
    private long rowsRead;

    private XlsxSource(Path file, ReadableWorkbook workbook, Sheet sheet) throws IOException, ImportException {
        this.file = file;
        this.workbook = workbook;
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
        this.sheets = workbook.getSheets().map(Sheet::getName).toList();
        this.headers = findHeader();
    }

    /** Opens {@code sheetName}, or the first sheet when it is null. */
    static XlsxSource open(Path file, String sheetName) throws IOException, ImportException {
        XlsxGuard.check(file);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
        try {
            Sheet sheet = sheetName == null ? workbook.getFirstSheet() : workbook.findSheet(sheetName)
                    .orElseThrow(() -> new ImportException(Reason.of("import.problem.noSheet", file.getFileName(), sheetName)));
            return new XlsxSource(file, workbook, sheet);
        } catch (ImportException e) {
            workbook.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw unreadable(file, e);
        }
    }

    /**
     * What is wrong with a workbook the reader gave up on, in words a user can act on: the reader's own messages
     * name Java classes and XML internals.
     */
    static ImportException unreadable(Path file, Throwable e) {
        String key;
        if (causes(e).anyMatch(cause -> cause instanceof javax.xml.stream.XMLStreamException
                || cause.getClass().getName().toLowerCase(Locale.ROOT).contains("xml"))) {
            key = "import.problem.workbookXml";
        } else if (causes(e).map(Throwable::getMessage).anyMatch(m -> m != null
                && (m.contains("not found") || m.contains("missing")))) {
            key = "import.problem.workbookPartMissing";
        } else {
            key = "import.problem.workbookNotReal";
        }
        return new ImportException(Reason.of(key, file.getFileName()), e);
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, cause -> cause != null, Throwable::getCause);
    }

    private List<String> findHeader() throws ImportException {
        List<String> header;
        try {
            header = HeaderSearch.find(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public SourceRow next() {
                    return toRow(rows.next());
                }
            }, buffered);
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
        if (header == null) {
            throw new ImportException(Reason.of("import.problem.noHeader", file.getFileName()));
        }
        return header;
    }

    private static SourceRow toRow(Row row) {
        return new SourceRow(row.getRowNum(), cells(row));
    }

    private static String[] cells(Row row) {
        String[] cells = new String[row.getCellCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(row.getCell(i));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                return cell.asDate().format(ISO);
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static boolean isDateFormat(String format) {
        String plain = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return plain.contains("y") || plain.contains("d") || plain.contains("h") || plain.contains("年");
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
    public List<String> sheets() {
        return sheets;
    }

    @Override
    public Iterator<SourceRow> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return !buffered.isEmpty() || rows.hasNext();
                } catch (RuntimeException e) {
                    throw new SourceException(unreadable(file, e).reason());
                }
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow row;
                try {
                    row = buffered.isEmpty() ? toRow(rows.next()) : buffered.removeFirst();
                } catch (RuntimeException e) {
                    throw new SourceException(unreadable(file, e).reason());
                }
                rowsRead++;
                return row;
            }
        };
    }

    /** Workbooks have no useful byte position; progress counts rows against an unknown total. */
    @Override
    public long bytesRead() {
        return rowsRead;
    }

    @Override
    public long totalBytes() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } catch (RuntimeException e) {
            // The reader drains the rest of the sheet on close; a sheet cut short fails there, after the rows read.
            throw new IOException(unreadable(file, e).getMessage(), e);
        } finally {
            workbook.close();
        }
    }
}
