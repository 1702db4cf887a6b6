package com.campaignstudio.portrait;

import java.util.Map;

/** A follower's gender as the platforms report it; "other" is kept apart only where an export says so. */
public enum Gender {
    FEMALE("female"), MALE("male"), OTHER("other"), UNKNOWN("unknown");

    private static final Map<String, Gender> WORDS = Map.ofEntries(
            Map.entry("female", FEMALE), Map.entry("f", FEMALE), Map.entry("woman", FEMALE), Map.entry("women", FEMALE),
            Map.entry("女", FEMALE), Map.entry("女性", FEMALE), Map.entry("女生", FEMALE),
            Map.entry("male", MALE), Map.entry("m", MALE), Map.entry("man", MALE), Map.entry("men", MALE),
            Map.entry("男", MALE), Map.entry("男性", MALE), Map.entry("男生", MALE),
            Map.entry("other", OTHER), Map.entry("其他", OTHER));

    private final String key;

    Gender(String key) {
        this.key = key;
    }

    /** The code stored by the importer and used in message keys ({@code value.gender.*}). */
    public String key() {
        return key;
    }

    /** The gender an exported value names; blank and unrecognised values are {@link #UNKNOWN}. */
    public static Gender of(String raw) {
        return WORDS.getOrDefault(RawText.fold(raw), UNKNOWN);
    }
}
