package com.campaignstudio.snapshot;

import com.campaignstudio.text.Reason;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A label's name in each language. */
class LabelTest {

    @Test
    void chineseGetsTheChineseNameEveryOtherLanguageTheEnglish() {
        Label douyin = new Label("douyin", "Douyin", "抖音");
        assertEquals("抖音", douyin.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("抖音", douyin.in(Locale.CHINESE));
        assertEquals("Douyin", douyin.in(Locale.ENGLISH));
        assertEquals("Douyin", douyin.in(Locale.GERMANY));
        Label unknown = Label.of("unknown", Reason.of("group.unknownPlatform"));
        assertEquals(unknown.english(), unknown.in(Locale.UK));
        assertEquals(unknown.chinese(), unknown.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(false, unknown.english().equals(unknown.chinese()), "both bundles name it");
    }
}
