package com.campaignstudio.ui.funnels;

import java.time.Duration;
import java.util.Locale;

/** The units a conversion window is typed in. */
enum WindowUnit {
    MINUTES(60), HOURS(3600), DAYS(86_400), WEEKS(7 * 86_400);

    private final long seconds;

    WindowUnit(long seconds) {
        this.seconds = seconds;
    }

    long seconds() {
        return seconds;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    Duration times(long amount) {
        return Duration.ofSeconds(amount * seconds);
    }

    /**
     * The largest unit the window is a whole number of, weeks only from two on (14 days read as 2 weeks, 7 days as 7
     * days, as the engine writes them).
     */
    static WindowUnit largestDividing(Duration window) {
        long total = window.toSeconds();
        for (int u = values().length - 1; u > 0; u--) {
            if (total % values()[u].seconds == 0 && (values()[u] != WEEKS || total >= 2 * WEEKS.seconds)) {
                return values()[u];
            }
        }
        return MINUTES;
    }
}
