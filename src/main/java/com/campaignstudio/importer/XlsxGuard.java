package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a workbook before it is parsed: a real XLSX, not a ZIP bomb. Every part is inflated once with a
 * cap (the sizes a ZIP declares can lie), so memory and time stay bounded whatever the file claims.
 */
final class XlsxGuard {

    static final long MAX_TOTAL_BYTES = 2L * 1024 * 1024 * 1024;
    /** Shared strings are held in memory by the reader, so they get a tighter limit. */
    static final long MAX_SHARED_STRINGS_BYTES = 256L * 1024 * 1024;
    private static final long MAX_RATIO = 200;
    private static final long RATIO_APPLIES_ABOVE = 16L * 1024 * 1024;

    private XlsxGuard() {
    }

    static void check(Path file) throws ImportException {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new ImportException(Reason.of("import.problem.notWorkbook", name));
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long limit = entry.getName().equals("xl/sharedStrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_TOTAL_BYTES;
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        long compressed = Math.max(1, entry.getCompressedSize());
                        if (size > limit || total > MAX_TOTAL_BYTES
                                || (size > RATIO_APPLIES_ABOVE && size / compressed > MAX_RATIO)) {
                            throw new ImportException(Reason.of("import.problem.unpacksTooLarge", name));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ImportException(Reason.of("import.problem.workbookDamaged", name), e);
        } catch (IOException e) {
            throw new ImportException(Reason.of("import.problem.workbookUnreadable", name, e.getMessage()), e);
        }
    }
}
