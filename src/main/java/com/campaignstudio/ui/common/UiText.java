package com.campaignstudio.ui.common;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI's strings in the current language, from the {@code i18n/messages} bundles. */
public final class UiText {

    public static final String BUNDLE = "com.campaignstudio.i18n.messages";

    /** The built-in platforms' codes (the project's platform table is seeded with these), in menu order. */
    public static final java.util.List<String> PLATFORMS = java.util.List.of("weibo", "wechat", "douyin", "kuaishou",
            "xiaohongshu", "zhihu", "bilibili", "live");

    private final ResourceBundle bundle;

    public UiText(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean isChinese() {
        return "zh".equals(bundle.getLocale().getLanguage());
    }

    /** A platform's name in this language (微博, Douyin, ...); codes without a name (custom, unknown) as they are. */
    public String platform(String code) {
        String key = "platform." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    public String integer(long value) {
        return NumberFormat.getIntegerInstance(formatLocale()).format(value);
    }

    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(formatLocale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(share);
    }

    public String yuan(double amount) {
        NumberFormat format = NumberFormat.getNumberInstance(formatLocale());
        format.setMaximumFractionDigits(0);
        return "\u00a5" + format.format(amount);
    }

    private Locale formatLocale() {
        return isChinese() ? Locale.SIMPLIFIED_CHINESE : Locale.US;
    }
}
