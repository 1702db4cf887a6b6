package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads money as exports write it: {@code ¥1,299.00}, {@code ￥88}, {@code 1299元}, {@code $12.50},
 * {@code RMB 99}, {@code 1.2万元}, {@code 1.5亿}, {@code 1.5w}, {@code 2.3k}, {@code 1.2M}, {@code €12,50}, {@code 99-} (a trailing minus, as SAP writes refunds), full-width
 * digits, and digits grouped as other locales group them ({@link Numbers}).
 */
public final class Amounts {

    /** An amount and the currency its symbol named (empty when the cell had no symbol). */
    public record Money(BigDecimal amount, String currency) {
    }

    private static final Pattern SHAPE = Pattern.compile(
            "(?<sign>[-+])?(?<prefix>CNY|RMB|USD|EUR|US\\$|¥|￥|\\$|€)?\\s*(?<sign2>[-+])?(?<number>\\d(?:[\\d,.' ]*\\d)?)\\s*"
                    + "(?<unit>万|亿|W|K|M)?\\s*(?<suffix>元|块|CNY|RMB|USD|EUR|美元|欧元|€)?(?<sign3>-)?");

    private Amounts() {
    }

    /** The amount in {@code raw}, or null for a blank cell. */
    public static Money parse(String raw) throws ValueException {
        String text = Numbers.withoutSpacesAroundSymbols(Text.normalize(raw).toUpperCase(Locale.ROOT));
        if (Text.isBlank(text)) {
            return null;
        }
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new ValueException("reject.amount");
        }
        negative ^= "-".equals(m.group("sign")) || "-".equals(m.group("sign2")) || "-".equals(m.group("sign3"));
        BigDecimal amount = number(m.group("number"));
        if (m.group("unit") != null) {
            amount = amount.multiply(Numbers.unit(m.group("unit")));
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
        return new Money(negative ? amount.negate() : amount, currency(m.group("prefix"), m.group("suffix")));
    }

    private static BigDecimal number(String digits) throws ValueException {
        BigDecimal number = Numbers.parse(digits);
        if (number == null) {
            throw new ValueException("reject.digits", digits);
        }
        return number;
    }

    private static String currency(String prefix, String suffix) {
        String symbol = prefix != null ? prefix : suffix;
        if (symbol == null) {
            return "";
        }
        return switch (symbol) {
            case "$", "US$", "USD", "美元" -> "USD";
            case "€", "EUR", "欧元" -> "EUR";
            default -> "CNY";
        };
    }
}
