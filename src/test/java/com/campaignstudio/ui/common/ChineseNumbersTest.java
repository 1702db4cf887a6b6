package com.campaignstudio.ui.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChineseNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2133569     | ¥213.4万
            9999        | ¥9,999
            9999.4      | ¥9,999
            9999.5      | ¥1万
            10000       | ¥1万
            12345       | ¥1.23万
            56789       | ¥5.68万
            100000      | ¥10万
            150000      | ¥15万
            123456      | ¥12.3万
            12345678    | ¥1235万
            99994999    | ¥9999万
            99995000    | ¥1亿
            123456789   | ¥1.23亿
            120000000   | ¥1.2亿
            1234567890  | ¥12.3亿
            0           | ¥0
            -2133569    | -¥213.4万
            -123456789  | -¥1.23亿
            -42         | -¥42
            """)
    void yuanInWanAndYi(double amount, String written) {
        assertEquals(written, ChineseNumbers.yuan(amount));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3576        | 3,576
            45210       | 4.52万
            300000000   | 3亿
            -15000      | -1.5万
            """)
    void countsInWanAndYi(double count, String written) {
        assertEquals(written, ChineseNumbers.of(count));
    }
}
