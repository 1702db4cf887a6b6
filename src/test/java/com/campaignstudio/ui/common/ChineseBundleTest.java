package com.campaignstudio.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Chinese message is written in Chinese, including those no UI test reaches (errors, progress, notes):
 * the companion of {@code NoEnglishInChineseUiTest}, which looks at what is on screen.
 */
class ChineseBundleTest {

    private static final ResourceBundle CHINESE = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])");
    /** As NoEnglishInChineseUiTest allows, and why: names Chinese users read as they are. */
    private static final List<Pattern> ALLOWED = List.of(Pattern.compile("Campaign Studio"),
            Pattern.compile("\\.(campaign|csv)\\b"), Pattern.compile("\\b(CSV|TSV|Excel|ID|GNU)\\b"),
            Pattern.compile("\\b(UTF-(8|16(LE|BE)?)|GB18030|GBK)\\b"));
    /** Messages with Latin text in them on purpose, each with the reason. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "segment.note.noMap", "a library's name and the command that installs it, typed as written",
            "segment.error.noBlas", "a library's name and the command that installs it, typed as written",
            "segments.map.none", "a library's name and the command that installs it, typed as written",
            "reject.platform", "an option of the command line, typed as written",
            "dialog.backup.item", "MB, the unit as Chinese software writes it",
            "ltv.forecast.summary", "replaced by the forecast candidates work of issue 12, on another branch");

    @Test
    void chineseMessagesHaveNoEnglishWords() {
        List<String> english = new ArrayList<>();
        for (String key : new TreeSet<>(CHINESE.keySet())) {
            if (EXCEPTIONS.containsKey(key)) {
                continue;
            }
            String message = CHINESE.getString(key).replaceAll("\\{\\d+}", " ");
            for (Pattern allowed : ALLOWED) {
                message = allowed.matcher(message).replaceAll(" ");
            }
            Matcher word = LATIN_WORD.matcher(message);
            if (word.find()) {
                english.add(key + ": " + CHINESE.getString(key));
            }
        }
        assertEquals(List.of(), english);
    }

    @Test
    void theExceptionsStillNeedToBeExceptions() {
        for (String key : EXCEPTIONS.keySet()) {
            boolean latin = CHINESE.containsKey(key)
                    && LATIN_WORD.matcher(CHINESE.getString(key).replace("Campaign Studio", " ")).find();
            assertEquals(true, latin, key + " is gone or has no Latin words any more: drop it from the exceptions");
        }
    }
}
