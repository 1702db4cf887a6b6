package com.campaignstudio.drivers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes a drivers result in one language from the {@code i18n/messages} bundle: inputs' and levels' names, warnings
 * and refusals, and the plain sentence per input. The sentences say "goes with", never "causes": the regression sees
 * followers as they are, not what happens when one of them is made to view more. Shared by the view and the command
 * line (English), so that both say the same.
 */
public final class DriverText {

    private static final String BUNDLE = "com.campaignstudio.i18n.messages";

    private final ResourceBundle bundle;
    private final UnaryOperator<String> platformName;

    /**
     * @param platformName a platform code's name in this language (the project's own names where it has them)
     */
    public DriverText(ResourceBundle bundle, UnaryOperator<String> platformName) {
        this.bundle = bundle;
        this.platformName = platformName;
    }

    /** English, platforms by their shipped names: the command line's and exceptions' language. */
    public static DriverText english() {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        return new DriverText(bundle, code -> bundle.containsKey("platform." + code)
                ? bundle.getString("platform." + code) : code);
    }

    public String input(DriverInput input) {
        return bundle.getString("drivers.input." + input.key());
    }

    /** A level of a categorical input as people call it: a platform's name, a segment's name. */
    public String levelName(DriverInput input, String level) {
        return input == DriverInput.PLATFORM ? platformName.apply(level) : level;
    }

    /** A coefficient's row name: "Views", "Platform: Douyin". */
    public String term(Term term) {
        return term.level() == null ? input(term.input())
                : format("drivers.term.level", input(term.input()), levelName(term.input(), term.level()));
    }

    public String message(DriverMessage message) {
        Object[] arguments = new Object[message.inputs().size() + message.values().size()];
        for (int i = 0; i < message.inputs().size(); i++) {
            arguments[i] = input(message.inputs().get(i));
        }
        for (int i = 0; i < message.values().size(); i++) {
            arguments[message.inputs().size() + i] = message.values().get(i);
        }
        if (message.key().equals("drivers.error.separation")) {
            return format(message.key(), message.inputs().stream().map(this::input)
                    .collect(Collectors.joining(bundle.getString("drivers.list.separator"))));
        }
        return format(message.key(), arguments);
    }

    public List<String> warnings(DriversResult result) {
        return result.warnings().stream().map(this::message).toList();
    }

    /** The plain sentence for one coefficient, ending with a caution when its interval includes no link. */
    public String sentence(Term term, DriversResult result) {
        String sentence;
        if (result.outcome().logistic()) {
            String odds = significant(term.effect(), 3);
            String points = signed(term.pointsAtMean() * 100);
            sentence = term.level() == null
                    ? format("drivers.sentence.logistic", step(term), odds, points)
                    : format("drivers.sentence.logistic.level", levelPhrase(term.input(), term.level()),
                    levelPhrase(term.input(), result.references().get(term.input())), odds, points);
        } else {
            String direction = term.effect() >= 0 ? "more" : "fewer";
            String amount = significant(Math.abs(term.effect()), 2);
            sentence = term.level() == null
                    ? format("drivers.sentence.linear." + direction, step(term), amount)
                    : format("drivers.sentence.linear.level." + direction, levelPhrase(term.input(), term.level()),
                    levelPhrase(term.input(), result.references().get(term.input())), amount);
        }
        return term.clear() ? sentence : sentence + bundle.getString("drivers.sentence.unclear");
    }

    /** "1,000 views", "click" (one step of the input, as the sentence says "each extra ..."). */
    private String step(Term term) {
        return format("drivers.unit." + term.input().key(), term.unit(), whole(term.unit()));
    }

    private String levelPhrase(DriverInput input, String level) {
        return format("drivers.level." + input.key(), levelName(input, level));
    }

    /** {@code value} to {@code digits} significant digits, grouped as this language groups: 0.0012, 1.35, 2,300. */
    public String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return "\u2013";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
        NumberFormat format = NumberFormat.getNumberInstance(bundle.getLocale());
        format.setMaximumFractionDigits(Math.max(0, rounded.stripTrailingZeros().scale()));
        return format.format(rounded);
    }

    /** Percentage points with a sign and one decimal: +2.1, −0.4. */
    public String signed(double points) {
        NumberFormat format = NumberFormat.getNumberInstance(bundle.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        String written = format.format(Math.abs(points));
        return (points < 0 && !written.matches("[0.,]+") ? "\u2212" : "+") + written;
    }

    private String whole(double value) {
        return NumberFormat.getIntegerInstance(bundle.getLocale()).format(value);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
}
