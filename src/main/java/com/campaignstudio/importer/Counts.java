package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads counts as platforms display them: {@code 1,234}, {@code 1.2万}, {@code 3亿}, {@code 1.5w},
 * {@code 2.3k}, {@code 10万+}; and rates such as {@code 12%}.
 */
public final class Counts {

    private static final Pattern COUNT = Pattern.compile("(\\d(?:[\\d,.' ]*\\d)?)\\s*(万|亿|W|K|M)?\\+?");
    private static final Pattern RATE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(%)?");

    private Counts() {
    }

    /** The count in {@code raw}, rounded to a whole number, or null for a blank cell. */
    public static Long parseCount(String raw) throws ValueException {
        String text = Numbers.withoutSpacesAroundSymbols(Text.normalize(raw).toUpperCase(Locale.ROOT));
        if (Text.isBlank(text)) {
            return null;
        }
        Matcher m = COUNT.matcher(text);
        BigDecimal value = m.matches() ? Numbers.parse(m.group(1)) : null;
        if (value == null) {
            throw new ValueException("reject.count");
        }
        if (m.group(2) != null) {
            value = value.multiply(Numbers.unit(m.group(2)));
        }
        return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static final Pattern QUANTITY = Pattern.compile("([-+])?(\\d(?:[\\d,.' ]*\\d)?)(-)?");

    /** A quantity of items, whole or not, negative for a cancelled line ({@code -2}, {@code 2-}), or null. */
    public static BigDecimal parseQuantity(String raw) throws ValueException {
        String text = Text.normalize(raw);
        if (Text.isBlank(text)) {
            return null;
        }
        Matcher m = QUANTITY.matcher(text);
        BigDecimal value = m.matches() ? Numbers.parse(m.group(2)) : null;
        if (value == null) {
            throw new ValueException("reject.quantity");
        }
        return "-".equals(m.group(1)) || "-".equals(m.group(3)) ? value.negate() : value;
    }

    /** A share written as {@code 12%} or {@code 0.12}, as a fraction, or null for a blank cell. */
    public static Double parseRate(String raw) throws ValueException {
        String text = Numbers.withoutSpacesAroundSymbols(Text.normalize(raw));
        if (Text.isBlank(text)) {
            return null;
        }
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            throw new ValueException("reject.rate");
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2) != null ? value / 100 : value;
    }
}
