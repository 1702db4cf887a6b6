package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
/**
 * A row that was not imported, and why.
 *
 * @param row    the row number in the file, as the user sees it
 * @param column the column's header, or empty when the whole row is at fault
 * @param value  the cell as it was in the file
 * @param reason what is wrong, in plain words
 */
public record RowRejection(long row, String column, String value, Reason reason) {
}
