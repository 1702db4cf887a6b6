package com.campaignstudio.importer;

/** One data row of an import file: its row number as the user sees it in the file, and its cells. */
public record SourceRow(long number, String[] cells) {

    public String cell(int column) {
        return column >= 0 && column < cells.length ? cells[column] : null;
    }

    /** The cell as a person should see it: bytes that were not valid text show as the replacement character. */
    public String shown(int column) {
        return Decoding.readable(cell(column));
    }
}
