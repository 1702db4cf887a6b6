package com.campaignstudio.importer;

/** Clean-up of cell text as exports really write it. */
final class Text {

    private Text() {
    }

    /**
     * Full-width forms (ＡＢＣ１２３，：) become their ASCII equivalents and the ideographic space a
     * space; surrounding white space and a leading BOM are removed; and the ways exports stop Excel from
     * turning a long order number into {@code 2.02403E+15} are undone: {@code ="2024030512345678"} and an
     * apostrophe before digits.
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
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u202F' || c == '\u2009') {
                out.append(' ');
            } else if (c != '\uFEFF') {
                out.append(c);
            }
        }
        return withoutExcelTextGuard(out.toString().strip());
    }

    private static String withoutExcelTextGuard(String text) {
        if (text.length() >= 3 && text.startsWith("=\"") && text.endsWith("\"")) {
            return text.substring(2, text.length() - 1).strip();
        }
        if (text.length() >= 2 && text.charAt(0) == '\'' && Character.isDigit(text.charAt(1))) {
            return text.substring(1);
        }
        return text;
    }

    /** True for cells that mean "no value" in exports: empty, dashes, "null", "N/A". */
    static boolean isBlank(String normalized) {
        return normalized.isEmpty() || normalized.equals("-") || normalized.equals("--") || normalized.equals("—")
                || normalized.equalsIgnoreCase("null") || normalized.equalsIgnoreCase("n/a")
                || normalized.equalsIgnoreCase("na") || normalized.equals("无");
    }
}
