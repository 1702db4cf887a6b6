package com.campaignstudio.ltv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Predicted against actual repeat purchases: cumulative per period from the first purchase in the data
 * (the "tracking plot"), and in the hold-out per calibration frequency (the conditional expectations).
 * New customers' expected repeats come from E[X(t)] by cohort of first-purchase day.
 */
final class ModelChecks {

    private static final int TOP_FREQUENCY = 7;

    private ModelChecks() {
    }

    static LtvResult.ModelCheck of(CustomerSummary summary, Repeats.Collapsed histories, BgNbd bg) {
        double unit = summary.unit().days();
        int start = java.util.Arrays.stream(summary.firstDay()).min().orElse(0);
        long end = summary.dataEnd().toEpochDay();
        long calibrationEnd = summary.calibrationEnd().toEpochDay();
        int periods = (int) Math.ceil((end - start + 1) / unit);
        Map<Integer, Long> cohorts = new TreeMap<>();
        for (int day : summary.firstDay()) {
            cohorts.merge(day, 1L, Long::sum);
        }
        double[] weeks = new double[periods];
        double[] predicted = new double[periods];
        for (int p = 0; p < periods; p++) {
            weeks[p] = p + 1;
            double t = start + (p + 1) * unit;
            double expected = 0;
            for (Map.Entry<Integer, Long> cohort : cohorts.entrySet()) {
                double age = (t - cohort.getKey()) / unit;
                if (age > 0) {
                    expected += cohort.getValue() * bg.expectedPurchasesOfNewCustomer(age);
                }
            }
            predicted[p] = expected;
        }
        double[] actual = actualCumulative(summary, start, periods, unit);
        double[] expectedOfHistory = expectedInHoldout(histories.repeats(), bg, summary.holdoutLength());
        List<LtvResult.FrequencyCheck> byFrequency = new ArrayList<>();
        double[] actualSum = new double[TOP_FREQUENCY + 1];
        double[] predictedSum = new double[TOP_FREQUENCY + 1];
        long[] count = new long[TOP_FREQUENCY + 1];
        double predictedTotal = 0;
        double actualTotal = 0;
        for (int i = 0; i < summary.size(); i++) {
            int group = Math.min(TOP_FREQUENCY, summary.x()[i]);
            double expected = expectedOfHistory[histories.historyOf()[i]];
            actualSum[group] += summary.holdoutRepeats()[i];
            predictedSum[group] += expected;
            count[group]++;
            predictedTotal += expected;
            actualTotal += summary.holdoutRepeats()[i];
        }
        for (int x = 0; x <= TOP_FREQUENCY; x++) {
            if (count[x] > 0) {
                byFrequency.add(new LtvResult.FrequencyCheck(x, count[x], actualSum[x] / count[x], predictedSum[x] / count[x]));
            }
        }
        int calibrationPeriods = (int) Math.floor((calibrationEnd + 1 - start) / unit);
        return new LtvResult.ModelCheck(weeks, actual, predicted, calibrationPeriods, byFrequency, predictedTotal,
                actualTotal);
    }

    /** E[Y(hold-out length)] per history; the part given alive is shared by adjacent histories with one (x, T). */
    private static double[] expectedInHoldout(Repeats repeats, BgNbd bg, double length) {
        double[] expected = new double[repeats.size()];
        double ifAlive = 0;
        for (int h = 0; h < repeats.size(); h++) {
            if (repeats.firstWithItsXAndT(h)) {
                ifAlive = bg.expectedPurchasesIfAlive(length, repeats.x()[h], repeats.T()[h]);
            }
            expected[h] = bg.probabilityAlive(repeats.x()[h], repeats.tx()[h], repeats.T()[h]) * ifAlive;
        }
        return expected;
    }

    /** Actual cumulative repeat occasions at the end of each period, from their days. */
    private static double[] actualCumulative(CustomerSummary summary, int start, int periods, double unit) {
        double[] perPeriod = new double[periods];
        long[] byDay = summary.repeatsByDay();
        for (int d = 0; d < byDay.length; d++) {
            int period = (int) ((summary.firstRepeatDay() + d - start) / unit);
            perPeriod[Math.max(0, Math.min(periods - 1, period))] += byDay[d];
        }
        double[] cumulative = new double[periods];
        double running = 0;
        for (int p = 0; p < periods; p++) {
            running += perPeriod[p];
            cumulative[p] = running;
        }
        return cumulative;
    }
}
