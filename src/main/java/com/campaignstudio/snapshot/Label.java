package com.campaignstudio.snapshot;

import com.campaignstudio.text.Reason;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The name of a group in both languages, and a key that stays the same across languages and runs (a platform code,
 * a campaign or product id, a segment number, a period such as {@code 2025-03}).
 */
public record Label(String key, String english, String chinese) {

    /** A name that is the same in both languages (the user's own: a campaign, a product, a segment). */
    public static Label named(String key, String name) {
        return new Label(key, name, name);
    }

    /** A name from the message bundles. */
    public static Label of(String key, Reason reason) {
        return new Label(key, reason.english(),
                reason.in(ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE)));
    }

    /** The name in {@code language}: Chinese for Chinese, English otherwise. */
    public String in(Locale language) {
        return language.getLanguage().equals(Locale.CHINESE.getLanguage()) ? chinese : english;
    }
}
