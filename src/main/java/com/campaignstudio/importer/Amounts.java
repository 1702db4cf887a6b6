package com.campaignstudio.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads money as exports write it: {@code ¥1,299.00}, {@code ￥88}, {@code 1299元}, {@code $12.50},
 * {@code RMB 99}, {@code 1.2万元}, full-width digits, and the rare decimal comma ({@code 1.299,00}).
 */
public final class Amounts {

    /** An amount and the currency its symbol named (empty when the cell had no symbol). */
    public record Money(BigDecimal amount, String currency) {
    }

    private static final Pattern SHAPE = Pattern.compile(
            "(?<sign>[-+])?(?<prefix>CNY|RMB|USD|US\\$|¥|￥|\\$)?\\s*(?<sign2>[-+])?(?<number>\\d[\\d,.]*)\\s*"
                    + "(?<unit>万|亿)?\\s*(?<suffix>元|块|CNY|RMB|USD|美元)?");

    private Amounts() {
    }

    /** The amount in {@code raw}, or null for a blank cell. */
    public static Money parse(String raw) throws ValueException {
        String text = Text.withoutSpacesAroundSymbols(Text.normalize(raw).toUpperCase(Locale.ROOT));
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
        negative ^= "-".equals(m.group("sign")) || "-".equals(m.group("sign2"));
        BigDecimal amount = number(m.group("number"));
        if (m.group("unit") != null) {
            amount = amount.multiply(m.group("unit").equals("万") ? BigDecimal.valueOf(10_000)
                    : BigDecimal.valueOf(100_000_000));
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
        return new Money(negative ? amount.negate() : amount, currency(m.group("prefix"), m.group("suffix")));
    }

    private static BigDecimal number(String digits) throws ValueException {
        String plain;
        if (digits.matches("\\d{1,3}(\\.\\d{3})+,\\d{1,2}")) {
            plain = digits.replace(".", "").replace(',', '.');
        } else if (digits.matches("\\d{1,3}(,\\d{3})*(\\.\\d+)?|\\d+(\\.\\d+)?")) {
            plain = digits.replace(",", "");
        } else {
            throw new ValueException("reject.digits", digits);
        }
        return new BigDecimal(plain);
    }

    private static String currency(String prefix, String suffix) {
        String symbol = prefix != null ? prefix : suffix;
        if (symbol == null) {
            return "";
        }
        return switch (symbol) {
            case "$", "US$", "USD", "美元" -> "USD";
            default -> "CNY";
        };
    }
}
