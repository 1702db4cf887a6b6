package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;
import com.campaignstudio.text.Reason;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which live sessions converted better: the sessions grouped by what they were like (platform, length, time of day,
 * day of the week, audience size) and pooled per group as {@link LiveSelling} pools them, buyers / viewers with a 95%
 * Wilson interval. This is association, not cause: sessions on one platform may differ in much else than the
 * platform, and no session was assigned its length or its hour at random.
 */
public final class LiveFeatures {

    /** What sessions are grouped by. */
    public enum Feature {
        PLATFORM, LENGTH, TIME_OF_DAY, DAY_OF_WEEK, AUDIENCE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The sessions grouped by one feature.
     *
     * @param feature   what they are grouped by
     * @param groups    pooled figures per group, in the feature's own order (shorter first, earlier first ...);
     *                  groups without sessions are left out
     * @param separated whether the best and the worst converting groups' intervals do not overlap: a difference
     *                  that chance alone would hardly make (still not a cause)
     */
    public record Comparison(Feature feature, List<LiveFigures> groups, boolean separated) {

        public Comparison {
            groups = List.copyOf(groups);
        }

        /** The group with the highest conversion, if any group has viewers. */
        public Optional<LiveFigures> best() {
            return withRates().max(Comparator.comparingDouble(f -> f.conversion().orElseThrow().rate()));
        }

        /** The group with the lowest conversion, if any group has viewers. */
        public Optional<LiveFigures> worst() {
            return withRates().min(Comparator.comparingDouble(f -> f.conversion().orElseThrow().rate()));
        }

        private java.util.stream.Stream<LiveFigures> withRates() {
            return groups.stream().filter(f -> f.conversion().isPresent());
        }
    }

    private LiveFeatures() {
    }

    /** Every feature's groups; {@code platforms} names the platform ids. */
    public static List<Comparison> compare(List<LiveSession> sessions, Map<Integer, Label> platforms) {
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare(Feature.PLATFORM, sessions, s -> platforms.getOrDefault(s.platformId(),
                Label.of("unknown", Reason.of("group.unknownPlatform")))));
        comparisons.add(compare(Feature.LENGTH, sessions, LiveFeatures::length));
        comparisons.add(compare(Feature.TIME_OF_DAY, sessions, LiveFeatures::timeOfDay));
        comparisons.add(compare(Feature.DAY_OF_WEEK, sessions, LiveFeatures::dayOfWeek));
        comparisons.add(compare(Feature.AUDIENCE, sessions, LiveFeatures::audience));
        return comparisons;
    }

    private static Comparison compare(Feature feature, List<LiveSession> sessions, Function<LiveSession, Label> group) {
        Map<Label, List<LiveSession>> byGroup = new LinkedHashMap<>();
        for (LiveSession session : sessions) {
            byGroup.computeIfAbsent(group.apply(session), label -> new ArrayList<>()).add(session);
        }
        List<Label> order = new ArrayList<>(byGroup.keySet());
        // Platforms by code; the other groups' keys start with their rank (shorter, earlier, smaller first).
        order.sort(Comparator.comparing(Label::key));
        List<LiveFigures> groups = order.stream().map(label -> LiveSelling.pool(label, byGroup.get(label))).toList();
        Comparison unseparated = new Comparison(feature, groups, false);
        boolean separated = unseparated.best().isPresent() && unseparated.worst().isPresent()
                && unseparated.worst().get().conversion().orElseThrow().high()
                < unseparated.best().get().conversion().orElseThrow().low();
        return new Comparison(feature, groups, separated);
    }

    /** Under an hour, 60–89, 90–119, 120–149 minutes, 150 or more; sessions without a length apart. */
    static Label length(LiveSession session) {
        int minutes = session.minutes();
        String bucket = minutes <= 0 ? "9-unknown" : minutes < 60 ? "1-under60" : minutes < 90 ? "2-60to89"
                : minutes < 120 ? "3-90to119" : minutes < 150 ? "4-120to149" : "5-150plus";
        return bucket(Feature.LENGTH, bucket);
    }

    /** By the hour it started: morning 5–11, afternoon 12–17, evening 18–21, night 22–4. */
    static Label timeOfDay(LiveSession session) {
        int hour = session.startedAt().getHour();
        String bucket = hour >= 5 && hour < 12 ? "1-morning" : hour >= 12 && hour < 18 ? "2-afternoon"
                : hour >= 18 && hour < 22 ? "3-evening" : "4-night";
        return bucket(Feature.TIME_OF_DAY, bucket);
    }

    static Label dayOfWeek(LiveSession session) {
        DayOfWeek day = session.startedAt().getDayOfWeek();
        return bucket(Feature.DAY_OF_WEEK, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? "2-weekend"
                : "1-weekday");
    }

    /** Viewers: under 1,000, 1,000–2,999, 3,000–9,999, 10,000 or more. */
    static Label audience(LiveSession session) {
        long viewers = session.viewers();
        String bucket = viewers < 1_000 ? "1-under1000" : viewers < 3_000 ? "2-1000to2999"
                : viewers < 10_000 ? "3-3000to9999" : "4-10000plus";
        return bucket(Feature.AUDIENCE, bucket);
    }

    private static Label bucket(Feature feature, String bucket) {
        String name = bucket.substring(bucket.indexOf('-') + 1);
        return Label.of(bucket, Reason.of("live.group." + feature.key() + "." + name));
    }
}
