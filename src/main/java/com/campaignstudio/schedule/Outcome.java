package com.campaignstudio.schedule;

/** What a post, a platform's posts or a whole plan should bring by the plan's horizon, each with its 80% interval. */
public record Outcome(Band reach, Band engagements, Band clicks, Band registrations, Band buyers, Band revenue) {

    public static final Outcome NONE = new Outcome(Band.ZERO, Band.ZERO, Band.ZERO, Band.ZERO, Band.ZERO, Band.ZERO);

    /** The figures in {@link Metric} order. */
    public Band get(Metric metric) {
        return switch (metric) {
            case REACH -> reach;
            case ENGAGEMENTS -> engagements;
            case CLICKS -> clicks;
            case REGISTRATIONS -> registrations;
            case BUYERS -> buyers;
            case REVENUE -> revenue;
        };
    }

    static Outcome of(Band[] bands) {
        return new Outcome(bands[0], bands[1], bands[2], bands[3], bands[4], bands[5]);
    }
}
