package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Digits as spreadsheets and shops in different locales group them: {@code 1,299.00} (China, English),
 * {@code 1.299,00} (Germany), {@code 1 299,00} (France; also with a no-break space), {@code 1'299.00}
 * (Switzerland), {@code 1299,5} (a decimal comma alone). A comma followed by exactly three digits is a thousands
 * separator, as Chinese exports write it; followed by one or two, a decimal comma.
 */
final class Numbers {

    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern SPACE_GROUPS = Pattern.compile("\\d{1,3}([ ']\\d{3})+([.,]\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("(?<=\\D) +| +(?=\\D)");

    private Numbers() {
    }

    /** The number the digits mean, or null when they follow none of the groupings above. */
    static BigDecimal parse(String digits) {
        String plain;
        if (PLAIN.matcher(digits).matches()) {
            plain = digits;
        } else if (COMMA_GROUPS.matcher(digits).matches()) {
            plain = digits.replace(",", "");
        } else if (DOT_GROUPS.matcher(digits).matches()) {
            plain = digits.replace(".", "").replace(',', '.');
        } else if (SPACE_GROUPS.matcher(digits).matches()) {
            plain = digits.replace(" ", "").replace("'", "").replace(',', '.');
        } else if (DECIMAL_COMMA.matcher(digits).matches()) {
            plain = digits.replace(',', '.');
        } else {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** What a unit after a number multiplies it by: 万 and w ten thousand, 亿 a hundred million, k and M (upper case). */
    static BigDecimal unit(String unit) {
        return BigDecimal.valueOf(switch (unit) {
            case "万", "W" -> 10_000L;
            case "亿" -> 100_000_000L;
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            default -> throw new IllegalArgumentException("not a unit: " + unit);
        });
    }

    /** Removes spaces next to symbols and units ({@code RMB 99}, {@code 1.2 万}) but not between digits. */
    static String withoutSpacesAroundSymbols(String text) {
        return text.indexOf(' ') < 0 ? text : SPACES.matcher(text).replaceAll("");
    }
}
