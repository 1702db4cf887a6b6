package com.campaignstudio.retention;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static com.campaignstudio.snapshot.ActivityFixture.DOUYIN;
import static com.campaignstudio.snapshot.ActivityFixture.WECHAT;
import static com.campaignstudio.snapshot.ActivityFixture.WEIBO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Retention and streak ratios at their edges, worked out by hand. */
class RetentionEdgesTest {

    private static LocalDateTime day(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0);
    }

    private static RetentionResult run(ActivitySnapshot snapshot, RetentionSettings settings) throws Exception {
        return Retention.run(snapshot, settings, TaskContext.silent());
    }

    private static RetentionSettings settings(CohortBasis cohort, Activity activity, int maxPeriods) {
        return new RetentionSettings(cohort, Period.MONTH, activity, 0, maxPeriods);
    }

    private static List<Long> active(Cohort cohort) {
        return cohort.cells().stream().map(RetentionCell::active).toList();
    }

    @Test
    void aRatioIsTheLongestRunOverTheActiveDaysAndNothingElse() {
        assertEquals(0.5, StreakRatios.ratio(30, 60), 1e-15);
        assertEquals(1.0, StreakRatios.ratio(60, 60), 1e-15);
        assertEquals(1.0, StreakRatios.ratio(1, 1), 1e-15);
        assertEquals(0.2, StreakRatios.ratio(1, 5), 1e-15);
        for (int[] impossible : new int[][]{{0, 5}, {6, 5}, {1, 0}, {0, 0}, {-1, 3}}) {
            assertThrows(IllegalArgumentException.class, () -> StreakRatios.ratio(impossible[0], impossible[1]),
                    impossible[0] + " of " + impossible[1]);
        }
    }

    /**
     * Four followers who followed on 1 December 2025. Orders in January: 1 on the 1st, 2nd, 3rd and 5th (3 of 4
     * days in a row: 0.75); 2 on the 1st to 4th (1.0); 3 on the 1st, 3rd, 5th, 7th and 9th (0.2); 4 on the 1st and
     * 3rd (0.5), and views on the 2nd and 4th (with them, the 1st to 4th in a row: 1.0).
     */
    private static ActivitySnapshot fourStreaks() {
        LocalDateTime followed = LocalDateTime.of(2025, 12, 1, 8, 0);
        ActivityFixture activity = new ActivityFixture();
        for (int f = 1; f <= 4; f++) {
            activity.follower(f, WEIBO, followed);
        }
        for (int d : new int[]{1, 2, 3, 5}) {
            activity.order("c1", 1, day(1, d), 10, 0, 0, 0, true);
        }
        for (int d : new int[]{1, 2, 3, 4}) {
            activity.order("c2", 2, day(1, d), 10, 0, 0, 0, true);
        }
        for (int d : new int[]{1, 3, 5, 7, 9}) {
            activity.order("c3", 3, day(1, d), 10, 0, 0, 0, true);
        }
        activity.order("c4", 4, day(1, 1), 10, 0, 0, 0, true).order("c4", 4, day(1, 3), 10, 0, 0, 0, true)
                .event(4, "view", day(1, 2)).event(4, "view", day(1, 4));
        return activity.snapshot();
    }

    @Test
    void purchaseStreaksCountOrdersOnlyAndTheMedianIsOfTheSortedRatios() throws Exception {
        StreakRatios streaks = run(fourStreaks(), settings(CohortBasis.PURCHASE, Activity.PURCHASE, 0)).streaks();
        // Ratios 0.75, 1.0, 0.2, 0.5: sorted 0.2, 0.5, 0.75, 1.0, median (0.5 + 0.75) / 2.
        assertEquals(4, streaks.people());
        assertEquals(0, streaks.singleDay());
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 1L), streaks.bins());
        assertEquals(0.625, streaks.median().orElseThrow(), 1e-12);
        assertEquals((0.75 + 1.0 + 0.2 + 0.5) / 4, streaks.mean().orElseThrow(), 1e-12);
    }

    @Test
    void engagementStreaksMergeEventsWithOrdersButNotTheFollow() throws Exception {
        StreakRatios streaks = run(fourStreaks(), new RetentionSettings(CohortBasis.PURCHASE, Period.MONTH,
                Activity.ENGAGEMENT, 0, 0)).streaks();
        // Person 4 is now active 1st to 4th January: 1.0. The follow (1 December) is no activity. Ratios 0.75, 1.0,
        // 0.2, 1.0: median (0.75 + 1.0) / 2.
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L, 2L), streaks.bins());
        assertEquals(0.875, streaks.median().orElseThrow(), 1e-12);
        assertEquals((0.75 + 1.0 + 0.2 + 1.0) / 4, streaks.mean().orElseThrow(), 1e-12);
    }

    @Test
    void streaksOfManyPeopleAndOfNobodyWithTwoDays() throws Exception {
        ActivityFixture many = new ActivityFixture();
        for (int f = 1; f <= 1100; f++) {
            many.follower(f, WEIBO).order("c" + f, f, day(1, 1), 10, 0, 0, 0, true)
                    .order("c" + f, f, day(1, 2), 10, 0, 0, 0, true);
        }
        StreakRatios streaks = run(many.snapshot(), RetentionSettings.defaults()).streaks();
        assertEquals(1100, streaks.people());
        assertEquals(1100, streaks.bins().get(9));
        assertEquals(1.0, streaks.median().orElseThrow(), 1e-15);

        ActivitySnapshot oneDayEach = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO)
                .order("a", 1, day(1, 1), 10, 0, 0, 0, true).order("a", 1, day(1, 1).plusHours(5), 10, 0, 0, 0, true)
                .order("b", 2, day(2, 1), 10, 0, 0, 0, true).snapshot();
        assertEquals(new StreakRatios(0, 2, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), Optional.empty(),
                Optional.empty()), run(oneDayEach, RetentionSettings.defaults()).streaks());
    }

    @Test
    void followCohortsLeaveOutFollowersWithoutADateAndBuyersWhoNeverFollowed() throws Exception {
        // Follower 1 followed 5 January and viewed on the 6th; follower 2 has no follow date; zed bought on the
        // 10th without following (a person after the followers). Data end 10 January: January is partial.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO, day(1, 5)).follower(2, WEIBO)
                .event(1, "view", day(1, 6))
                .order("zed", 0, day(1, 10), 30, DOUYIN, 0, 0, true)
                .snapshot();
        RetentionResult result = run(snapshot, settings(CohortBasis.FOLLOW, Activity.ENGAGEMENT, 0));
        assertEquals(1, result.cohorts().size());
        Cohort january = result.cohorts().getFirst();
        assertEquals(1, january.size());
        assertEquals(List.of(1L), active(january), "the view in the cohort's own month");
        assertEquals(List.of(Reason.of("retention.note.partialPeriod", "2026-01", LocalDate.of(2026, 1, 10)),
                Reason.of("retention.note.withoutFollowDate", 1)), result.notes());
        assertEquals(List.of(0L), active(run(snapshot, settings(CohortBasis.FOLLOW, Activity.PURCHASE, 0))
                .cohorts().getFirst()), "no order of follower 1");
    }

    @Test
    void activityBeyondThePeriodsShownIsLeftOut() throws Exception {
        // One customer: orders in January (100) and March (50), a view in March; two periods shown (January and
        // February), the data run to March.
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO)
                .order("a", 1, day(1, 10), 100, 0, 0, 0, true).order("a", 1, day(3, 10), 50, 0, 0, 0, true)
                .event(1, "view", day(3, 12))
                .snapshot();
        for (Activity activity : Activity.values()) {
            RetentionResult result = run(snapshot, settings(CohortBasis.PURCHASE, activity, 2));
            Cohort january = result.cohorts().getFirst();
            assertEquals(List.of(1L, 0L), active(january), activity.key());
            assertEquals(List.of(100.0, 100.0), january.cells().stream().map(RetentionCell::revenuePerMember).toList());
        }
    }

    @Test
    void revenueByPlatformFollowsTheFirstOrdersPlatformAndOnlyTheMonthsObserved() throws Exception {
        // Ann (Weibo follower) first buys on WeChat: 100 in January, 50 in February. Bob (Weibo) buys with no
        // platform: 80 in January, 20 in March. Zed, unlinked, buys 30 on Douyin in March. Data end 20 March.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .order("ann", 1, day(1, 5), 100, WECHAT, 0, 0, true)
                .order("ann", 1, day(2, 5), 50, WEIBO, 0, 0, true)
                .order("bob", 2, day(1, 20), 80, 0, 0, 0, true)
                .order("bob", 2, day(3, 20), 20, 0, 0, 0, true)
                .order("zed", 0, day(3, 10), 30, DOUYIN, 0, 0, true)
                .snapshot();
        RetentionResult result = run(snapshot, RetentionSettings.defaults());
        assertEquals(List.of("weibo", "wechat", "douyin"),
                result.byPlatform().stream().map(p -> p.platform().key()).toList());
        // Cumulative revenue per member: bob 80, 80, 100; ann 100, 150, 150; zed (March's cohort) 30 only.
        assertEquals(List.of(List.of(80.0, 80.0, 100.0), List.of(100.0, 150.0, 150.0), List.of(30.0)),
                result.byPlatform().stream().map(p -> p.points().stream()
                        .map(PlatformRevenue.Point::revenuePerMember).toList()).toList());
        assertEquals(List.of(2L, 1L, 1L), active(result.cohorts().getFirst()));
        assertEquals(List.of(Reason.of("retention.note.emptyCohorts", 1),
                Reason.of("retention.note.partialPeriod", "2026-03", LocalDate.of(2026, 3, 20))), result.notes());
    }

    @Test
    void cohortsAndActivitiesAreNamedByTheirKeys() {
        assertEquals("follow", CohortBasis.FOLLOW.key());
        assertEquals(CohortBasis.PURCHASE, CohortBasis.byKey("purchase"));
        assertEquals(CohortBasis.FOLLOW, CohortBasis.byKey("follow"));
        assertThrows(IllegalArgumentException.class, () -> CohortBasis.byKey("signup"));
        assertEquals("engagement", Activity.ENGAGEMENT.key());
        assertEquals(Activity.PURCHASE, Activity.byKey("purchase"));
        assertEquals(Activity.ENGAGEMENT, Activity.byKey("engagement"));
        assertThrows(IllegalArgumentException.class, () -> Activity.byKey("login"));
    }
}
