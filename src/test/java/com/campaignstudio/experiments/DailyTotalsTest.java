package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Daily running totals read from text as a file, a paste from a spreadsheet or typing give them. */
class DailyTotalsTest {

    private static final List<SequentialTest.Day> TWO_DAYS = List.of(
            new SequentialTest.Day("2026-03-01", 500, 50, 500, 55),
            new SequentialTest.Day("2026-03-02", 1000, 100, 1000, 130));

    @Test
    void aCsvFileWithAByteOrderMarkAndAHeaderGivesItsDays() {
        assertEquals(TWO_DAYS, DailyTotals.parse("\uFEFFday,visitors_a,conversions_a,visitors_b,conversions_b\r\n"
                + "2026-03-01,500,50,500,55\r\n2026-03-02,1000,100,1000,130\r\n"));
    }

    @Test
    void aPasteFromASpreadsheetIsSeparatedByTabsAndMayGroupDigits() {
        assertEquals(TWO_DAYS, DailyTotals.parse("2026-03-01\t500\t50\t500\t55\n2026-03-02\t1,000\t100\t1,000\t130"));
    }

    @Test
    void semicolonsSeparateToo() {
        assertEquals(TWO_DAYS, DailyTotals.parse("2026-03-01;500;50;500;55\n2026-03-02;1 000;100;1 000;130"));
    }

    @Test
    void withoutADayColumnTheDaysAreNumberedAndBlankAndCommentLinesAreSkipped() {
        assertEquals(List.of(new SequentialTest.Day("1", 500, 50, 500, 55), new SequentialTest.Day("2", 1000, 100,
                1000, 130)), DailyTotals.parse("# week one\n\n500,50,500,55\n   \n1000,100,1000,130\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1,2,3                          | experiment.daily.error.columns | 1 | 3
            day,a,b,c,d\\n2026-03-01,5x,1,2,1 | experiment.daily.error.number | 2 | 2
            2026-03-01,500,50,500,1.5      | experiment.daily.error.number  | 1 | 5
            """)
    void aLineThatIsNotADaySaysWhichLineAndColumn(String text, String key, String line, String detail) {
        ExperimentException problem = assertThrows(ExperimentException.class,
                () -> DailyTotals.parse(text.replace("\\n", "\n")));
        assertEquals(key, problem.reason().key());
        assertEquals(line, problem.reason().arguments().get(0));
        assertEquals(detail, problem.reason().arguments().get(1));
    }

    @Test
    void negativeCountsAreLeftForTheTestToRefuseWithTheDayAndArm() {
        List<SequentialTest.Day> days = DailyTotals.parse("2026-03-01,500,50,500,-1");
        ExperimentException problem = assertThrows(ExperimentException.class,
                () -> SequentialTest.run(days, SequentialTest.Settings.of(0.05, 0.01)));
        assertEquals(List.of("2026-03-01", "B", "500", "-1"), problem.reason().arguments());
    }

    @Test
    void nothingButAHeaderIsNoDays() {
        ExperimentException problem = assertThrows(ExperimentException.class,
                () -> DailyTotals.parse("day,visitors_a,conversions_a,visitors_b,conversions_b\n"));
        assertEquals("experiment.sequential.error.empty", problem.reason().key());
    }
}
