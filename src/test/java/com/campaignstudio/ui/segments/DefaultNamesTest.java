package com.campaignstudio.ui.segments;

import com.campaignstudio.ui.common.UiText;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultNamesTest {

    private final DefaultNames chinese = new DefaultNames(new UiText(Locale.SIMPLIFIED_CHINESE));
    private final DefaultNames english = new DefaultNames(new UiText(Locale.ENGLISH));

    @Test
    void aSegmentationNamedByTheAppReadsInTheUsersLanguage() {
        assertEquals("分群 2026-05-01 10:00:00", chinese.segmentation("Segments 2026-05-01 10:00:00"));
        assertEquals("Segments 2026-05-01 10:00:00", english.segmentation("分群 2026-05-01 10:00:00"));
        assertEquals("分群 2026-05-01 10:00:00", chinese.segmentation("分群 2026-05-01 10:00:00"));
    }

    @Test
    void aSegmentNamedByTheAppReadsInTheUsersLanguage() {
        assertEquals("中潜力 2", chinese.segment("Medium potential 2"));
        assertEquals("高潜力", chinese.segment("High potential"));
        assertEquals("Low potential", english.segment("低潜力"));
    }

    @Test
    void namesTheUserGaveStayAsTheyAre() {
        assertEquals("Segments for the spring launch", chinese.segmentation("Segments for the spring launch"));
        assertEquals("Segments 2026-05-01", chinese.segmentation("Segments 2026-05-01"));
        assertEquals("High potential buyers", chinese.segment("High potential buyers"));
        assertEquals("铁粉", english.segment("铁粉"));
    }
}
