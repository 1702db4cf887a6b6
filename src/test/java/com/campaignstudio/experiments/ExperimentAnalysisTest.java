package com.campaignstudio.experiments;

import com.campaignstudio.text.Reason;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole reading of an experiment: guards, warnings, notes, verdicts and the multiple-comparison adjustment. */
class ExperimentAnalysisTest {

    private static ExperimentAnalysis.Analysis analyse(Optional<Double> minLift, Variant... variants) {
        return ExperimentAnalysis.analyse(new ExperimentSetup(List.of(variants), List.of(), minLift, 1), 20_000);
    }

    private static List<String> keys(List<Reason> reasons) {
        return reasons.stream().map(Reason::key).toList();
    }

    @Test
    void twoVariantsReadAsTheirPartsSay() {
        Variant a = new Variant("A", 1000, 100);
        Variant b = new Variant("B", 1000, 130);
        ExperimentAnalysis.Analysis analysis = analyse(Optional.of(0.02), a, b);
        ExperimentAnalysis.Comparison comparison = analysis.comparisons().getFirst();
        assertEquals(TwoProportionTest.compare(a, b), comparison.test());
        assertEquals(0.95, comparison.intervalLevel(), 1e-15);
        assertEquals(comparison.test().pValue(), comparison.adjustedPValue());
        assertEquals(Bayesian.probabilityBetter(a, b), comparison.probabilityBetter());
        assertEquals(Bayesian.expectedLossChoosing(b, a), comparison.lossChoosingVariant());
        assertEquals(Bayesian.expectedLossChoosing(a, b), comparison.lossKeepingControl());
        assertEquals(Verdict.B_WINS, comparison.verdict());
        assertEquals(Wilson.interval(100, 1000), analysis.arms().getFirst().wilson());
        assertEquals(List.of(), analysis.warnings());
        assertEquals(List.of(), analysis.notes());
        assertFalse(analysis.sampleRatio().mismatch());
    }

    @Test
    void theVerdictFollowsTheLiftIntervalAndTheMinimumLift() {
        Interval small = new Interval(-0.004, 0.006);
        assertEquals(Verdict.NO_MEANINGFUL_DIFFERENCE, Verdict.of(small, Optional.of(0.01)));
        assertEquals(Verdict.KEEP_RUNNING, Verdict.of(small, Optional.of(0.005)));
        assertEquals(Verdict.KEEP_RUNNING, Verdict.of(small, Optional.empty()));
        assertEquals(Verdict.B_WINS, Verdict.of(new Interval(0.001, 0.05), Optional.of(0.01)));
        assertEquals(Verdict.A_WINS, Verdict.of(new Interval(-0.05, -0.001), Optional.of(0.01)));
        // Above zero but smaller than what matters: the minimum lift decides.
        assertEquals(Verdict.NO_MEANINGFUL_DIFFERENCE, Verdict.of(new Interval(0.001, 0.009), Optional.of(0.01)));
        // Wide, both signs: keep running.
        assertEquals(Verdict.KEEP_RUNNING, Verdict.of(new Interval(-0.02, 0.03), Optional.of(0.01)));
    }

    @Test
    void aLargeEqualExperimentShowsNoMeaningfulDifference() {
        ExperimentAnalysis.Analysis analysis = analyse(Optional.of(0.01), new Variant("A", 50_000, 5_000),
                new Variant("B", 50_000, 5_020));
        Interval lift = analysis.comparisons().getFirst().test().absoluteInterval();
        assertTrue(lift.within(0.01), lift.toString());
        assertEquals(Verdict.NO_MEANINGFUL_DIFFERENCE, analysis.comparisons().getFirst().verdict());
    }

    @Test
    void threeVariantsAreBonferroniAdjusted() {
        Variant a = new Variant("A", 1000, 100);
        Variant b = new Variant("B", 1000, 130);
        ExperimentAnalysis.Analysis analysis = analyse(Optional.empty(), a, b, new Variant("C", 1000, 95));
        assertEquals(2, analysis.comparisons().size());
        ExperimentAnalysis.Comparison ab = analysis.comparisons().getFirst();
        assertEquals(0.975, ab.intervalLevel(), 1e-15);
        assertEquals(Math.min(1, 2 * ab.test().pValue()), ab.adjustedPValue(), 1e-15);
        Interval plain = TwoProportionTest.compare(a, b).absoluteInterval();
        assertTrue(ab.test().absoluteInterval().low() < plain.low() && ab.test().absoluteInterval().high() > plain.high(),
                "the adjusted interval is wider");
        // B against A is clear at 95% (p = 0.035) but not after adjusting for two comparisons.
        assertTrue(TwoProportionTest.compare(a, b).pValue() < 0.05 && ab.adjustedPValue() > 0.05);
        assertEquals(Verdict.KEEP_RUNNING, ab.verdict());
        assertTrue(analysis.simulated());
        assertEquals(List.of("experiment.note.multipleComparisons"), keys(analysis.notes()));
        double total = analysis.arms().stream().mapToDouble(ExperimentAnalysis.Arm::chanceToBeBest).sum();
        assertEquals(1, total, 1e-12);
    }

    @Test
    void zeroAndHundredPercentRatesGiveNotesAndNoNaN() {
        ExperimentAnalysis.Analysis analysis = analyse(Optional.of(0.05), new Variant("A", 40, 0),
                new Variant("B", 40, 40), new Variant("C", 40, 0));
        assertEquals(List.of("experiment.note.noConversions", "experiment.note.allConverted",
                "experiment.note.noConversions", "experiment.note.noRelativeLift", "experiment.note.multipleComparisons"),
                keys(analysis.notes()));
        List<Double> numbers = new ArrayList<>();
        for (ExperimentAnalysis.Arm arm : analysis.arms()) {
            numbers.addAll(List.of(arm.rate(), arm.wilson().low(), arm.wilson().high(), arm.chanceToBeBest(),
                    arm.expectedLoss()));
        }
        for (ExperimentAnalysis.Comparison comparison : analysis.comparisons()) {
            TwoProportionTest.Result test = comparison.test();
            numbers.addAll(List.of(test.absoluteLift(), test.absoluteInterval().low(), test.absoluteInterval().high(),
                    test.z(), test.pValue(), comparison.adjustedPValue(), comparison.probabilityBetter(),
                    comparison.lossChoosingVariant(), comparison.lossKeepingControl()));
            assertTrue(test.relativeLift().isEmpty());
        }
        assertTrue(numbers.stream().allMatch(Double::isFinite), numbers.toString());
        ExperimentAnalysis.Comparison ab = analysis.comparisons().getFirst();
        assertEquals(Verdict.B_WINS, ab.verdict());
        ExperimentAnalysis.Comparison ac = analysis.comparisons().get(1);
        assertEquals(1, ac.test().pValue());
        assertEquals(Verdict.KEEP_RUNNING, ac.verdict(), "0 of 40 twice: the interval still reaches ±8 points");
        // The note says how high a rate of 0 of 40 may really be: the Wilson upper end, 8.8%.
        assertEquals(List.of("A", "8.8%"), analysis.notes().getFirst().arguments());
    }

    @Test
    void tinySamplesAreWarnedAbout() {
        // Pooled rate 6/60 = 0.1: A expects 2 conversions, B 4 (both below 5); with 600 visitors each, none is tiny.
        ExperimentAnalysis.Analysis tiny = analyse(Optional.empty(), new Variant("A", 20, 1), new Variant("B", 40, 5));
        assertEquals(List.of("experiment.warning.smallSample", "experiment.warning.smallSample"), keys(tiny.warnings()));
        assertEquals(List.of("A", "2.0", "18.0"), tiny.warnings().getFirst().arguments());
        ExperimentAnalysis.Analysis enough = analyse(Optional.empty(), new Variant("A", 600, 55),
                new Variant("B", 600, 65));
        assertEquals(List.of(), enough.warnings());
        // Few non-conversions count too: 98 of 100 and 99 of 100 expect 1.5 non-conversions each.
        ExperimentAnalysis.Analysis nearlyAll = analyse(Optional.empty(), new Variant("A", 100, 98),
                new Variant("B", 100, 99));
        assertEquals(2, nearlyAll.warnings().size());
    }

    @Test
    void aBrokenSplitIsWarnedAbout() {
        ExperimentAnalysis.Analysis analysis = analyse(Optional.empty(), new Variant("A", 10_000, 1000),
                new Variant("B", 9_000, 900));
        assertTrue(analysis.sampleRatio().mismatch());
        assertEquals(List.of("experiment.warning.sampleRatio"), keys(analysis.warnings()));
        assertEquals("52.6% / 47.4%", analysis.warnings().getFirst().arguments().getFirst());
        ExperimentAnalysis.Analysis intended = ExperimentAnalysis.analyse(new ExperimentSetup(
                List.of(new Variant("A", 10_000, 1000), new Variant("B", 9_000, 900)), List.of(10.0, 9.0),
                Optional.empty(), 1));
        assertEquals(List.of(), intended.warnings(), "a 10:9 split that was meant");
    }

    @Test
    void impossibleCountsAreRefusedWithAReason() {
        assertEquals("experiment.error.noVisitors", assertThrows(ExperimentException.class,
                () -> new Variant("A", 0, 0)).reason().key());
        assertEquals("experiment.error.moreConversionsThanVisitors", assertThrows(ExperimentException.class,
                () -> new Variant("A", 10, 11)).reason().key());
        assertEquals("experiment.error.negative", assertThrows(ExperimentException.class,
                () -> new Variant("A", -1, 0)).reason().key());
        assertEquals("experiment.error.noName", assertThrows(ExperimentException.class,
                () -> new Variant(" ", 10, 1)).reason().key());
        assertEquals("experiment.error.tooFewVariants", assertThrows(ExperimentException.class,
                () -> ExperimentSetup.of(List.of(new Variant("A", 10, 1)))).reason().key());
        assertEquals("experiment.error.duplicateName", assertThrows(ExperimentException.class,
                () -> ExperimentSetup.of(List.of(new Variant("A", 10, 1), new Variant("A", 10, 2)))).reason().key());
        assertEquals("experiment.error.minLift", assertThrows(ExperimentException.class,
                () -> new ExperimentSetup(List.of(new Variant("A", 10, 1), new Variant("B", 10, 2)), List.of(),
                        Optional.of(0.0), 1)).reason().key());
        ExperimentException noVisitors = assertThrows(ExperimentException.class, () -> new Variant("A", 0, 0));
        assertEquals(noVisitors.reason().english(), noVisitors.getMessage());
        assertFalse(noVisitors.getMessage().contains("\n"));
    }

    /** Every message the experiments can give, in English and in Chinese, with each argument placed. */
    @Test
    void everyMessageExistsInBothLanguages() {
        List<Reason> reasons = new ArrayList<>();
        ExperimentAnalysis.Analysis analysis = analyse(Optional.empty(), new Variant("A", 30, 0),
                new Variant("B", 3, 3), new Variant("C", 3000, 5));
        reasons.addAll(analysis.warnings());
        reasons.addAll(analysis.notes());
        for (Verdict verdict : Verdict.values()) {
            reasons.add(Reason.of(verdict.messageKey(), "B", "A"));
        }
        assertTrue(reasons.size() >= 10, reasons.toString());
        for (Locale locale : new Locale[]{Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle bundle = ResourceBundle.getBundle(Reason.BUNDLE, locale);
            for (Reason reason : reasons) {
                String text = reason.in(bundle);
                assertFalse(text.matches("(?s).*\\{\\d}.*"), locale + " " + reason.key() + ": " + text);
                for (String argument : reason.arguments()) {
                    assertTrue(text.contains(argument), locale + " " + reason.key() + " shows " + argument + ": " + text);
                }
            }
        }
        String chinese = Reason.of(Verdict.B_WINS.messageKey(), "B", "A")
                .in(ResourceBundle.getBundle(Reason.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertTrue(chinese.contains("优于"), chinese);
    }

    /** Every message key the experiments code names (errors included) is in both bundles. */
    @Test
    void everyKeyTheCodeNamesIsInBothBundles() throws Exception {
        Set<String> keys = new TreeSet<>();
        Pattern key = Pattern.compile("\"(experiment\\.[a-zA-Z.]*[a-zA-Z])\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/com/campaignstudio/experiments"))) {
            for (Path file : files.toList()) {
                Matcher matcher = key.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        keys.remove("experiment.verdict");
        assertTrue(keys.size() > 25, keys.toString());
        // Each file on its own: through ResourceBundle.getBundle a Chinese key missing would be found in English.
        for (String file : new String[]{"messages.properties", "messages_zh_CN.properties"}) {
            Properties messages = new Properties();
            try (var in = new java.io.InputStreamReader(ExperimentAnalysisTest.class.getResourceAsStream(
                    "/com/campaignstudio/i18n/" + file), java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            Set<String> missing = new TreeSet<>(keys);
            missing.removeIf(messages::containsKey);
            assertEquals(Set.of(), missing, file);
        }
    }
}
