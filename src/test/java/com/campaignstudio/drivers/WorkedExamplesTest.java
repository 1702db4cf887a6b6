package com.campaignstudio.drivers;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimators against examples whose answers are known exactly. */
class WorkedExamplesTest {

    /** Anscombe's quartet, set I (Anscombe 1973). */
    private static final double[] ANSCOMBE_X = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
    private static final double[] ANSCOMBE_Y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};

    @Test
    void leastSquaresReproducesAnscombesFirstSetAsRsLmReportsIt() throws Exception {
        DriverTable table = new Tables().number(DriverInput.VIEWS, ANSCOMBE_X).orders(ANSCOMBE_Y);

        DriversResult result = Drivers.fit(table, Outcome.ORDERS, List.of(DriverInput.VIEWS), TaskContext.silent());

        // R: lm(y1 ~ x1, anscombe): (Intercept) 3.0001 (SE 1.1247), x1 0.5001 (SE 0.1179, t 4.241, p 0.00217),
        // R² 0.6665. By hand: Sxx = 110, Sxy = 55.01, slope 55.01 / 110; RSS = 13.76269, s² = RSS / 9.
        Term slope = result.terms().getFirst();
        assertEquals(55.01 / 110, slope.estimate(), 1e-12);
        assertEquals(7.500909090909091 - 9 * 55.01 / 110, result.intercept(), 1e-9);
        assertEquals(0.1179, slope.standardError(), 5e-5);
        assertEquals(Math.sqrt(13.76269 / 9 / 110), slope.standardError(), 1e-6);
        assertEquals(0.00217, slope.pValue(), 5e-6);
        assertEquals(0.6665, result.fit(), 5e-5);
        // t(9) 97.5% quantile 2.262157.
        assertEquals(slope.estimate() - 2.262157 * slope.standardError(), slope.low(), 1e-5);
        assertEquals(slope.estimate() + 2.262157 * slope.standardError(), slope.high(), 1e-5);
        assertEquals(1.0, slope.vif(), 1e-12);
    }

    @Test
    void aTwoByTwoTablesLogisticCoefficientIsItsLogOddsRatioWithWoolfsStandardError() throws Exception {
        // Weibo (the commoner platform, so the reference): 40 bought, 160 did not; Douyin: 30 bought, 70 did not.
        int a = 30;
        int b = 70;
        int c = 40;
        int d = 160;
        DriverTable table = twoByTwo(a, b, c, d);

        DriversResult result = Drivers.fit(table, Outcome.BOUGHT, List.of(DriverInput.PLATFORM), TaskContext.silent());

        Term douyin = result.terms().getFirst();
        assertEquals("weibo", result.references().get(DriverInput.PLATFORM));
        assertEquals("douyin", douyin.level());
        assertEquals(Math.log((double) a * d / (b * c)), douyin.estimate(), 1e-9);
        assertEquals(Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d), douyin.standardError(), 1e-9);
        assertEquals(Math.log((double) c / d), result.intercept(), 1e-9);
        assertEquals((double) a * d / (b * c), douyin.effect(), 1e-9);
        assertEquals(Math.exp(douyin.estimate() - 1.959964 * douyin.standardError()), douyin.effectLow(), 1e-5);
        // A level is compared at the reference: 30% of Douyin's followers bought against 20% of Weibo's.
        assertEquals(0.30 - 0.20, douyin.pointsAtMean(), 1e-9);
        double lowOdds = 0.25 * Math.exp(douyin.low());
        assertEquals(lowOdds / (1 + lowOdds) - 0.20, douyin.pointsLow(), 1e-9);
        double highOdds = 0.25 * Math.exp(douyin.high());
        assertEquals(highOdds / (1 + highOdds) - 0.20, douyin.pointsHigh(), 1e-9);
        // Wald z = 0.538997 / 0.280837 = 1.9193: two-sided p 0.0549.
        assertEquals(0.0549, douyin.pValue(), 1e-4);
    }

    @Test
    void eachLevelOfAThreeLevelInputIsComparedWithTheReference() throws Exception {
        List<String> levels = new ArrayList<>();
        List<Boolean> bought = new ArrayList<>();
        add(levels, bought, "wechat", 50, 250);
        add(levels, bought, "zhihu", 20, 30);
        add(levels, bought, "bilibili", 10, 90);
        DriverTable table = new Tables().category(DriverInput.PLATFORM, levels.toArray(String[]::new))
                .bought(toArray(bought));

        DriversResult result = Drivers.fit(table, Outcome.BOUGHT, List.of(DriverInput.PLATFORM), TaskContext.silent());

        assertEquals("wechat", result.references().get(DriverInput.PLATFORM));
        Term bilibili = result.terms().stream().filter(t -> t.level().equals("bilibili")).findFirst().orElseThrow();
        Term zhihu = result.terms().stream().filter(t -> t.level().equals("zhihu")).findFirst().orElseThrow();
        assertEquals(Math.log((20.0 / 30) / (50.0 / 250)), zhihu.estimate(), 1e-9);
        assertEquals(Math.sqrt(1 / 20.0 + 1 / 30.0 + 1 / 50.0 + 1 / 250.0), zhihu.standardError(), 1e-9);
        assertEquals(Math.log((10.0 / 90) / (50.0 / 250)), bilibili.estimate(), 1e-9);
        assertEquals(Math.sqrt(1 / 10.0 + 1 / 90.0 + 1 / 50.0 + 1 / 250.0), bilibili.standardError(), 1e-9);
    }

    @Test
    void aLinearModelOfALevelIsTheDifferenceOfTheGroupMeans() throws Exception {
        // Weibo: 0, 1, 2 (mean 1); Douyin: 3, 5 (mean 4). Pooled s² = (2 + 2) / 3, SE = s sqrt(1/3 + 1/2).
        DriverTable table = new Tables()
                .category(DriverInput.PLATFORM, "weibo", "weibo", "weibo", "douyin", "douyin")
                .orders(0, 1, 2, 3, 5);

        DriversResult result = Drivers.fit(table, Outcome.ORDERS, List.of(DriverInput.PLATFORM), TaskContext.silent());

        Term douyin = result.terms().getFirst();
        assertEquals(3.0, douyin.estimate(), 1e-12);
        assertEquals(Math.sqrt(4.0 / 3 * (1.0 / 3 + 1.0 / 2)), douyin.standardError(), 1e-12);
        assertEquals(1.0, result.intercept(), 1e-12);
        assertEquals(3.0, douyin.effect(), 1e-12);
    }

    @Test
    void sentencesStateTheEffectPerRoundStepAndSayGoesWith() throws Exception {
        DriverText english = DriverText.english();
        DriversResult linear = Drivers.fit(new Tables().number(DriverInput.VIEWS, ANSCOMBE_X).orders(ANSCOMBE_Y),
                Outcome.ORDERS, List.of(DriverInput.VIEWS), TaskContext.silent());
        // The views' standard deviation is sqrt(10) = 3.16, so the step is 10 views: 10 x 0.50009 = 5.0.
        assertEquals(10, linear.terms().getFirst().unit());
        assertEquals("Each extra 10 views goes with about 5 more orders per follower.",
                english.sentence(linear.terms().getFirst(), linear));

        DriversResult logistic = Drivers.fit(twoByTwo(30, 70, 40, 160), Outcome.BOUGHT,
                List.of(DriverInput.PLATFORM), TaskContext.silent());
        // The interval (0.989 to 2.97) includes an odds ratio of 1, so the sentence says the data cannot tell.
        assertEquals("Being on Douyin rather than on Weibo goes with the odds of buying multiplied by 1.71 (about +10.0 "
                        + "percentage points at the average). The 95% interval includes no link at all, so the data "
                        + "cannot tell which way it goes.",
                english.sentence(logistic.terms().getFirst(), logistic));
        DriverText chinese = new DriverText(java.util.ResourceBundle.getBundle("com.campaignstudio.i18n.messages",
                java.util.Locale.SIMPLIFIED_CHINESE), code -> code.equals("douyin") ? "抖音" : "微博");
        String sentence = chinese.sentence(logistic.terms().getFirst(), logistic);
        assertEquals("在抖音而非在微博，伴随购买几率比乘以 1.71（在平均水平上购买概率约变化 +10.0 个百分点）。"
                + "95% 区间包含“毫无关联”，数据无法判断方向。", sentence);
    }

    @Test
    void stepsAreRoundNumbersNearOneStandardDeviation() {
        assertEquals(1, Drivers.unit(0.3));
        assertEquals(1, Drivers.unit(2.9));
        assertEquals(10, Drivers.unit(3.2));
        assertEquals(100, Drivers.unit(250));
        assertEquals(1000, Drivers.unit(1500));
    }

    static DriverTable twoByTwo(int boughtOther, int notOther, int boughtReference, int notReference) {
        List<String> levels = new ArrayList<>();
        List<Boolean> bought = new ArrayList<>();
        add(levels, bought, "weibo", boughtReference, notReference);
        add(levels, bought, "douyin", boughtOther, notOther);
        return new Tables().category(DriverInput.PLATFORM, levels.toArray(String[]::new)).bought(toArray(bought));
    }

    private static void add(List<String> levels, List<Boolean> bought, String level, int buyers, int others) {
        for (int i = 0; i < buyers + others; i++) {
            levels.add(level);
            bought.add(i < buyers);
        }
    }

    static boolean[] toArray(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
