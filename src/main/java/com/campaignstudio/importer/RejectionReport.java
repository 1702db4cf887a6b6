package com.campaignstudio.importer;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord("file", "row", "column", "value", "reason");
            for (RowRejection rejection : rejections) {
                csv.writeRecord(sourceFile, Long.toString(rejection.row()), rejection.column(), rejection.value(),
                        rejection.reason().in(bundle));
            }
            csv.flush();
        }
    }
}
