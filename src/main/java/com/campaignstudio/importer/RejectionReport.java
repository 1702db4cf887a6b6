package com.campaignstudio.importer;

import com.campaignstudio.export.CsvExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

/** Writes rejected rows as CSV (UTF-8 with a BOM, so that Excel shows Chinese text correctly). */
public final class RejectionReport {

    private RejectionReport() {
    }

    /** Writes the reasons in the language of {@code bundle}. */
    public static void write(Path target, String sourceFile, List<RowRejection> rejections, ResourceBundle bundle)
            throws IOException {
        try (CsvExport csv = CsvExport.create(target)) {
            csv.row("file", "row", "column", "value", "reason");
            for (RowRejection rejection : rejections) {
                csv.row(sourceFile, Long.toString(rejection.row()), rejection.column(), rejection.value(),
                        rejection.reason().in(bundle));
            }
        }
    }
}
