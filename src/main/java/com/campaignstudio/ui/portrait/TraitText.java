package com.campaignstudio.ui.portrait;

import com.campaignstudio.portrait.Regions;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.ui.common.UiText;

/** How the view names a trait and each of its values in the interface's language. */
final class TraitText {

    private static final String UNKNOWN = "unknown";

    private final UiText text;

    TraitText(UiText text) {
        this.text = text;
    }

    String trait(Trait trait) {
        return text.get("portrait.trait." + trait.key());
    }

    /** A value as shown: bands and genders by their message, platforms by name, provinces in the language. */
    String value(Trait trait, String key) {
        if (key.equals(UNKNOWN) && trait != Trait.PRODUCT) {
            return text.get("portrait.unknown");
        }
        return switch (trait) {
            case GENDER -> text.get("value.gender." + key);
            case AGE -> text.get("portrait.age." + key);
            case TENURE -> text.get("portrait.tenure." + key);
            case PRICE_BAND -> text.get("portrait.price." + key);
            case PLATFORM -> text.platform(key);
            case REGION -> text.isChinese() ? key : Regions.englishName(key).orElse(key);
            case PRODUCT -> key;
        };
    }
}
