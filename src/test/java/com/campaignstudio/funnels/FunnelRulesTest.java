package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Percentiles;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import static com.campaignstudio.snapshot.ActivityFixture.DOUYIN;
import static com.campaignstudio.snapshot.ActivityFixture.WECHAT;
import static com.campaignstudio.snapshot.ActivityFixture.WEIBO;
import static com.campaignstudio.snapshot.ActivityFixture.at;
import static com.campaignstudio.snapshot.ActivityFixture.days;
import static com.campaignstudio.snapshot.ActivityFixture.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each counting rule of {@link Funnels} against a table worked out by hand on a few people. */
class FunnelRulesTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private static FunnelResult run(ActivitySnapshot snapshot, List<String> steps, Duration window, StepOrder order)
            throws FunnelException {
        return Funnels.run(snapshot, FunnelQuery.of(new FunnelDefinition(steps, window, order)), TaskContext.silent());
    }

    private static List<Long> people(FunnelFigures figures) {
        return figures.steps().stream().map(StepFigures::people).toList();
    }

    private static List<Long> outOfOrder(FunnelFigures figures) {
        return figures.steps().stream().map(StepFigures::outOfOrder).toList();
    }

    @Test
    void repeatedEventsCountOncePerPersonAndStepTimesAreTheLatestBeforeTheNextStep() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                // Three views, two clicks and a register: one person at each step.
                .event(1, "view", days(0)).event(1, "view", hours(1)).event(1, "view", days(1))
                .event(1, "click", days(1).plus(hours(1))).event(1, "click", days(2)).event(1, "register", days(3))
                .event(2, "view", days(0))
                .event(3, "view", days(0)).event(3, "click", hours(2)).event(3, "click", hours(3))
                .snapshot();
        FunnelFigures figures = run(snapshot, List.of("view", "click", "register"), WEEK, StepOrder.STRICT).overall();
        assertEquals(List.of(3L, 2L, 1L), people(figures));
        assertEquals(List.of(0L, 1L, 1L), figures.steps().stream().map(StepFigures::dropOff).toList());
        assertEquals(Optional.empty(), figures.steps().get(0).stepConversion());
        assertEquals(Optional.of(Proportion.of(2, 3)), figures.steps().get(1).stepConversion());
        assertEquals(Optional.of(Proportion.of(1, 2)), figures.steps().get(2).stepConversion());
        assertEquals(Optional.of(Proportion.of(1, 3)), figures.steps().get(2).overallConversion());
        // Person 1's register (day 3) follows their last click (day 2), which follows their last view (day 1):
        // view -> click 1 day, click -> register 1 day. Person 3: the view, then the first click 2 hours later.
        Percentiles toClick = figures.steps().get(1).timeFromPrevious().orElseThrow();
        assertEquals(2, toClick.count());
        assertEquals((2 + 24) / 2.0 * 3600, toClick.median(), 1e-9);
        assertEquals((2 + 0.25 * 22) * 3600, toClick.p25(), 1e-9);
        assertEquals((2 + 0.9 * 22) * 3600, toClick.p90(), 1e-9);
        assertEquals(86_400, figures.steps().get(2).timeFromPrevious().orElseThrow().median(), 1e-9);
        assertEquals(2 * 86_400, figures.convertSpread().orElseThrow().median(), 1e-9, "view (day 1) to register (day 3)");
    }

    @Test
    void someoneWhoSkipsAStepStopsBeforeItAndIsCountedOutOfOrderLater() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", days(0)).event(1, "register", days(1))
                .event(2, "view", days(0)).event(2, "click", days(1)).event(2, "register", days(2))
                .snapshot();
        FunnelFigures figures = run(snapshot, List.of("view", "click", "register"), WEEK, StepOrder.STRICT).overall();
        assertEquals(List.of(2L, 1L, 1L), people(figures));
        assertEquals(List.of(0L, 0L, 1L), outOfOrder(figures), "person 1 registered without clicking");
    }

    @Test
    void theWindowRunsFromTheEntryAndIncludesItsLastSecond() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(7))
                .event(2, "view", days(0)).event(2, "click", days(7).plusSeconds(1))
                // Too late for the first view, within the window of the second: a later entry counts.
                .event(3, "view", days(0)).event(3, "view", days(5)).event(3, "click", days(10))
                .snapshot();
        FunnelFigures figures = run(snapshot, List.of("view", "click"), WEEK, StepOrder.STRICT).overall();
        assertEquals(List.of(3L, 2L), people(figures));
        assertEquals(List.of(0L, 0L), outOfOrder(figures), "person 2's click is outside the window, not out of order");
        Percentiles toClick = figures.steps().get(1).timeFromPrevious().orElseThrow();
        assertEquals((5 + 7) / 2.0 * 86_400, toClick.median(), 1e-9, "5 days from the second entry, 7 from the first");
    }

    @Test
    void eventsAtTheSameSecondCountInTheFunnelsOrderAndFillOneStepEach() throws Exception {
        LocalDateTime same = at(days(1));
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO).follower(4, WEIBO)
                // Given in the wrong order; the same second.
                .event(1, "click", same).event(1, "view", same)
                .event(2, "register", same).event(2, "click", same).event(2, "view", same)
                .order("c3", 3, same, 10, 0, 0, 0, true).order("c3b", 3, same, 20, 0, 0, 0, true)
                .order("c4", 4, same, 10, 0, 0, 0, true)
                .snapshot();
        assertEquals(List.of(2L, 2L, 1L), people(run(snapshot, List.of("view", "click", "register"), WEEK,
                StepOrder.STRICT).overall()));
        assertEquals(List.of(2L, 1L), people(run(snapshot, List.of("purchase", "purchase"), WEEK, StepOrder.STRICT)
                .overall()), "two orders in one second make two purchases; one order only one");
        assertEquals(0, run(snapshot, List.of("view", "click"), WEEK, StepOrder.STRICT).overall().steps().get(1)
                .timeFromPrevious().orElseThrow().median(), 1e-9);
    }

    @Test
    void anyOrderTakesTheOtherStepsAfterTheEntryInWhateverOrder() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", days(0)).event(1, "register", days(1)).event(1, "click", days(2))
                // A click before the entry is no step of the attempt.
                .event(2, "click", days(0)).event(2, "view", days(1)).event(2, "register", days(2))
                .snapshot();
        List<String> steps = List.of("view", "click", "register");
        FunnelFigures strict = run(snapshot, steps, WEEK, StepOrder.STRICT).overall();
        assertEquals(List.of(2L, 1L, 0L), people(strict));
        assertEquals(List.of(0L, 0L, 2L), outOfOrder(strict), "both registered within their window, out of order");
        FunnelFigures any = run(snapshot, steps, WEEK, StepOrder.ANY).overall();
        assertEquals(List.of(2L, 1L, 1L), people(any));
        assertEquals(List.of(0L, 0L, 1L), outOfOrder(any), "person 2 registered but never clicked after the view");
        // Person 1 had registered (day 1) by the time they clicked (day 2): the register adds no time.
        assertEquals(0, any.steps().get(2).timeFromPrevious().orElseThrow().median(), 1e-9);
        assertEquals(2 * 86_400, any.convertSpread().orElseThrow().median(), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> new FunnelDefinition(List.of("purchase", "purchase"), WEEK, StepOrder.ANY));
    }

    /** Follower 1 buys after clicking; 2's order is refunded; 3's customer links through an earlier order. */
    private static ActivitySnapshot socialToSale() {
        return new ActivityFixture()
                .follower(1, WEIBO).follower(2, WECHAT).follower(3, DOUYIN)
                .event(1, "view", days(0)).event(1, "click", days(1))
                .event(2, "view", days(0)).event(2, "click", days(1))
                .event(3, "view", days(0)).event(3, "click", days(1))
                .order("ann", 1, at(days(2)), 99, 0, 1, 1, true)
                .order("bob", 2, at(days(2)), 99, WECHAT, 1, 1, false)
                .order("cat", 3, at(days(-1)), 50, DOUYIN, 0, 2, true)
                .order("cat", 0, at(days(3)), 60, DOUYIN, 0, 2, true)
                .order("dan", 0, at(days(1)), 70, DOUYIN, 2, 1, true)
                .order(null, 0, at(days(1)), 10, WEIBO, 0, 0, true)
                .snapshot();
    }

    @Test
    void onePathRunsFromAViewToAPaymentThroughTheLinkedFollowerAndRefundsNeverCount() throws Exception {
        ActivitySnapshot snapshot = socialToSale();
        assertEquals(1, snapshot.unlinkedBuyers(), "dan");
        FunnelResult result = run(snapshot, List.of("view", "click", "purchase"), WEEK, StepOrder.STRICT);
        assertEquals(List.of(3L, 3L, 2L), people(result.overall()), "ann, and cat through her customer reference");
        assertEquals(1, result.unlinkedBuyers());
        assertEquals(1, result.notEntered(), "dan bought without a view");
        assertEquals(1, result.overall().stillOpen(), "bob has not bought, and the data end 3 days after his view");
        assertEquals(List.of("funnel.note.unlinkedBuyers", "funnel.note.refundsLeftOut", "funnel.note.guestOrdersLeftOut",
                "funnel.note.notEntered", "funnel.note.stillOpen"),
                result.notes().stream().map(com.campaignstudio.text.Reason::key).toList());
        // Unlinked buyers do enter a funnel of purchases: cat bought twice, ann and dan once.
        FunnelResult repeat = run(snapshot, List.of("purchase", "purchase"), Duration.ofDays(30), StepOrder.STRICT);
        assertEquals(List.of(3L, 1L), people(repeat.overall()));
    }

    @Test
    void aBreakdownByPlatformTakesThePlatformOfTheEntry() throws Exception {
        ActivitySnapshot snapshot = socialToSale();
        FunnelQuery query = FunnelQuery.of(new FunnelDefinition(List.of("view", "click", "purchase"), WEEK,
                StepOrder.STRICT)).by(Breakdown.PLATFORM);
        FunnelResult result = Funnels.run(snapshot, query, TaskContext.silent());
        assertEquals(List.of("weibo", "wechat", "douyin"), result.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(List.of(1L, 1L, 1L), List.of(1L, 1L, 0L), List.of(1L, 1L, 1L)),
                result.groups().stream().map(g -> people(g.figures())).toList());
        // Entered by a purchase: the order's platform, or when it names none, the follower's.
        FunnelResult purchases = Funnels.run(snapshot, FunnelQuery.of(new FunnelDefinition(
                List.of("purchase", "purchase"), Duration.ofDays(30), StepOrder.STRICT)).by(Breakdown.PLATFORM),
                TaskContext.silent());
        assertEquals(List.of("weibo", "douyin"), purchases.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(List.of(1L, 0L), List.of(2L, 1L)),
                purchases.groups().stream().map(g -> people(g.figures())).toList());
    }

    @Test
    void byPeriodAPersonEntersInEachPeriodWithTheirBestAttemptThere() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", LocalDateTime.of(2026, 1, 10, 12, 0))
                .event(1, "view", LocalDateTime.of(2026, 2, 10, 12, 0))
                .event(1, "click", LocalDateTime.of(2026, 2, 11, 12, 0))
                .event(2, "view", LocalDateTime.of(2026, 1, 20, 12, 0))
                .event(2, "click", LocalDateTime.of(2026, 1, 21, 12, 0))
                .snapshot();
        FunnelResult trend = Funnels.trend(snapshot, new FunnelDefinition(List.of("view", "click"), WEEK,
                StepOrder.STRICT), Period.MONTH, TaskContext.silent());
        assertEquals(List.of("2026-01", "2026-02"), trend.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(List.of(2L, 1L), List.of(1L, 1L)),
                trend.groups().stream().map(g -> people(g.figures())).toList());
        assertEquals(List.of(2L, 2L), people(trend.overall()), "overall each person once, by their best attempt");
    }

    @Test
    void byProductOrCampaignEachGroupCountsOnlyItsOwnOrdersAtThePurchaseStep() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .event(1, "view", days(0)).event(2, "view", days(0)).event(3, "view", days(0))
                .order("c1", 1, at(days(1)), 100, 0, 1, 1, true)
                .order("c2", 2, at(days(1)), 30, 0, 0, 2, true)
                .snapshot();
        FunnelDefinition definition = new FunnelDefinition(List.of("view", "purchase"), WEEK, StepOrder.STRICT);
        FunnelResult byProduct = Funnels.run(snapshot, FunnelQuery.of(definition).by(Breakdown.PRODUCT),
                TaskContext.silent());
        assertEquals(List.of("Course", "E-book"), byProduct.groups().stream().map(g -> g.label().english()).toList());
        assertEquals(List.of(List.of(3L, 1L), List.of(3L, 1L)),
                byProduct.groups().stream().map(g -> people(g.figures())).toList());
        assertEquals(List.of(3L, 2L), people(byProduct.overall()));
        FunnelResult byCampaign = Funnels.run(snapshot, FunnelQuery.of(definition).by(Breakdown.CAMPAIGN),
                TaskContext.silent());
        assertEquals(List.of("1", "none"), byCampaign.groups().stream().map(g -> g.label().key()).toList());
        assertEquals("Spring launch", byCampaign.groups().getFirst().label().english());
        FunnelException noPurchase = assertThrows(FunnelException.class, () -> Funnels.run(snapshot,
                FunnelQuery.of(new FunnelDefinition(List.of("view", "view"), WEEK, StepOrder.STRICT))
                        .by(Breakdown.PRODUCT), TaskContext.silent()));
        assertEquals("funnel.error.breakdownNeedsPurchase", noPurchase.reason().key());
    }

    @Test
    void aSavedSegmentationGroupsAndFiltersThePeople() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(1))
                .event(2, "view", days(0))
                .event(3, "view", days(0)).event(3, "click", days(1))
                .snapshot();
        PersonGroups segments = PersonGroups.ofFollowers(snapshot, new long[]{1, 2}, new int[]{0, 1},
                List.of("Fans", "Others"));
        FunnelDefinition definition = new FunnelDefinition(List.of("view", "click"), WEEK, StepOrder.STRICT);
        FunnelResult bySegment = Funnels.run(snapshot, new FunnelQuery(definition, Breakdown.SEGMENT, Period.MONTH,
                Optional.of(segments), Optional.empty()), TaskContext.silent());
        assertEquals(List.of("Fans", "Others", "Not in this segmentation"),
                bySegment.groups().stream().map(g -> g.label().english()).toList());
        assertEquals(List.of(List.of(1L, 1L), List.of(1L, 0L), List.of(1L, 1L)),
                bySegment.groups().stream().map(g -> people(g.figures())).toList());
        FunnelResult fans = Funnels.run(snapshot, new FunnelQuery(definition, Breakdown.NONE, Period.MONTH,
                Optional.empty(), Optional.of(segments.members(0))), TaskContext.silent());
        assertEquals(List.of(1L, 1L), people(fans.overall()));
        FunnelException empty = assertThrows(FunnelException.class, () -> Funnels.run(snapshot, new FunnelQuery(
                definition, Breakdown.NONE, Period.MONTH, Optional.empty(), Optional.of(new BitSet())),
                TaskContext.silent()));
        assertEquals("funnel.error.emptyPopulation", empty.reason().key());
    }

    @Test
    void badStepsAndAWindowThatExcludesEveryoneAreRefusedWithAReason() {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(2))
                .event(2, "view", days(0)).event(2, "click", days(3))
                .snapshot();
        FunnelException unknown = assertThrows(FunnelException.class,
                () -> run(snapshot, List.of("view", "clik"), WEEK, StepOrder.STRICT));
        assertEquals("funnel.error.unknownStep", unknown.reason().key());
        assertTrue(unknown.getMessage().contains("click"), "names the steps there are: " + unknown.getMessage());
        FunnelException none = assertThrows(FunnelException.class,
                () -> run(snapshot, List.of("view", "favourite"), WEEK, StepOrder.STRICT));
        assertEquals("funnel.error.noEvents", none.reason().key());
        FunnelException noOrders = assertThrows(FunnelException.class,
                () -> run(snapshot, List.of("view", "purchase"), WEEK, StepOrder.STRICT));
        assertEquals("funnel.error.noEvents", noOrders.reason().key());
        FunnelException excluded = assertThrows(FunnelException.class,
                () -> run(snapshot, List.of("view", "click"), Duration.ofHours(1), StepOrder.STRICT));
        assertEquals("funnel.error.windowExcludesEveryone", excluded.reason().key());
        assertEquals(List.of("1h", "click", "view", "2"), excluded.reason().arguments());
        FunnelException noEntry = assertThrows(FunnelException.class,
                () -> run(snapshot, List.of("share", "click"), WEEK, StepOrder.STRICT));
        assertEquals("funnel.error.noEvents", noEntry.reason().key());
    }

    @Test
    void aStepThatNobodyReachesWhateverTheWindowIsAPlainZero() throws Exception {
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(2))
                .event(2, "view", days(0)).event(2, "click", days(3))
                .snapshot();
        FunnelFigures figures = run(snapshot, List.of("click", "view"), Duration.ofHours(1), StepOrder.STRICT).overall();
        assertEquals(List.of(2L, 0L), people(figures), "no view ever follows a click");
        assertEquals(Optional.of(Proportion.of(0, 2)), figures.steps().get(1).stepConversion());
        assertEquals(Optional.empty(), figures.convertSpread());
        assertEquals(Optional.empty(), figures.steps().get(1).timeFromPrevious());
    }

    @Test
    void windowsAreWrittenWithAUnitAndNeverZero() {
        assertEquals(Duration.ofMinutes(30), FunnelDefinition.parseWindow("30m"));
        assertEquals(Duration.ofHours(12), FunnelDefinition.parseWindow("12h"));
        assertEquals(Duration.ofDays(14), FunnelDefinition.parseWindow("2w"));
        assertEquals(Duration.ofDays(5), FunnelDefinition.parseWindow("5"));
        assertThrows(IllegalArgumentException.class, () -> FunnelDefinition.parseWindow("0d"));
        assertThrows(IllegalArgumentException.class, () -> FunnelDefinition.parseWindow("7x"));
        assertThrows(IllegalArgumentException.class, () -> FunnelDefinition.parseWindow("week"));
        assertEquals(List.of("view", "view", "click"),
                new FunnelDefinition(List.of("Exposure", "impression", "click"), WEEK, StepOrder.STRICT).steps());
    }

    @Test
    void theTimeToConvertHistogramCoversTheWindowInRoundBins() throws Exception {
        ActivityFixture activity = new ActivityFixture();
        double[] hoursToClick = {0, 3, 71, 72};
        for (int i = 0; i < hoursToClick.length; i++) {
            activity.follower(i + 1, WEIBO).event(i + 1, "view", days(0)).event(i + 1, "click", hours(hoursToClick[i]));
        }
        FunnelFigures figures = run(activity.snapshot(), List.of("view", "click"), Duration.ofDays(3), StepOrder.STRICT)
                .overall();
        List<TimeBin> bins = figures.timeToConvert();
        assertEquals(24, bins.size(), "3-hour bins: 2-hour ones would take 36");
        assertEquals(new TimeBin(0, 3 * 3600, 1), bins.get(0));
        assertEquals(new TimeBin(3 * 3600, 6 * 3600, 1), bins.get(1));
        assertEquals(new TimeBin(69 * 3600, 72 * 3600, 2), bins.get(23), "the window's last second is in the last bin");
        assertEquals(4, bins.stream().mapToLong(TimeBin::people).sum());
    }
}
