package com.campaignstudio.retention;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static com.campaignstudio.snapshot.ActivityFixture.WECHAT;
import static com.campaignstudio.snapshot.ActivityFixture.WEIBO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention tables worked out by hand on three customers. */
class RetentionTest {

    private static LocalDateTime day(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0);
    }

    /**
     * Ann (Weibo): 100 on 5 Jan, 50 on 10 Feb, 30 on 1 Apr. Bob (WeChat): 200 on 20 Jan. Cat (Weibo): 80 on 3 Feb,
     * 20 on 3 Mar. The data end on 1 April.
     */
    private static ActivityFixture threeCustomers() {
        return new ActivityFixture()
                .follower(1, WEIBO).follower(2, WECHAT).follower(3, WEIBO)
                .order("ann", 1, day(1, 5), 100, 0, 0, 0, true)
                .order("ann", 1, day(2, 10), 50, 0, 0, 0, true)
                .order("ann", 1, day(4, 1), 30, 0, 0, 0, true)
                .order("bob", 2, day(1, 20), 200, 0, 0, 0, true)
                .order("cat", 3, day(2, 3), 80, 0, 0, 0, true)
                .order("cat", 3, day(3, 3), 20, 0, 0, 0, true);
    }

    private static RetentionResult run(ActivitySnapshot snapshot, RetentionSettings settings) throws Exception {
        return Retention.run(snapshot, settings, TaskContext.silent());
    }

    private static List<Long> active(Cohort cohort) {
        return cohort.cells().stream().map(RetentionCell::active).toList();
    }

    private static List<Double> revenue(Cohort cohort) {
        return cohort.cells().stream().map(RetentionCell::revenuePerMember).toList();
    }

    @Test
    void purchaseCohortsCountTheShareActiveInEachLaterPeriod() throws Exception {
        RetentionResult result = run(threeCustomers().snapshot(), RetentionSettings.defaults());
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-04"),
                result.cohorts().stream().map(c -> c.label().key()).toList());
        Cohort january = result.cohorts().get(0);
        assertEquals(2, january.size());
        assertEquals(List.of(2L, 1L, 0L, 1L), active(january), "ann in February and April, nobody in March");
        assertEquals(Proportion.of(1, 2), january.cells().get(1).share());
        assertEquals(List.of(300 / 2.0, 350 / 2.0, 350 / 2.0, 380 / 2.0), revenue(january), "cumulative, per member");
        Cohort february = result.cohorts().get(1);
        assertEquals(List.of(1L, 1L, 0L), active(february));
        assertEquals(List.of(80.0, 100.0, 100.0), revenue(february));
        assertEquals(List.of(false, false, true), february.cells().stream().map(RetentionCell::partial).toList(),
                "April is not over on 1 April");
        assertEquals(0, result.cohorts().get(2).size());
        assertEquals(List.of(), result.cohorts().get(2).cells(), "an empty cohort has no rates at all");
        assertEquals(LocalDate.of(2026, 4, 1), result.dataEnd());
        assertEquals(List.of("retention.note.emptyCohorts", "retention.note.partialPeriod"),
                result.notes().stream().map(Reason::key).toList());
        assertEquals(List.of("2", "2026-04", "2026-04-01"), List.of(result.notes().get(0).arguments().getFirst(),
                result.notes().get(1).arguments().get(0), result.notes().get(1).arguments().get(1)));
    }

    @Test
    void aCohortOfOneHasAnIntervalNotANaN() throws Exception {
        Cohort february = run(threeCustomers().snapshot(), RetentionSettings.defaults()).cohorts().get(1);
        for (RetentionCell cell : february.cells()) {
            assertTrue(Double.isFinite(cell.share().low()) && Double.isFinite(cell.share().high()));
        }
        assertEquals(Proportion.of(0, 1), february.cells().get(2).share());
        assertTrue(february.cells().get(2).share().high() > 0.7, "one person says little: 0 of 1 is up to 79%");
    }

    @Test
    void revenueRetentionByPlatformCountsOnlyMembersObservedThatLong() throws Exception {
        RetentionResult result = run(threeCustomers().snapshot(), RetentionSettings.defaults());
        assertEquals(List.of("weibo", "wechat"), result.byPlatform().stream().map(p -> p.platform().key()).toList());
        PlatformRevenue weibo = result.byPlatform().get(0);
        assertEquals(2, weibo.members());
        // Ann (January): 100, 150, 150, 180 cumulative; Cat (February): 80, 100, 100, and not yet observed at +3.
        assertEquals(List.of(new PlatformRevenue.Point(0, 2, 90), new PlatformRevenue.Point(1, 2, 125),
                new PlatformRevenue.Point(2, 2, 125), new PlatformRevenue.Point(3, 1, 180)), weibo.points());
        assertEquals(List.of(200.0, 200.0, 200.0, 200.0),
                result.byPlatform().get(1).points().stream().map(PlatformRevenue.Point::revenuePerMember).toList());
    }

    @Test
    void engagementCountsAsActivityFromTheCohortsOwnPeriodOn() throws Exception {
        ActivitySnapshot snapshot = threeCustomers()
                .event(2, "view", day(3, 15))
                .event(1, "like", LocalDateTime.of(2025, 12, 20, 9, 0))
                .snapshot();
        RetentionSettings engagement = new RetentionSettings(CohortBasis.PURCHASE, Period.MONTH, Activity.ENGAGEMENT,
                0, 0);
        RetentionResult result = run(snapshot, engagement);
        assertEquals("2026-01", result.cohorts().getFirst().label().key(), "ann's December like is before her cohort");
        assertEquals(List.of(2L, 1L, 1L, 1L), active(result.cohorts().getFirst()), "bob's view in March");
        assertEquals(List.of(2L, 1L, 0L, 1L), active(run(snapshot, RetentionSettings.defaults()).cohorts().getFirst()),
                "with purchases only, March stays empty");
    }

    @Test
    void followCohortsStartAtTheFollow() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO, LocalDateTime.of(2025, 12, 1, 8, 0))
                .follower(2, WECHAT, day(1, 15))
                .follower(3, WEIBO)
                .order("ann", 1, day(1, 5), 100, 0, 0, 0, true)
                .order("bob", 2, day(1, 20), 200, 0, 0, 0, true)
                .order("bob", 2, day(2, 20), 10, 0, 0, 0, true)
                .snapshot();
        RetentionResult result = run(snapshot, new RetentionSettings(CohortBasis.FOLLOW, Period.MONTH, Activity.PURCHASE,
                0, 0));
        assertEquals(List.of("2025-12", "2026-01", "2026-02"), result.cohorts().stream().map(c -> c.label().key()).toList());
        assertEquals(List.of(0L, 1L, 0L), active(result.cohorts().get(0)), "ann followed in December, bought in January");
        assertEquals(List.of(1L, 1L), active(result.cohorts().get(1)));
        assertTrue(result.notes().stream().anyMatch(note -> note.key().equals("retention.note.withoutFollowDate")
                && note.arguments().equals(List.of("1"))));
    }

    @Test
    void theNumbersOfCohortsAndPeriodsShownCanBeLimited() throws Exception {
        RetentionResult result = run(threeCustomers().snapshot(), new RetentionSettings(CohortBasis.PURCHASE,
                Period.MONTH, Activity.PURCHASE, 3, 2));
        assertEquals(List.of("2026-02", "2026-03", "2026-04"), result.cohorts().stream().map(c -> c.label().key()).toList());
        assertEquals(List.of(1L, 1L), active(result.cohorts().getFirst()));
        assertTrue(result.byPlatform().stream().allMatch(p -> p.points().size() <= 2));
    }

    @Test
    void weeksStartOnMonday() throws Exception {
        RetentionResult result = run(threeCustomers().snapshot(), new RetentionSettings(CohortBasis.PURCHASE,
                Period.WEEK, Activity.PURCHASE, 0, 0));
        Cohort first = result.cohorts().getFirst();
        assertEquals("2026-W02", first.label().key(), "Monday 5 January 2026 starts ISO week 2");
        assertEquals(LocalDate.of(2026, 1, 5), Period.WEEK.start(first.period()));
        assertEquals(1, first.size());
    }

    @Test
    void theConsecutiveDaysRatioIsTheLongestRunOverAllActiveDays() throws Exception {
        ActivityFixture activity = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO);
        // Ann: 30 days in a row in January, then 30 days every other day from 1 March: 30 of 60.
        for (int d = 0; d < 30; d++) {
            activity.order("ann", 1, day(1, 1).plusDays(d), 10, 0, 0, 0, true);
            activity.order("ann", 1, day(3, 1).plusDays(2L * d), 10, 0, 0, 0, true);
        }
        // Two orders on one day are one active day.
        activity.order("ann", 1, day(1, 1).plusHours(3), 10, 0, 0, 0, true);
        activity.order("bob", 2, day(1, 1), 10, 0, 0, 0, true);
        activity.order("cat", 3, day(1, 1), 10, 0, 0, 0, true);
        activity.order("cat", 3, day(1, 2), 10, 0, 0, 0, true);
        activity.order("cat", 3, day(1, 4), 10, 0, 0, 0, true);
        StreakRatios streaks = run(activity.snapshot(), RetentionSettings.defaults()).streaks();
        assertEquals(0.5, StreakRatios.ratio(30, 60), 1e-15);
        assertEquals(2, streaks.people());
        assertEquals(1, streaks.singleDay(), "bob");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L), streaks.bins(), "ann 50%, cat 2 of 3");
        assertEquals((0.5 + 2 / 3.0) / 2, streaks.mean().orElseThrow(), 1e-12);
        assertEquals((0.5 + 2 / 3.0) / 2, streaks.median().orElseThrow(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> StreakRatios.ratio(3, 2));
    }

    @Test
    void withoutBuyersOrFollowDatesThereAreNoCohortsAndAPlainReason() {
        ActivitySnapshot followersOnly = new ActivityFixture().follower(1, WEIBO).event(1, "view",
                day(1, 5)).snapshot();
        RetentionException noBuyers = assertThrows(RetentionException.class,
                () -> run(followersOnly, RetentionSettings.defaults()));
        assertEquals("retention.error.noBuyers", noBuyers.reason().key());
        RetentionException noDates = assertThrows(RetentionException.class, () -> run(followersOnly,
                new RetentionSettings(CohortBasis.FOLLOW, Period.MONTH, Activity.ENGAGEMENT, 0, 0)));
        assertEquals("retention.error.noFollowDates", noDates.reason().key());
        RetentionException empty = assertThrows(RetentionException.class,
                () -> run(new ActivityFixture().snapshot(), RetentionSettings.defaults()));
        assertEquals("retention.error.noData", empty.reason().key());
        assertFalse(noBuyers.getMessage().isBlank());
    }

    @Test
    void aPopulationLeavesEveryoneElseOutOfTheCohorts() throws Exception {
        ActivitySnapshot snapshot = threeCustomers().snapshot();
        java.util.BitSet annAndCat = new java.util.BitSet();
        annAndCat.set(snapshot.personOfFollower(1));
        annAndCat.set(snapshot.personOfFollower(3));
        RetentionResult result = Retention.run(snapshot, RetentionSettings.defaults(), java.util.Optional.of(annAndCat),
                TaskContext.silent());
        Cohort january = result.cohorts().getFirst();
        assertEquals(1, january.size(), "ann without bob");
        assertEquals(List.of(1L, 1L, 0L, 1L), active(january));
        assertEquals(List.of(100.0, 150.0, 150.0, 180.0), revenue(january));
        assertEquals(List.of("weibo"), result.byPlatform().stream().map(p -> p.platform().key()).toList());
        assertEquals(2, result.streaks().people() + result.streaks().singleDay(), "ann and cat only");
    }

    @Test
    void anEmptyPopulationOrOneWithoutCohortsSaysSo() {
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO).follower(2, WECHAT)
                .order("ann", 1, day(1, 5), 100, 0, 0, 0, true).snapshot();
        java.util.BitSet nobody = new java.util.BitSet();
        RetentionException empty = assertThrows(RetentionException.class, () -> Retention.run(snapshot,
                RetentionSettings.defaults(), java.util.Optional.of(nobody), TaskContext.silent()));
        assertEquals("retention.error.emptyPopulation", empty.reason().key());
        java.util.BitSet bob = new java.util.BitSet();
        bob.set(snapshot.personOfFollower(2));
        RetentionException noBuyers = assertThrows(RetentionException.class, () -> Retention.run(snapshot,
                RetentionSettings.defaults(), java.util.Optional.of(bob), TaskContext.silent()));
        assertEquals("retention.error.noBuyersHere", noBuyers.reason().key());
        RetentionException noDates = assertThrows(RetentionException.class, () -> Retention.run(snapshot,
                new RetentionSettings(CohortBasis.FOLLOW, Period.MONTH, Activity.PURCHASE, 0, 0),
                java.util.Optional.of(bob), TaskContext.silent()));
        assertEquals("retention.error.noFollowDatesHere", noDates.reason().key());
    }
}
