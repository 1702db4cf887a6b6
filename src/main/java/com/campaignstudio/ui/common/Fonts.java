package com.campaignstudio.ui.common;

import javafx.scene.Parent;
import javafx.scene.text.Font;

import java.util.List;
import java.util.Optional;

/**
 * The font of the interface, chosen for its language. Chinese text is set in a Chinese font, whose punctuation
 * (，。“”……) has the Chinese shapes and widths. English text is set in a Latin font: a Chinese font draws ’ and …
 * as full-width glyphs ("customer’ s", "New project···"), while a Latin font draws them as Latin and JavaFX finds
 * Chinese glyphs (platform names, the user's data) in a fallback font. Named explicitly for both languages: the
 * system font is whatever suited the computer's language when the application started, which after a switch of
 * language may be the other one.
 */
public final class Fonts {

    /** Chinese fonts of Linux, Windows and macOS, in order of preference. */
    private static final List<String> CHINESE = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
            "PingFang SC");
    /** Latin fonts of Windows, macOS and Linux, in order of preference. */
    private static final List<String> LATIN = List.of("Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans",
            "Liberation Sans");

    private Fonts() {
    }

    /** Sets the font of {@code root} (and so of everything in it) for the language of {@code text}. */
    public static void use(Parent root, UiText text) {
        root.setStyle((text.isChinese() ? Installed.CHINESE : Installed.LATIN)
                .map(family -> "-fx-font-family: \"" + family + "\";").orElse(""));
    }

    /** Looked up once: listing the installed fonts takes a while. */
    private static final class Installed {
        static final Optional<String> CHINESE = first(Fonts.CHINESE);
        static final Optional<String> LATIN = first(Fonts.LATIN);

        private static Optional<String> first(List<String> families) {
            List<String> installed = Font.getFamilies();
            return families.stream().filter(installed::contains).findFirst();
        }
    }
}
