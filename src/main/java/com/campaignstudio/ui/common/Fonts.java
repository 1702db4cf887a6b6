package com.campaignstudio.ui.common;

import javafx.scene.Parent;
import javafx.scene.text.Font;

import java.util.List;
import java.util.Optional;

/**
 * The font of the interface, chosen for its language. Chinese text is set in a Chinese font, whose punctuation
 * (，。“”……) has the Chinese shapes and widths. English keeps the system font: a Chinese font draws ’ and … as
 * full-width glyphs ("customer’ s", "New project···"), while the system font draws them as Latin and still
 * finds Chinese glyphs (platform names, the user's data) in a fallback font.
 */
public final class Fonts {

    /** Chinese fonts of Linux, Windows and macOS, in order of preference. */
    private static final List<String> CHINESE = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
            "PingFang SC");

    private Fonts() {
    }

    /** Sets the font of {@code root} (and so of everything in it) for the language of {@code text}. */
    public static void use(Parent root, UiText text) {
        root.setStyle(text.isChinese() ? Installed.CHINESE.map(family -> "-fx-font-family: \"" + family + "\";")
                .orElse("") : "");
    }

    /** Looked up once: listing the installed fonts takes a while. */
    private static final class Installed {
        static final Optional<String> CHINESE = Fonts.CHINESE.stream().filter(Font.getFamilies()::contains).findFirst();
    }
}
