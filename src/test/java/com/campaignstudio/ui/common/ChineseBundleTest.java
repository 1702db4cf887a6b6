package com.campaignstudio.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Chinese message is written in Chinese, including those no UI test reaches (errors, progress, notes):
 * the companion of {@code NoEnglishInChineseUiTest}, which looks at what is on screen.
 */
class ChineseBundleTest {

    private static final ResourceBundle CHINESE = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();
    /** Messages with Latin text in them on purpose, each with the reason. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "segment.note.noMap", "a library's name and the command that installs it, typed as written",
            "segment.error.noBlas", "a library's name and the command that installs it, typed as written",
            "segments.map.none", "a library's name and the command that installs it, typed as written",
            "reject.platform", "an option of the command line, typed as written",
            "funnel.error.unknownStep", "purchase, a step name of the command line, typed as written",
            "dialog.backup.item", "MB, the unit as Chinese software writes it");

    @Test
    void chineseMessagesHaveNoEnglishWords() {
        List<String> english = new ArrayList<>();
        for (String key : new TreeSet<>(CHINESE.keySet())) {
            if (EXCEPTIONS.containsKey(key)) {
                continue;
            }
            if (!LatinWords.in(CHINESE.getString(key).replaceAll("\\{\\d+}", " ")).isEmpty()) {
                english.add(key + ": " + CHINESE.getString(key));
            }
        }
        assertEquals(List.of(), english);
    }

    @Test
    void theExceptionsStillNeedToBeExceptions() {
        for (String key : EXCEPTIONS.keySet()) {
            boolean latin = CHINESE.containsKey(key) && !LatinWords.in(CHINESE.getString(key)).isEmpty();
            assertEquals(true, latin, key + " is gone or has no Latin words any more: drop it from the exceptions");
        }
    }
}
