package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
/** Thrown while converting a row that cannot be imported. */
final class RejectedRowException extends Exception {

    private final String column;
    private final String value;
    private final transient Reason reason;

    RejectedRowException(String column, String value, Reason reason) {
        super(reason.english(), null, false, false);
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    RowRejection at(long row) {
        return new RowRejection(row, column, value == null ? "" : value, reason);
    }
}
