package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every model has a name and an explanation in English and in Chinese, and the Chinese ones are all Chinese. */
class ModelNameTest {

    private static final ResourceBundle ENGLISH = new com.campaignstudio.ui.common.UiText(Locale.ENGLISH).bundle();
    private static final ResourceBundle CHINESE = new com.campaignstudio.ui.common.UiText(Locale.SIMPLIFIED_CHINESE).bundle();

    @Test
    void everyOfferedModelHasWordsInBothLanguages() {
        for (ForecastModel model : Forecaster.candidates(52, Integer.MAX_VALUE)) {
            assertTrue(ModelName.KEYS.contains(model.name().key()), model.name().key());
        }
        for (String key : ModelName.KEYS) {
            ModelName name = new ModelName(key, 4);
            for (ResourceBundle bundle : new ResourceBundle[]{ENGLISH, CHINESE}) {
                assertFalse(name.name().in(bundle).isBlank(), key);
                assertFalse(name.explanation().in(bundle).isBlank(), key);
            }
            assertFalse(name.name().in(CHINESE).matches("(?s).*[A-Za-z].*"), name.name().in(CHINESE));
            assertFalse(name.explanation().in(CHINESE).matches("(?s).*[A-Za-z].*"), name.explanation().in(CHINESE));
        }
    }

    @Test
    void ordersAppearInNamesAndIdentifiers() {
        ModelName ar = new ModelName("ar", 4);
        assertEquals("Autoregressive AR(4)", ar.name().in(ENGLISH));
        assertEquals("4 阶自回归", ar.name().in(CHINESE));
        assertEquals("ar4", ar.id());
        assertEquals("holt", new ModelName("holt", 0).id());
        assertEquals("Holt linear trend", new ModelName("holt", 0).name().english());
    }
}
