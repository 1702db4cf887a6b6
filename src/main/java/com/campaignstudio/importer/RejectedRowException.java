package com.campaignstudio.importer;

/** Thrown while converting a row that cannot be imported. */
final class RejectedRowException extends Exception {

    private final String column;
    private final String value;

    RejectedRowException(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    RowRejection at(long row) {
        return new RowRejection(row, column, value == null ? "" : value, getMessage());
    }
}
