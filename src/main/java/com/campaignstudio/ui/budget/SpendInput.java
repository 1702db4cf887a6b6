package com.campaignstudio.ui.budget;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Amounts of yuan as typed in the optimiser: "20000", "20,000", "¥20,000" or "2万"; a limit may also be a share of
 * the platform's current spend ("50%").
 */
public final class SpendInput {

    private SpendInput() {
    }

    /** The amount typed, or empty when it is not a number of yuan of 0 or more. */
    public static OptionalDouble amount(String typed) {
        if (typed == null) {
            return OptionalDouble.empty();
        }
        String cleaned = typed.strip().replace("\u00a5", "").replace("\uffe5", "").replace(",", "")
                .replace("\uff0c", "").replace(" ", "").toLowerCase(Locale.ROOT);
        double unit = 1;
        if (cleaned.endsWith("\u4e07")) {
            unit = 10_000;
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        try {
            double value = Double.parseDouble(cleaned) * unit;
            return Double.isFinite(value) && value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    /**
     * A limit on a platform's spend for the period: an amount, or a percentage of {@code current} (the platform's
     * spend for the period at its recent rate); {@code none} when left blank; empty when it cannot be read.
     */
    public static OptionalDouble limit(String typed, double current, double none) {
        if (typed == null || typed.isBlank()) {
            return OptionalDouble.of(none);
        }
        String stripped = typed.strip();
        if (stripped.endsWith("%") || stripped.endsWith("\uff05")) {
            OptionalDouble percent = amount(stripped.substring(0, stripped.length() - 1));
            return percent.isPresent() ? OptionalDouble.of(current * percent.getAsDouble() / 100)
                    : OptionalDouble.empty();
        }
        return amount(stripped);
    }
}
