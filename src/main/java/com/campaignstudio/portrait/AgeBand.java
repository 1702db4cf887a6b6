package com.campaignstudio.portrait;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed age bands of the portrait, those of Douyin's audience reports (巨量算数): under 18, 18–23, 24–30, 31–40,
 * 41–50 and over 50. An exported band is placed by its middle age ({@code 25-34} is 29.5, so 24–30); an open band by
 * its bound ({@code 50+} and {@code 50岁以上} count as 55, {@code 18以下} as 17); a single age by itself.
 */
public enum AgeBand {
    UNDER_18("under_18", 0), FROM_18_TO_23("18_23", 18), FROM_24_TO_30("24_30", 24), FROM_31_TO_40("31_40", 31),
    FROM_41_TO_50("41_50", 41), OVER_50("over_50", 51), UNKNOWN("unknown", Integer.MAX_VALUE);

    /** How far past its lower bound an open band ("50+") is placed: the middle of a ten-year band. */
    private static final int OPEN_BAND_MIDDLE = 5;
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\s*(?:-|~|至|到)\\s*(\\d{1,3})");
    private static final Pattern ABOVE = Pattern.compile("(?:>=?|≥|over|above|大于)?\\s*(\\d{1,3})\\s*(?:\\+|以上|及以上|or more|and over|plus)?");
    private static final Pattern BELOW = Pattern.compile("(?:<=?|≤|under|below|小于)\\s*(\\d{1,3})|(\\d{1,3})\\s*(?:以下|及以下|or under|and under)");

    private final String key;
    private final int from;

    AgeBand(String key, int from) {
        this.key = key;
        this.from = from;
    }

    /** The code used in exports of the portrait and in message keys ({@code portrait.age.*}). */
    public String key() {
        return key;
    }

    /** The band an exported age or age band falls in; blank and unreadable values are {@link #UNKNOWN}. */
    public static AgeBand of(String raw) {
        String text = RawText.fold(raw).replace("周岁", "").replace("岁", "").replace("years", "")
                .replace("year", "").replace("yrs", "").replace('–', '-').replace('—', '-').replace('－', '-').strip();
        if (RawText.isMissing(text)) {
            return UNKNOWN;
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            return containing((Integer.parseInt(range.group(1)) + Integer.parseInt(range.group(2))) / 2.0);
        }
        Matcher below = BELOW.matcher(text);
        if (below.matches()) {
            String bound = below.group(1) != null ? below.group(1) : below.group(2);
            return containing(Integer.parseInt(bound) - 1);
        }
        Matcher above = ABOVE.matcher(text);
        if (above.matches()) {
            int age = Integer.parseInt(above.group(1));
            boolean open = !text.matches("\\d{1,3}");
            return containing(open ? age + OPEN_BAND_MIDDLE : age);
        }
        return UNKNOWN;
    }

    /** The band holding age {@code age} (a middle age may be half a year). */
    static AgeBand containing(double age) {
        AgeBand found = UNDER_18;
        for (AgeBand band : values()) {
            if (band != UNKNOWN && age >= band.from) {
                found = band;
            }
        }
        return found;
    }
}
