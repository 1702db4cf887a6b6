package com.campaignstudio.portrait;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values as platforms export them, one row per exported form, and what the portrait makes of each. */
class NormalisationTest {

    @ParameterizedTest(name = "gender \"{0}\" is {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "男|MALE", "男性|MALE", "male|MALE", "Male|MALE", "M|MALE", "m|MALE", " MALE |MALE", "Ｍ|MALE",
            "女|FEMALE", "女性|FEMALE", "female|FEMALE", "F|FEMALE", "f|FEMALE", "Woman|FEMALE",
            "其他|OTHER", "other|OTHER",
            "未知|UNKNOWN", "unknown|UNKNOWN", "保密|UNKNOWN", "''|UNKNOWN", "NULL|UNKNOWN", "-|UNKNOWN",
            "x|UNKNOWN"})
    void genders(String exported, Gender expected) {
        assertEquals(expected, Gender.of(exported));
    }

    @ParameterizedTest(name = "age \"{0}\" is {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "<18|UNDER_18", "18以下|UNDER_18", "18岁以下|UNDER_18", "under 18|UNDER_18", "0-17|UNDER_18", "16|UNDER_18",
            "18-23|FROM_18_TO_23", "18-24|FROM_18_TO_23", "18~24岁|FROM_18_TO_23", "18-24 years|FROM_18_TO_23",
            "24-30|FROM_24_TO_30", "25-30岁|FROM_24_TO_30", "25–34|FROM_24_TO_30", "25—30|FROM_24_TO_30",
            "２５－３０岁|FROM_24_TO_30", "25至30岁|FROM_24_TO_30", "27|FROM_24_TO_30", "27岁|FROM_24_TO_30",
            "31-40|FROM_31_TO_40", "31-40岁|FROM_31_TO_40", "35-44|FROM_31_TO_40",
            "41-50|FROM_41_TO_50", "45-54|FROM_41_TO_50",
            "50+|OVER_50", "50岁以上|OVER_50", ">50|OVER_50", "55+|OVER_50", "51-60|OVER_50",
            "未知|UNKNOWN", "''|UNKNOWN", "NULL|UNKNOWN", "不详|UNKNOWN", "90后|UNKNOWN", "adult|UNKNOWN"})
    void ageBands(String exported, AgeBand expected) {
        assertEquals(expected, AgeBand.of(exported));
    }

    @ParameterizedTest(name = "region \"{0}\" is {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "广东|广东", "广东省|广东", "Guangdong|广东", "guangdong province|广东", " 广东省 |广东",
            "北京|北京", "北京市|北京", "Beijing|北京", "Beijing Municipality|北京", "Peking|北京",
            "广西壮族自治区|广西", "内蒙古自治区|内蒙古", "Inner Mongolia|内蒙古", "新疆维吾尔自治区|新疆",
            "宁夏回族自治区|宁夏", "西藏自治区|西藏", "Tibet|西藏", "香港特别行政区|香港", "Hong Kong SAR|香港",
            "Macau|澳门", "Shaanxi|陕西", "Shanxi|山西",
            "广州市|广州", "广州|广州", "Shenzhen City|Shenzhen", "Singapore|Singapore",
            "未知|unknown", "''|unknown", "NULL|unknown", "unknown|unknown", "其他|unknown"})
    void regions(String exported, String expected) {
        assertEquals(expected, Regions.of(exported));
    }

    @ParameterizedTest(name = "a mean order of {0} yuan is in band {1}")
    @CsvSource({"0,BELOW_50", "49.99,BELOW_50", "50,FROM_50", "99,FROM_50", "100,FROM_100", "199.5,FROM_100",
            "200,FROM_200", "499,FROM_200", "500,FROM_500", "999,FROM_500", "1000,FROM_1000", "1999,FROM_1000",
            "2000,FROM_2000", "25000,FROM_2000"})
    void priceBands(double yuan, PriceBand expected) {
        assertEquals(expected, PriceBand.of(yuan));
    }

    @ParameterizedTest(name = "{0} days of following is {1}")
    @CsvSource({"-3,UNDER_1_MONTH", "0,UNDER_1_MONTH", "29,UNDER_1_MONTH", "30,FROM_1_MONTH", "90,FROM_1_MONTH",
            "91,FROM_3_MONTHS", "181,FROM_3_MONTHS", "182,FROM_6_MONTHS", "364,FROM_6_MONTHS", "365,FROM_1_YEAR",
            "729,FROM_1_YEAR", "730,FROM_2_YEARS"})
    void tenureBands(long days, TenureBand expected) {
        assertEquals(expected, TenureBand.ofDays(days));
    }
}
