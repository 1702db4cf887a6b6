package com.campaignstudio.importer;

import java.nio.charset.Charset;

/**
 * How to read a file when the user overrides what is detected.
 *
 * @param charset the text encoding, or null to detect it
 * @param sheet   the workbook sheet, or null for the first
 */
public record SourceOptions(Charset charset, String sheet) {

    public static final SourceOptions DETECT = new SourceOptions(null, null);
}
