package com.campaignstudio.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message for the user from domain code (why a row was rejected, why an analysis cannot run), as a key
 * of the {@code i18n/messages} bundles and its arguments, so that the UI shows it in the user's language
 * while files and the command line get English. Reasons recorded before keys existed come back as
 * {@link #literal}.
 */
public record Reason(String key, List<String> arguments) {

    public static final String BUNDLE = "com.campaignstudio.i18n.messages";
    private static final String LITERAL = "reject.literal";

    public Reason {
        arguments = List.copyOf(arguments);
    }

    public static Reason of(String key, Object... arguments) {
        return new Reason(key, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public static Reason literal(String text) {
        return new Reason(LITERAL, List.of(text));
    }

    /** The reason in the language of {@code bundle}. */
    public String in(ResourceBundle bundle) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments.toArray());
    }

    public String english() {
        return in(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
    }

    @Override
    public String toString() {
        return english();
    }
}
