package com.campaignstudio.segments;

import java.time.LocalDate;

/**
 * Which followers a segmentation looks at, and over which days their activity counts.
 *
 * @param platform   a platform code, or null for all platforms
 * @param buyersOnly only followers with a paid order in the window
 * @param from       first day of activity counted, or null for the start of the data
 * @param to         last day of activity counted (the "as of" day), or null for the end of the data
 */
public record Population(String platform, boolean buyersOnly, LocalDate from, LocalDate to) {

    public static Population everyone() {
        return new Population(null, false, null, null);
    }

    public Population {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the date range starts (" + from + ") after it ends (" + to + ")");
        }
    }
}
