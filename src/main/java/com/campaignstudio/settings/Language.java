package com.campaignstudio.settings;

import java.util.Locale;
import java.util.Optional;

/** The languages of the user interface. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** Chinese for any Chinese locale, English otherwise. */
    public static Language forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
