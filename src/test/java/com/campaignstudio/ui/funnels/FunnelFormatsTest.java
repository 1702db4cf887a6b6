package com.campaignstudio.ui.funnels;

import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.UiText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the funnel tab writes periods, windows, durations and the engine's reasons, in both languages. */
class FunnelFormatsTest {

    private final FunnelFormats english = new FunnelFormats(new UiText(Locale.ENGLISH));
    private final FunnelFormats chinese = new FunnelFormats(new UiText(Locale.SIMPLIFIED_CHINESE));

    @Test
    void aPeriodsLabelGivesBackItsNumberAcrossYearEnds() {
        for (int week = Period.WEEK.ofDay(LocalDate.of(2019, 12, 1).toEpochDay());
             week < Period.WEEK.ofDay(LocalDate.of(2027, 2, 1).toEpochDay()); week++) {
            assertEquals(week, FunnelFormats.periodNumber(Period.WEEK, Period.WEEK.label(week)), Period.WEEK.label(week));
        }
        int march = Period.MONTH.ofDay(LocalDate.of(2025, 3, 1).toEpochDay());
        assertEquals(march, FunnelFormats.periodNumber(Period.MONTH, "2025-03"));
        assertEquals("Mar 2025", english.period(Period.MONTH, "2025-03"));
        assertEquals("2025年3月", chinese.period(Period.MONTH, "2025-03"));
        assertEquals("Week 1 of 2026", english.period(Period.WEEK, "2026-W01"));
        assertEquals("2026年第1周", chinese.period(Period.WEEK, "2026-W01"));
    }

    @Test
    void aWindowIsWrittenInItsLargestWholeUnitWeeksFromTwoOn() {
        assertEquals("7 days", english.window(Duration.ofDays(7)));
        assertEquals("2 weeks", english.window(Duration.ofDays(14)));
        assertEquals("1 hour", english.window(Duration.ofHours(1)));
        assertEquals("90 minutes", english.window(Duration.ofMinutes(90)));
        assertEquals("36 小时", chinese.window(Duration.ofHours(36)));
        assertEquals(WindowUnit.DAYS, WindowUnit.largestDividing(Duration.ofDays(7)));
        assertEquals(WindowUnit.WEEKS, WindowUnit.largestDividing(Duration.ofDays(21)));
    }

    @Test
    void durationsAndHistogramUnitsReadAtAGlance() {
        assertEquals("45 s", english.duration(45));
        assertEquals("12 min", english.duration(12 * 60));
        assertEquals("5.5 h", english.duration(5.5 * 3600));
        assertEquals("3.2 天", chinese.duration(3.2 * 86_400));
        assertEquals(WindowUnit.DAYS, FunnelFormats.binUnit(Duration.ofDays(7)));
        assertEquals(WindowUnit.HOURS, FunnelFormats.binUnit(Duration.ofHours(12)));
        assertEquals(WindowUnit.MINUTES, FunnelFormats.binUnit(Duration.ofMinutes(30)));
        assertEquals("0.25", english.inUnit(6 * 3600, WindowUnit.DAYS));
    }

    @Test
    void theEnginesReasonsNameStepsAndWindowsInTheUsersLanguage() {
        FunnelDefinition definition = new FunnelDefinition(List.of("view", "click"), Duration.ofDays(3),
                StepOrder.STRICT);
        Reason window = Reason.of("funnel.error.windowExcludesEveryone", "3d", "click", "view", 12);
        assertEquals("A window of 3 days excludes everyone: nobody reached Click within it after View, while 12 "
                + "people did later. Widen the window.", english.reason(window, definition));
        assertEquals("3 天 的转化窗口把所有人都排除了：在 浏览 之后的窗口内没有人到达 点击，但有 12 人在更晚时到达。请放宽窗口。",
                chinese.reason(window, definition));
        assertEquals("按活动拆分需要购买步骤：只有订单带有这一属性。",
                chinese.reason(Reason.of("funnel.error.breakdownNeedsPurchase", "campaign"), definition));
        assertEquals("购买", chinese.step("purchase"));
        assertEquals("my_kind", chinese.step("my_kind"), "a kind of the user's own, as it is");
    }
}
