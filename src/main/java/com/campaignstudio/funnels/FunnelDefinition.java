package com.campaignstudio.funnels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A funnel: its steps in order, the conversion window and whether the steps must keep their order.
 *
 * @param steps  event kinds ({@code view}, {@code click}, {@code register} ...) and {@value #PURCHASE} (a paid
 *               order), at least two; {@code exposure} and {@code impression} are other names for {@code view}
 * @param window how long after entering (the first step) a person has to reach the last step; a step exactly this
 *               long after the entry still counts
 * @param order  strict, or any order after the first step (then no step may appear twice)
 */
public record FunnelDefinition(List<String> steps, Duration window, StepOrder order) {

    /** The step that a paid order makes. Refunds and cancellations never do. */
    public static final String PURCHASE = "purchase";
    /** The default funnel from a post to a payment. */
    public static final List<String> SOCIAL_TO_SALE = List.of("view", "click", "register", PURCHASE);

    private static final Map<String, String> ALIASES = Map.of("exposure", "view", "impression", "view");

    public FunnelDefinition {
        List<String> names = new ArrayList<>();
        for (String step : steps) {
            String name = step.strip().toLowerCase(Locale.ROOT);
            names.add(ALIASES.getOrDefault(name, name));
        }
        steps = List.copyOf(names);
        if (steps.size() < 2) {
            throw new IllegalArgumentException("a funnel needs at least two steps");
        }
        if (steps.size() > 16) {
            throw new IllegalArgumentException("a funnel has at most 16 steps");
        }
        if (steps.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a step has no name");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the conversion window must be longer than zero");
        }
        if (order == StepOrder.ANY && new HashSet<>(steps).size() < steps.size()) {
            throw new IllegalArgumentException("in any order, each step must be a different kind (a repeated step only "
                    + "means something in strict order)");
        }
    }

    public int size() {
        return steps.size();
    }

    /**
     * A window written as a number and a unit: {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}; a bare number is
     * days.
     */
    public static Duration parseWindow(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        char unit = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        String number = Character.isLetter(unit) ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        long amount;
        try {
            amount = Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a window: write a number and m, h, d or w "
                    + "(30m, 12h, 7d, 2w)");
        }
        Duration window = switch (Character.isLetter(unit) ? unit : 'd') {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalArgumentException("'" + text + "' is not a window: the unit is m, h, d or w "
                    + "(30m, 12h, 7d, 2w)");
        };
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a window of " + text + " excludes everyone: give one longer than zero");
        }
        return window;
    }
}
