package com.campaignstudio.importer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.ZoneId;

/** Random and mutated cells never make a parser fail with anything but a ValueException. */
class ValueParsersPropertiesTest {

    private static final DateTimes DATES = new DateTimes(ZoneId.of("Asia/Shanghai"));

    @Property(tries = 3000)
    void anyTextIsParsedOrRejectedCleanly(@ForAll("cells") String cell) {
        tryAll(cell);
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(40)
                .withChars("0123456789-/.:,年月日时分秒元万亿wWkK%¥￥$+() TZ\u3000１２：".toCharArray());
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> mutated = Arbitraries.of("2024/3/5 21:07", "¥1,299.00", "1.2万", "2024年3月5日", "45356.875",
                        "1709644020000", "2024-03-05T21:07:00+08:00")
                .flatMap(seed -> Arbitraries.integers().between(0, seed.length() - 1)
                        .flatMap(at -> Arbitraries.chars().map(c -> seed.substring(0, at) + c + seed.substring(at + 1))));
        return Arbitraries.oneOf(random, anything, mutated);
    }

    private static void tryAll(String cell) {
        try {
            DATES.parse(cell);
        } catch (ValueException expected) {
            // a clear rejection is fine
        }
        try {
            Amounts.parse(cell);
        } catch (ValueException expected) {
            // a clear rejection is fine
        }
        try {
            Counts.parseCount(cell);
        } catch (ValueException expected) {
            // a clear rejection is fine
        }
        try {
            Counts.parseRate(cell);
        } catch (ValueException expected) {
            // a clear rejection is fine
        }
    }
}
