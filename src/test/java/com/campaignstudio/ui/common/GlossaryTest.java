package com.campaignstudio.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every term has one plain line in each language, and every line in the bundles belongs to a term. */
class GlossaryTest {

    private static final ResourceBundle ENGLISH = new UiText(Locale.ENGLISH).bundle();
    private static final ResourceBundle CHINESE = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();

    @Test
    void everyTermHasOneShortLineInEachLanguage() {
        for (Term term : Term.values()) {
            for (ResourceBundle bundle : new ResourceBundle[]{ENGLISH, CHINESE}) {
                String line = bundle.getString(term.key());
                assertTrue(!line.contains("\n") && line.length() <= 200, term + ": " + line);
            }
            String chinese = CHINESE.getString(term.key());
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    term + " is explained in Chinese: " + chinese);
            assertNotEquals(ENGLISH.getString(term.key()), chinese, term.toString());
        }
    }

    @Test
    void everyGlossaryLineInTheBundlesBelongsToATerm() {
        Set<String> lines = ENGLISH.keySet().stream().filter(key -> key.startsWith("glossary."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(lines, Arrays.stream(Term.values()).map(Term::key).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            naive,                          MODEL_NAIVE
            seasonal naive,                 MODEL_SEASONAL_NAIVE
            AR(4),                          MODEL_AR
            AR(12),                         MODEL_AR
            Holt-Winters,                   MODEL_HOLT_WINTERS
            simple exponential smoothing,   MODEL_EXPONENTIAL_SMOOTHING
            exponential smoothing,          MODEL_EXPONENTIAL_SMOOTHING
            Holt linear trend,              MODEL_HOLT
            Holt,                           MODEL_HOLT
            damped trend,                   MODEL_DAMPED_TREND
            Holt damped trend,              MODEL_DAMPED_TREND
            """)
    void forecastModelsFindTheirLineByTheNameTheForecasterGivesThem(String model, Term term) {
        assertEquals(Optional.of(term), Term.forModel(model));
    }

    @Test
    void aModelTheGlossaryDoesNotKnowHasNoLine() {
        assertEquals(Optional.empty(), Term.forModel("Prophet"));
        assertEquals(Optional.empty(), Term.forModel("ARIMA(1,1,1)"), "not mistaken for AR(p)");
    }
}
