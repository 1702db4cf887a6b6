package com.campaignstudio.importer;

/** Clean-up of cell text as exports really write it. */
final class Text {

    private Text() {
    }

    /**
     * Full-width forms (ＡＢＣ１２３，：) become their ASCII equivalents and the ideographic space a
     * space; surrounding white space and a leading BOM are removed.
     */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '\uFFE5') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else if (c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Removes spaces next to symbols and units ({@code RMB 99}, {@code 1.2 万}) but not between digits. */
    static String withoutSpacesAroundSymbols(String text) {
        return text.replaceAll("(?<=\\D) +| +(?=\\D)", "");
    }

    /** True for cells that mean "no value" in exports: empty, dashes, "null", "N/A". */
    static boolean isBlank(String normalized) {
        return normalized.isEmpty() || normalized.equals("-") || normalized.equals("--") || normalized.equals("—")
                || normalized.equalsIgnoreCase("null") || normalized.equalsIgnoreCase("n/a")
                || normalized.equalsIgnoreCase("na") || normalized.equals("无");
    }
}
