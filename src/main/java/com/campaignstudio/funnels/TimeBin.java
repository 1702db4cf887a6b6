package com.campaignstudio.funnels;

/** People whose time to convert (first step to last) was from {@code fromSeconds} up to {@code toSeconds}. */
public record TimeBin(long fromSeconds, long toSeconds, long people) {
}
