package com.campaignstudio.ui.common;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UiTextTest {

    @Test
    void englishIsEnglishOnAChineseComputer() {
        Locale computer = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("_File", new UiText(Locale.ENGLISH).get("menu.file"));
            assertEquals("_File", new UiText(Locale.GERMAN).get("menu.file"), "a language without strings: English");
            assertEquals("文件(_F)", new UiText(Locale.SIMPLIFIED_CHINESE).get("menu.file"));
        } finally {
            Locale.setDefault(computer);
        }
    }

    @Test
    void figuresReadAtAGlanceUseWanAndYiInChineseOnly() {
        assertEquals("¥213.4万", new UiText(Locale.SIMPLIFIED_CHINESE).yuan(2_133_569));
        assertEquals("¥2,133,569", new UiText(Locale.ENGLISH).yuan(2_133_569));
        assertEquals("4.52万", new UiText(Locale.SIMPLIFIED_CHINESE).count(45_210));
        assertEquals("45,210", new UiText(Locale.ENGLISH).count(45_210));
        assertEquals("45,210", new UiText(Locale.SIMPLIFIED_CHINESE).integer(45_210), "exact where exactness matters");
        assertEquals("\u2013", new UiText(Locale.SIMPLIFIED_CHINESE).yuan(Double.NaN), "a figure not worked out");
    }
}
