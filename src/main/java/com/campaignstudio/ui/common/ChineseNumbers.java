package com.campaignstudio.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Large numbers as Chinese readers expect them, in 万 (10⁴) and 亿 (10⁸): 2,133,569 is 213.4万 and 123,456,789
 * is 1.23亿. Below 10,000 a number is written out (9,999). Three or four significant digits are kept: two
 * decimals below 10 of the unit, one below 1,000, none above (1.23万, 213.4万, 1235万); trailing zeros are dropped
 * (10万, 1.5亿). Used where a figure is read at a glance (totals, charts); tables of records show exact values.
 */
public final class ChineseNumbers {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private ChineseNumbers() {
    }

    /** A count or a whole amount: 1.2万, 3亿, 9,999, -5.6万. */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        BigDecimal whole = BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP);
        String sign = whole.signum() < 0 ? "-" : "";
        return sign + unsigned(whole.abs());
    }

    /** An amount of yuan, the sign before the currency: ¥213.4万, -¥1.23亿, ¥9,999. */
    public static String yuan(double amount) {
        String written = of(amount);
        return written.startsWith("-") ? "-\u00a5" + written.substring(1) : "\u00a5" + written;
    }

    private static String unsigned(BigDecimal value) {
        if (value.compareTo(WAN) < 0) {
            return NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(value);
        }
        BigDecimal inWan = inUnit(value, WAN);
        if (inWan.compareTo(WAN) < 0) {
            return inWan.stripTrailingZeros().toPlainString() + "万";
        }
        return inUnit(value, YI).stripTrailingZeros().toPlainString() + "亿";
    }

    /** {@code value} in {@code unit}s, rounded to three or four significant digits. */
    private static BigDecimal inUnit(BigDecimal value, BigDecimal unit) {
        BigDecimal exact = value.divide(unit);
        int decimals = exact.compareTo(BigDecimal.TEN) < 0 ? 2 : exact.compareTo(BigDecimal.valueOf(1000)) < 0 ? 1 : 0;
        return exact.setScale(decimals, RoundingMode.HALF_UP);
    }
}
