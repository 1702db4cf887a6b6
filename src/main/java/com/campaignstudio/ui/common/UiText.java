package com.campaignstudio.ui.common;

import com.campaignstudio.project.PlatformTable;

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

    /** What a figure that could not be worked out shows, in both languages. */
    private static final String NOT_A_NUMBER = "\u2013";

    private final ResourceBundle bundle;
    private volatile java.util.List<PlatformTable.Platform> projectPlatforms = java.util.List.of();

    /**
     * The strings of {@code locale}'s language; English for any language without strings of its own. Never those
     * of the computer's language: the default lookup would answer English with Chinese on a Chinese computer.
     */
    public UiText(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** The open project's platforms: their names, and the choices views offer, come from them from now on. */
    public void usePlatforms(java.util.List<PlatformTable.Platform> platforms) {
        projectPlatforms = java.util.List.copyOf(platforms);
    }

    /** The codes of the platforms a view offers: the open project's, else the shipped ones. */
    public java.util.List<String> platformCodes() {
        java.util.List<PlatformTable.Platform> platforms = projectPlatforms;
        return platforms.isEmpty() ? PLATFORMS : platforms.stream().map(PlatformTable.Platform::code).toList();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean isChinese() {
        return "zh".equals(bundle.getLocale().getLanguage());
    }

    /**
     * A platform's name in this language (微博, Douyin, 视频号 ...): the project's own name for it, else the
     * shipped one; a code without a name (unknown) as it is.
     */
    public String platform(String code) {
        for (PlatformTable.Platform platform : projectPlatforms) {
            if (platform.code().equals(code)) {
                return isChinese() ? platform.nameZh() : platform.nameEn();
            }
        }
        String key = "platform." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    public String integer(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(share);
    }

    /**
     * An amount of yuan read at a glance (a total, a mean, a bar): ¥213.4万 in Chinese, ¥2,133,569 in English.
     * Tables of records (the Data view, the import preview) show exact amounts instead.
     */
    public String yuan(double amount) {
        if (!Double.isFinite(amount)) {
            return NOT_A_NUMBER;
        }
        if (isChinese()) {
            return ChineseNumbers.yuan(amount);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(0);
        return "\u00a5" + format.format(amount);
    }

    /** A count read at a glance (a total on a tile): 4.52万 in Chinese, 45,210 in English. */
    public String count(double value) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        return isChinese() ? ChineseNumbers.of(value) : integer(Math.round(value));
    }

    /** Tick labels of an axis of counts or amounts: large ones as {@link #count} writes them, small ones as they are. */
    public javafx.util.StringConverter<Number> axisNumbers() {
        NumberFormat small = NumberFormat.getNumberInstance(locale());
        small.setMaximumFractionDigits(2);
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return Math.abs(value.doubleValue()) >= 10_000 ? count(value.doubleValue()) : small.format(value);
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }

    /** The locale of this language, for names the JDK knows (time zones, currencies) and for numbers. */
    public Locale locale() {
        return isChinese() ? Locale.SIMPLIFIED_CHINESE : Locale.US;
    }
}
