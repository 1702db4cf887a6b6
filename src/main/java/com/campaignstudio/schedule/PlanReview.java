package com.campaignstudio.schedule;

import com.campaignstudio.stats.Proportion;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A saved plan against what was published: each planned post matched to the post actually published on its
 * platform nearest its planned time (within {@link #MATCH_WINDOW}, each published post used once, planned posts
 * taken in time order), with the predicted 80% interval beside the actual reach, engagements and clicks; and the
 * published posts of the period that were not in the plan.
 *
 * <p>Predictions count up to the plan's horizon and an export counts up to the day it was made: a post exported
 * before the horizon shows less than it will reach, so {@link Row#early()} marks those.
 */
public record PlanReview(List<Row> rows, List<PublishedPost> unplanned) {

    public static final Duration MATCH_WINDOW = Duration.ofHours(12);
    static final List<Metric> CHECKED = List.of(Metric.REACH, Metric.ENGAGEMENTS, Metric.CLICKS);

    /** A post as published, with its counts as exported. */
    public record PublishedPost(String platform, String externalId, LocalDateTime at, long reach, long engagements,
                                long clicks, LocalDateTime exportedAt) {

        long count(Metric metric) {
            return switch (metric) {
                case REACH -> reach;
                case ENGAGEMENTS -> engagements;
                case CLICKS -> clicks;
                default -> throw new IllegalArgumentException(metric + " is not counted per post");
            };
        }
    }

    /** One planned post and, when found, the post that went out for it. */
    public record Row(Simulation.PostOutcome planned, Optional<PublishedPost> actual, boolean early) {

        /** Whether the actual count of {@code metric} fell inside the predicted 80% interval; empty if unmatched. */
        public Optional<Boolean> inside(Metric metric) {
            return actual.map(post -> planned.outcome().get(metric).contains(post.count(metric)));
        }

        /** Actual / predicted mean; empty if unmatched or nothing was predicted. */
        public Optional<Double> ratio(Metric metric) {
            double predicted = planned.outcome().get(metric).mean();
            return actual.filter(post -> predicted > 0).map(post -> post.count(metric) / predicted);
        }
    }

    /** How often the actual counts of complete, matched posts fell inside their 80% intervals. */
    public record Calibration(Optional<Proportion> inside, int posts, double medianRatio) {
    }

    public static PlanReview of(SchedulePlan plan, Prediction prediction, List<PublishedPost> published) {
        List<PublishedPost> free = new ArrayList<>(published.stream()
                .filter(post -> !post.at().isBefore(plan.start().minus(MATCH_WINDOW))
                        && post.at().isBefore(plan.end().plus(MATCH_WINDOW))).toList());
        List<Simulation.PostOutcome> planned = prediction.posts().stream()
                .sorted(Comparator.comparing(p -> p.post().at())).toList();
        List<Row> rows = new ArrayList<>();
        for (Simulation.PostOutcome post : planned) {
            Optional<PublishedPost> match = free.stream()
                    .filter(actual -> actual.platform().equals(post.post().platform()))
                    .filter(actual -> distance(actual, post).compareTo(MATCH_WINDOW) <= 0)
                    .min(Comparator.comparing(actual -> distance(actual, post)));
            match.ifPresent(free::remove);
            boolean early = match.map(actual -> actual.exportedAt().isBefore(plan.horizon())).orElse(false);
            rows.add(new Row(post, match, early));
        }
        List<PublishedPost> unplanned = free.stream().filter(post -> plan.covers(post.at())).toList();
        return new PlanReview(rows, unplanned);
    }

    /** Calibration over the complete matched posts of several reviews, all checked metrics pooled. */
    public static Calibration calibration(List<PlanReview> reviews) {
        long inside = 0;
        long checked = 0;
        int posts = 0;
        List<Double> ratios = new ArrayList<>();
        for (PlanReview review : reviews) {
            for (Row row : review.rows()) {
                if (row.actual().isEmpty() || row.early()) {
                    continue;
                }
                posts++;
                for (Metric metric : CHECKED) {
                    checked++;
                    if (row.inside(metric).orElseThrow()) {
                        inside++;
                    }
                    row.ratio(metric).ifPresent(ratios::add);
                }
            }
        }
        ratios.sort(Double::compare);
        double median = ratios.isEmpty() ? Double.NaN : ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
        return new Calibration(checked == 0 ? Optional.empty() : Optional.of(Proportion.of(inside, checked)), posts,
                median);
    }

    private static Duration distance(PublishedPost actual, Simulation.PostOutcome planned) {
        return Duration.between(actual.at(), planned.post().at()).abs();
    }
}
