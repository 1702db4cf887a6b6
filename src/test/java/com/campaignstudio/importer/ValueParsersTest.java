package com.campaignstudio.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The value forms of the import issue, each against the value it must give. */
class ValueParsersTest {

    private static final DateTimes SHANGHAI = new DateTimes(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024/3/5 21:07                | 2024-03-05T21:07
            2024/03/05 21:07:33           | 2024-03-05T21:07:33
            2024-03-05T21:07:00+08:00     | 2024-03-05T21:07
            2024-03-05T13:07:00Z          | 2024-03-05T21:07
            2024-03-05T21:07:00.250+0800  | 2024-03-05T21:07:00.250
            2024-03-05 13:07:00 +00:00    | 2024-03-05T21:07
            2024-03-05                    | 2024-03-05T00:00
            2024.3.5                      | 2024-03-05T00:00
            2024年3月5日                   | 2024-03-05T00:00
            2024年3月5日 21:07             | 2024-03-05T21:07
            2024年3月5日 21时07分           | 2024-03-05T21:07
            ２０２４年３月５日　２１：０７      | 2024-03-05T21:07
            20240305                      | 2024-03-05T00:00
            20240305 210700               | 2024-03-05T21:07
            1709644020                    | 2024-03-05T21:07
            1709644020000                 | 2024-03-05T21:07
            45356                         | 2024-03-05T00:00
            45356.875                     | 2024-03-05T21:00
            """)
    void readsEveryDateForm(String raw, String expected) throws ValueException {
        assertEquals(LocalDateTime.parse(expected), SHANGHAI.parse(raw));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3月5日 21:07       | 2024-11-25T10:00 | 2024-03-05T21:07
            3月5日            | 2024-11-25T10:00 | 2024-03-05T00:00
            12月30日 08:00     | 2024-11-25T10:00 | 2023-12-30T08:00
            11月26日 09:00     | 2024-11-25T10:00 | 2024-11-26T09:00
            03-05 21:07       | 2024-11-25T10:00 | 2024-03-05T21:07
            12/31 23:59:59    | 2025-01-02T10:00 | 2024-12-31T23:59:59
            """)
    void aDateWithoutAYearIsTheLatestThatIsNotInTheFuture(String raw, String now, String expected) throws ValueException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        java.time.Clock clock = java.time.Clock.fixed(LocalDateTime.parse(now).atZone(zone).toInstant(), zone);
        assertEquals(LocalDateTime.parse(expected), new DateTimes(zone, clock, false).parse(raw));
    }

    @ParameterizedTest(name = "{0}, day first: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12/1/2010 8:26      | false | 2010-12-01T08:26
            12/1/2010 8:26      | true  | 2010-01-12T08:26
            3/5/2024            | false | 2024-03-05T00:00
            25/12/2010 23:59:01 | true  | 2010-12-25T23:59:01
            12/1/2010 8:26 PM   | false | 2010-12-01T20:26
            12/1/2010 12:05 AM  | false | 2010-12-01T00:05
            05.03.2024 21:07    | true  | 2024-03-05T21:07
            """)
    void datesWithTheYearLastFollowTheFilesOrder(String raw, boolean dayFirst, String expected) throws ValueException {
        assertEquals(LocalDateTime.parse(expected), SHANGHAI.withDayFirst(dayFirst).parse(raw));
    }

    @Test
    void theDayFirstOrderIsReadFromTheFirstValueThatTellsIt() {
        assertEquals(false, DateTimes.dayFirstIn(java.util.List.of("12/1/2010 8:26", "12/13/2010 9:00", "25/12/2010")));
        assertEquals(true, DateTimes.dayFirstIn(java.util.List.of("12/1/2010 8:26", "25/12/2010 9:00")));
        assertEquals(false, DateTimes.dayFirstIn(java.util.List.of("12/1/2010", "2024/3/5")));
        assertEquals(true, DateTimes.dayFirstIn(java.util.List.of("05.03.2024", "06.03.2024")), "dots: day first");
    }

    @Test
    void excelsTextGuardsAroundNumbersAreRemoved() throws ValueException {
        assertEquals("2024030512345678", Text.normalize("=\"2024030512345678\""));
        assertEquals("00123", Text.normalize("'00123"));
        assertEquals("'Tis", Text.normalize("'Tis"));
        assertEquals(new BigDecimal("1299.00"), Amounts.parse("=\"1299.00\"").amount());
        assertEquals(new BigDecimal("1299.00"), Amounts.parse("'1299").amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024/13/05", "2024-02-30", "yesterday", "13/13/2024", "1850-01-01", "12:30", "2024-03-05 25:00"})
    void rejectsWhatIsNotADate(String raw) {
        assertThrows(ValueException.class, () -> SHANGHAI.parse(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ¥1,299.00   | 1299.00   | CNY
            ￥88         | 88.00     | CNY
            1299元       | 1299.00   | CNY
            $12.50      | 12.50     | USD
            RMB 99      | 99.00     | CNY
            1.2万元      | 12000.00  | CNY
            ￥１，２９９．５  | 1299.50 | CNY
            -5.00       | -5.00     | ''
            (5.00)      | -5.00     | ''
            ¥-30        | -30.00    | CNY
            1.299,00    | 1299.00   | ''
            0.005       | 0.01      | ''
            1 299,00    | 1299.00   | ''
            1 299,50   | 1299.50   | ''
            1'299.00    | 1299.00   | ''
            12,5        | 12.50     | ''
            €12,50      | 12.50     | EUR
            99-         | -99.00    | ''
            1.5亿元      | 150000000.00 | CNY
            3亿         | 300000000.00 | ''
            12.5美元     | 12.50     | USD
            1.5w        | 15000.00  | ''
            2.3k        | 2300.00   | ''
            1.2M        | 1200000.00 | ''
            ２．５万      | 25000.00  | ''
            """)
    void readsEveryAmountForm(String raw, String amount, String currency) throws ValueException {
        Amounts.Money money = Amounts.parse(raw);
        assertEquals(new BigDecimal(amount), money.amount());
        assertEquals(currency, money.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"free", "12.3.4", "¥", "1,2,3", "12 34"})
    void rejectsWhatIsNotAnAmount(String raw) {
        assertThrows(ValueException.class, () -> Amounts.parse(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1,234   | 1234
            1.2万    | 12000
            3亿      | 300000000
            1.5w    | 15000
            1.5W    | 15000
            2.3k    | 2300
            10万+    | 100000
            ８８     | 88
            1.2M    | 1200000
            """)
    void readsEveryCountForm(String raw, long expected) throws ValueException {
        assertEquals(expected, Counts.parseCount(raw));
    }

    @Test
    void readsRates() throws ValueException {
        assertEquals(0.12, Counts.parseRate("12%"), 1e-12);
        assertEquals(0.12, Counts.parseRate("0.12"), 1e-12);
        assertEquals(0.125, Counts.parseRate("12.5%"), 1e-12);
        assertEquals(0.12, Counts.parseRate("１２％"), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-", "--", "null", "N/A", "无", "\u3000"})
    void blanksAreNoValue(String raw) throws ValueException {
        assertNull(SHANGHAI.parse(raw));
        assertNull(Amounts.parse(raw));
        assertNull(Counts.parseCount(raw));
    }
}
