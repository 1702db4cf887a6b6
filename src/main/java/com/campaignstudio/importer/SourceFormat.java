package com.campaignstudio.importer;

import java.nio.charset.Charset;

/**
 * What a file turned out to hold, from its first bytes.
 *
 * @param kind      the kind of file
 * @param charset   the text encoding (for delimited text)
 * @param delimiter the field separator (for delimited text)
 */
public record SourceFormat(Kind kind, Charset charset, char delimiter) {

    /** The kinds of file the importer tells apart. */
    public enum Kind {
        DELIMITED_TEXT, XLSX, EMPTY, BINARY,
        /** An Office compound file: an old .xls workbook, or any workbook saved with a password. */
        OLD_OFFICE
    }
}
