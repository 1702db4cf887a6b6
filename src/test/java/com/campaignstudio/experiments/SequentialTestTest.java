package com.campaignstudio.experiments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mSPRT: domain.md's formula on one day, its guarantee under daily peeking, and its verdicts. */
class SequentialTestTest {

    private static final double ALPHA = 0.05;

    @Test
    void oneDayIsDomainMdsFormula() {
        // n = 1000 per arm, p_A = 0.10, p_B = 0.13, tau = 0.02.
        SequentialTest.Result result = SequentialTest.run(List.of(new SequentialTest.Day("1", 1000, 100, 1000, 130)),
                SequentialTest.Settings.of(ALPHA, 0.02));
        double theta = 0.03;
        double v = (0.1 * 0.9 + 0.13 * 0.87) / 1000;
        double tau2 = 0.0004;
        double lambda = Math.sqrt(v / (v + tau2)) * Math.exp(tau2 * theta * theta / (2 * v * (v + tau2)));
        SequentialTest.Look look = result.looks().getFirst();
        assertEquals(theta, look.lift(), 1e-15);
        assertEquals(Math.min(1, 1 / lambda), look.pValue(), 1e-12);
        // The interval is where Lambda(theta0) < 1/alpha: at its ends Lambda equals 1/alpha.
        for (double end : new double[]{look.interval().low(), look.interval().high()}) {
            double gap = theta - end;
            double atEnd = Math.sqrt(v / (v + tau2)) * Math.exp(tau2 * gap * gap / (2 * v * (v + tau2)));
            assertEquals(1 / ALPHA, atEnd, 1e-9);
        }
    }

    @Test
    void thePValueNeverRisesAndTheIntervalOnlyNarrows() {
        List<SequentialTest.Day> days = simulate(new SplittableRandom(3), 0.10, 0.10, 300, 40);
        SequentialTest.Result result = SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02));
        for (int i = 1; i < result.looks().size(); i++) {
            SequentialTest.Look before = result.looks().get(i - 1);
            SequentialTest.Look now = result.looks().get(i);
            assertTrue(now.pValue() <= before.pValue());
            assertTrue(now.interval().low() >= before.interval().low());
            assertTrue(now.interval().high() <= before.interval().high());
        }
    }

    /**
     * The reason for the test: 2,000 seeded A/A experiments (both arms convert at 10%, 200 people per arm a day,
     * 30 days), each looked at every day. Declaring a difference at the first daily look where a fixed-sample
     * z-test gives p < 0.05 is wrong far more often than 5% of the time; the mSPRT stays at or below 5%. The
     * tolerance is three Monte Carlo standard errors of a 5% rate over 2,000 experiments (3 x 0.0049 = 0.015).
     */
    @Test
    void dailyPeekingKeepsFalsePositivesAtAlphaWhereTheNaiveTestInflatesThem() {
        SplittableRandom random = new SplittableRandom(20170301);
        int experiments = 2000;
        int msprtFalsePositives = 0;
        int naiveFalsePositives = 0;
        int agreeing = 0;
        int looks = 0;
        for (int e = 0; e < experiments; e++) {
            List<SequentialTest.Day> days = simulate(random, 0.10, 0.10, 200, 30);
            SequentialTest.Result result = SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02));
            if (result.looks().stream().anyMatch(look -> look.pValue() <= ALPHA)) {
                msprtFalsePositives++;
            }
            if (days.stream().anyMatch(day -> naivePValue(day) < ALPHA)) {
                naiveFalsePositives++;
            }
            for (SequentialTest.Look look : result.looks()) {
                looks++;
                if ((look.pValue() <= ALPHA) == !look.interval().contains(0)) {
                    agreeing++;
                }
            }
        }
        double msprtRate = (double) msprtFalsePositives / experiments;
        double naiveRate = (double) naiveFalsePositives / experiments;
        double tolerance = 3 * Math.sqrt(ALPHA * (1 - ALPHA) / experiments);
        assertTrue(msprtRate <= ALPHA + tolerance, "mSPRT false positives: " + msprtRate);
        assertTrue(naiveRate > 2 * ALPHA, "naive daily z-test false positives: " + naiveRate);
        assertTrue(naiveRate > msprtRate + 0.1, "mSPRT " + msprtRate + " against naive " + naiveRate);
        assertEquals(looks, agreeing, "p <= alpha exactly when the always-valid interval excludes 0");
    }

    @Test
    void aRealLiftIsFoundAndTheDayItWasFoundIsKept() {
        List<SequentialTest.Day> days = simulate(new SplittableRandom(5), 0.10, 0.13, 300, 30);
        SequentialTest.Result result = SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02));
        assertEquals(Verdict.B_WINS, result.verdict());
        SequentialTest.Look decided = result.decidedOn().orElseThrow();
        assertTrue(decided.pValue() <= ALPHA);
        assertTrue(decided.interval().low() > 0);
        int index = result.looks().indexOf(decided);
        assertTrue(result.looks().subList(0, index).stream().allMatch(look -> look.verdict() == Verdict.KEEP_RUNNING));
        assertTrue(result.looks().getLast().interval().contains(0.03), "the true lift is in the interval");
    }

    @Test
    void aRealLossIsFoundToo() {
        List<SequentialTest.Day> days = simulate(new SplittableRandom(6), 0.12, 0.08, 300, 30);
        assertEquals(Verdict.A_WINS, SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02)).verdict());
    }

    @Test
    void noMeaningfulDifferenceWhenTheIntervalFitsInsideTheMinimumLift() {
        // No difference, 2,000 per arm a day for 30 days: the interval ends up about ±0.5 points wide, inside ±2.
        List<SequentialTest.Day> days = simulate(new SplittableRandom(8), 0.10, 0.10, 2000, 30);
        SequentialTest.Result result = SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02));
        assertEquals(Verdict.NO_MEANINGFUL_DIFFERENCE, result.verdict());
        SequentialTest.Look last = result.looks().getLast();
        assertTrue(last.interval().low() > -0.02 && last.interval().high() < 0.02, last.interval().toString());
        // With a minimum lift of a tenth of a point it is not decided: the interval is wider than that.
        assertEquals(Verdict.KEEP_RUNNING,
                SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.001)).verdict());
    }

    @Test
    void daysWithoutConversionsCarryNoEvidenceAndNoNaN() {
        List<SequentialTest.Day> days = List.of(new SequentialTest.Day("1", 0, 0, 0, 0),
                new SequentialTest.Day("2", 50, 0, 50, 0), new SequentialTest.Day("3", 100, 100, 100, 100),
                new SequentialTest.Day("4", 150, 101, 150, 120));
        SequentialTest.Result result = SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.05));
        for (SequentialTest.Look look : result.looks().subList(0, 3)) {
            assertEquals(1, look.pValue());
            assertEquals(new Interval(-1, 1), look.interval());
            assertEquals(Verdict.KEEP_RUNNING, look.verdict());
        }
        SequentialTest.Look fourth = result.looks().get(3);
        assertTrue(Double.isFinite(fourth.pValue()) && fourth.pValue() < 1);
        assertTrue(Double.isFinite(fourth.interval().low()) && Double.isFinite(fourth.interval().high()));
    }

    @Test
    void runningTotalsMayNotGoDown() {
        List<SequentialTest.Day> days = List.of(new SequentialTest.Day("1", 100, 10, 100, 10),
                new SequentialTest.Day("2", 90, 12, 200, 20));
        ExperimentException problem = assertThrows(ExperimentException.class,
                () -> SequentialTest.run(days, SequentialTest.Settings.of(ALPHA, 0.02)));
        assertEquals("experiment.sequential.error.notCumulative", problem.reason().key());
        assertEquals(List.of("2", "A", "100:10", "90:12"), problem.reason().arguments());
        assertEquals("experiment.sequential.error.counts", assertThrows(ExperimentException.class,
                () -> SequentialTest.run(List.of(new SequentialTest.Day("1", 10, 11, 10, 1)),
                        SequentialTest.Settings.of(ALPHA, 0.02))).reason().key());
        assertEquals("experiment.sequential.error.empty", assertThrows(ExperimentException.class,
                () -> SequentialTest.run(List.of(), SequentialTest.Settings.of(ALPHA, 0.02))).reason().key());
        assertEquals("experiment.sequential.error.tau", assertThrows(ExperimentException.class,
                () -> new SequentialTest.Settings(ALPHA, 0.02, 0)).reason().key());
    }

    /** Daily running totals of an experiment whose arms convert at {@code rateA} and {@code rateB}. */
    private static List<SequentialTest.Day> simulate(SplittableRandom random, double rateA, double rateB, int perDay,
                                                     int days) {
        List<SequentialTest.Day> series = new ArrayList<>();
        long kA = 0;
        long kB = 0;
        for (int day = 1; day <= days; day++) {
            for (int i = 0; i < perDay; i++) {
                kA += random.nextDouble() < rateA ? 1 : 0;
                kB += random.nextDouble() < rateB ? 1 : 0;
            }
            long n = (long) day * perDay;
            series.add(new SequentialTest.Day(String.valueOf(day), n, kA, n, kB));
        }
        return series;
    }

    /** The fixed-sample pooled z-test, misused by looking at it every day. */
    private static double naivePValue(SequentialTest.Day day) {
        return TwoProportionTest.compare(new Variant("A", day.visitorsA(), day.conversionsA()),
                new Variant("B", day.visitorsB(), day.conversionsB())).pValue();
    }
}
