package com.campaignstudio.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggesterTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);

    @Test
    void onSmallCasesTheSuggestionIsTheExhaustiveOptimum() {
        // One day (24 hours), three posts, slot rates that differ by up to +-60% and a half-life long enough (6 to
        // 30 h) that overlapping costs: every one of the C(24, 3) = 2,024 placements is scored.
        for (long seed = 1; seed <= 25; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PlatformModel platform = ModelFixtures.exact("douyin", 1000, 6 + 24 * random.nextDouble(),
                    ModelFixtures.randomRates(0.05, 0.6, seed));
            ScheduleModel model = ModelFixtures.model(0.3 + 0.6 * random.nextDouble(), platform);
            SchedulePlan day = new SchedulePlan(MONDAY, 1, 1, List.of());
            Suggester.Request request = new Suggester.Request(day, Map.of("douyin", 3), Map.of(), Goal.BUYERS,
                    MONDAY, Map.of());

            Suggester.Suggestion suggestion = new Suggester(model).suggest(request);

            ExpectedValue value = new ExpectedValue(model, day, Goal.BUYERS, Map.of());
            double best = 0;
            for (int a = 0; a < 24; a++) {
                for (int b = a + 1; b < 24; b++) {
                    for (int c = b + 1; c < 24; c++) {
                        best = Math.max(best, value.of(List.of(post(a), post(b), post(c))));
                    }
                }
            }
            assertEquals(3, suggestion.plan().posts().size());
            assertEquals(best, suggestion.expected(), 1e-9 * best, "seed " + seed);
        }
    }

    @Test
    void theSuggestionBeatsEachOfAThousandRandomSchedulesWithTheSameBudget() {
        ScheduleModel model = ModelFixtures.model(0.5,
                ModelFixtures.exact("weibo", 2000, 4, ModelFixtures.randomRates(0.04, 0.5, 11)),
                ModelFixtures.exact("douyin", 5000, 12, ModelFixtures.randomRates(0.06, 0.5, 12)),
                ModelFixtures.exact("zhihu", 800, 72, ModelFixtures.randomRates(0.03, 0.5, 13)));
        SchedulePlan week = SchedulePlan.week(MONDAY, List.of());
        Map<String, Integer> budget = Map.of("weibo", 5, "douyin", 4, "zhihu", 2);
        for (Goal goal : Goal.values()) {
            Suggester.Suggestion suggestion = new Suggester(model).suggest(
                    new Suggester.Request(week, budget, Map.of(), goal, MONDAY, Map.of()));
            ExpectedValue value = new ExpectedValue(model, week, goal, Map.of());
            SplittableRandom random = new SplittableRandom(99);
            for (int trial = 0; trial < 1000; trial++) {
                List<PlannedPost> posts = new ArrayList<>();
                budget.forEach((platform, count) -> randomHours(random, count, 7 * 24)
                        .forEach(h -> posts.add(PlannedPost.of(platform, MONDAY.plusHours(h), "video"))));
                double random_ = value.of(posts);
                assertTrue(suggestion.expected() >= random_ - 1e-9 * random_,
                        goal + " trial " + trial + ": " + suggestion.expected() + " < " + random_);
            }
            assertEquals(11, suggestion.plan().posts().size());
        }
    }

    @Test
    void lockedPostsStayThePastIsNotPlannedAndShortagesAreCounted() {
        ScheduleModel model = ModelFixtures.model(0.5,
                ModelFixtures.exact("weibo", 2000, 4, ModelFixtures.randomRates(0.04, 0.5, 21)));
        PlannedPost locked = new PlannedPost("weibo", MONDAY.plusHours(20), "article", "launch", 100, true);
        PlannedPost replaced = PlannedPost.of("weibo", MONDAY.plusHours(21), "video");
        SchedulePlan day = new SchedulePlan(MONDAY, 1, 1, List.of(locked, replaced));
        LocalDateTime now = MONDAY.plusHours(12).plusMinutes(30);

        Suggester.Suggestion suggestion = new Suggester(model).suggest(
                new Suggester.Request(day, Map.of("weibo", 20), Map.of(), Goal.REACH, now, Map.of()));

        List<PlannedPost> posts = suggestion.plan().posts();
        assertTrue(posts.contains(locked));
        assertTrue(posts.stream().filter(p -> p != locked).allMatch(p -> p.at().isAfter(now)
                && !p.at().equals(locked.at().withMinute(0))), posts.toString());
        // Hours 13 to 23 are left, less the locked post's hour 20: 10 free hours for 20 posts.
        assertEquals(11, posts.size());
        assertEquals(posts.stream().sorted(java.util.Comparator.comparing(PlannedPost::at)).toList(), posts,
                "the plan lists its posts in time order");
        assertEquals(Map.of("weibo", 10), suggestion.shortOfSlots());
    }

    @Test
    void eachPostSaysItsLiftAndTheEarlierPostItOverlaps() {
        PlatformModel platform = ModelFixtures.exact("douyin", 1000, 12, ModelFixtures.randomRates(0.05, 0.6, 5));
        ScheduleModel model = ModelFixtures.model(0.5, platform);
        Suggester.Suggestion suggestion = new Suggester(model).suggest(new Suggester.Request(
                SchedulePlan.week(MONDAY, List.of()), Map.of("douyin", 6), Map.of(), Goal.BUYERS, MONDAY, Map.of()));

        assertEquals(6, suggestion.reasons().size());
        Suggester.Reason first = suggestion.reasons().getFirst();
        assertEquals(platform.lift(first.post().slot()), first.lift(), 1e-12);
        assertEquals(1, first.fatigue());
        assertTrue(first.overlapsWith().isEmpty());
        Suggester.Reason second = suggestion.reasons().get(1);
        assertEquals(first.post(), second.overlapsWith().orElseThrow());
        double hours = Fatigue.hoursBetween(first.post(), second.post());
        assertEquals(0.5 * Math.exp(-platform.lambda() * hours), second.overlapLoss(), 1e-12);
    }

    @Test
    void aTargetAudienceMovesPostsToItsActiveHours() {
        PlatformModel platform = ModelFixtures.exact("weibo", 1000, 2, 0.05);
        ScheduleModel model = ModelFixtures.model(0.5, platform);
        double[] activity = new double[Slots.COUNT];
        activity[Slots.of(2, 7)] = 84;
        activity[Slots.of(4, 22)] = 84;
        SchedulePlan week = SchedulePlan.week(MONDAY, List.of());

        Suggester.Suggestion suggestion = new Suggester(model).suggest(new Suggester.Request(week,
                Map.of("weibo", 2), Map.of(), Goal.REACH, MONDAY, Map.of("weibo", activity)));

        assertEquals(List.of(MONDAY.plusDays(2).plusHours(7), MONDAY.plusDays(4).plusHours(22)),
                suggestion.plan().posts().stream().map(PlannedPost::at).toList());
        assertEquals(84, suggestion.reasons().getFirst().audienceIndex());
    }

    @Test
    void hoursOfWorkBuyThePostsThatAddMostPerHour() {
        // Douyin posts (video, 3 h each) reach 5x as many as Weibo posts (image, 1 h): per hour 1.67x as much, so
        // the first hours go to Douyin until its overlapping posts return less per hour than a Weibo post.
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("weibo", 1000, 4, 0.05),
                ModelFixtures.exact("douyin", 5000, 12, 0.05));
        Suggester.Request request = new Suggester.Request(SchedulePlan.week(MONDAY, List.of()),
                Map.of("weibo", 0, "douyin", 0), Map.of("weibo", "image", "douyin", "video"), Goal.REACH, MONDAY,
                Map.of());
        Map<String, Double> cost = Map.of("video", 3.0, "image", 1.0);

        Map<String, Integer> counts = new Suggester(model).postsForHours(request, 10, cost);

        double hoursUsed = counts.get("weibo") * 1.0 + counts.get("douyin") * 3.0;
        assertTrue(hoursUsed <= 10 && hoursUsed > 10 - 1, counts.toString());
        assertTrue(counts.get("douyin") >= 1, counts.toString());
        assertEquals(Map.of(), new Suggester(model).postsForHours(request, 0.5, cost).entrySet().stream()
                .filter(e -> e.getValue() > 0).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue)));
    }

    private static PlannedPost post(int hour) {
        return PlannedPost.of("douyin", MONDAY.plusHours(hour), "video");
    }

    private static List<Integer> randomHours(SplittableRandom random, int count, int hours) {
        List<Integer> all = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            all.add(h);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(all.remove(random.nextInt(all.size())));
        }
        return chosen;
    }
}
