package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static com.campaignstudio.snapshot.ActivityFixture.DOUYIN;
import static com.campaignstudio.snapshot.ActivityFixture.WECHAT;
import static com.campaignstudio.snapshot.ActivityFixture.WEIBO;
import static com.campaignstudio.snapshot.ActivityFixture.at;
import static com.campaignstudio.snapshot.ActivityFixture.days;
import static com.campaignstudio.snapshot.ActivityFixture.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The funnel rules at their edges, worked out by hand: steps in every order and at one second, a step exactly one
 * window after the entry, entries exactly at a period's first second, the attempt that counts when a later one
 * reaches as deep, the notes' exact figures and the way windows are written.
 */
class FunnelEdgesTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final List<String> VIEW_CLICK_REGISTER = List.of("view", "click", "register");

    private static FunnelResult run(ActivitySnapshot snapshot, List<String> steps, Duration window, StepOrder order)
            throws FunnelException {
        return Funnels.run(snapshot, FunnelQuery.of(new FunnelDefinition(steps, window, order)), TaskContext.silent());
    }

    private static List<Long> people(FunnelFigures figures) {
        return figures.steps().stream().map(StepFigures::people).toList();
    }

    private static double medianGap(FunnelFigures figures, int step) {
        return figures.steps().get(step).timeFromPrevious().orElseThrow().median();
    }

    @Test
    void stepsInEveryOrderAndAllAtOneSecond() throws Exception {
        // Persons 1-6 do view, click and register on days 0, 1 and 2 in each of the six orders; persons 7-12 do all
        // three at one second, given in each of the six table orders.
        String[][] permutations = {{"view", "click", "register"}, {"view", "register", "click"},
                {"click", "view", "register"}, {"click", "register", "view"}, {"register", "view", "click"},
                {"register", "click", "view"}};
        ActivityFixture activity = new ActivityFixture();
        for (int p = 0; p < 6; p++) {
            activity.follower(p + 1, WEIBO).follower(p + 7, WEIBO);
            for (int k = 0; k < 3; k++) {
                activity.event(p + 1, permutations[p][k], days(k));
                activity.event(p + 7, permutations[p][k], days(1));
            }
        }
        ActivitySnapshot snapshot = activity.snapshot();
        // Strict: VCR reaches 3; VRC (no register after the click) and RVC reach 2; CVR, CRV, RCV only view.
        // Ties count in the funnel's order: persons 7-12 all reach 3.
        assertEquals(List.of(12L, 9L, 7L), people(run(snapshot, VIEW_CLICK_REGISTER, WEEK, StepOrder.STRICT).overall()));
        // Any order after the view: VCR and VRC reach 3 (VRC when the click comes, day 2), RVC 2 (its register came
        // before the view), the others only view.
        FunnelFigures any = run(snapshot, VIEW_CLICK_REGISTER, WEEK, StepOrder.ANY).overall();
        assertEquals(List.of(12L, 9L, 8L), people(any));
        assertEquals(12, any.entered());
        assertEquals(8, any.converted());
    }

    @Test
    void aStepExactlyOneWindowAfterTheEntryCountsAndMarksTheSkipperOutOfOrder() throws Exception {
        // Window 1 day. 1: registers an hour after the view without a click. 2: only views. 3: registers exactly a
        // day after the view, 4: a second later (outside). 5: view, click, register. Out of order at register:
        // 1 and 3. In any order, the click exactly a day after the view counts, a second later does not.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO).follower(4, WEIBO).follower(5, WEIBO)
                .follower(6, WEIBO).follower(7, WEIBO)
                .event(1, "view", days(0)).event(1, "register", hours(1))
                .event(2, "view", days(0))
                .event(3, "view", days(0)).event(3, "register", days(1))
                .event(4, "view", days(0)).event(4, "register", days(1).plusSeconds(1))
                .event(5, "view", days(0)).event(5, "click", hours(1)).event(5, "register", hours(2))
                .event(6, "view", days(0)).event(6, "click", days(1))
                .event(7, "view", days(0)).event(7, "click", days(1).plusSeconds(1))
                .snapshot();
        FunnelFigures strict = run(snapshot, VIEW_CLICK_REGISTER, Duration.ofDays(1), StepOrder.STRICT).overall();
        assertEquals(List.of(7L, 2L, 1L), people(strict));
        assertEquals(List.of(0L, 0L, 2L), strict.steps().stream().map(StepFigures::outOfOrder).toList());
        FunnelFigures any = run(snapshot, List.of("view", "click"), Duration.ofDays(1), StepOrder.ANY).overall();
        assertEquals(List.of(7L, 2L), people(any), "5 and 6");
        assertEquals((3600 + 86_400) / 2.0, medianGap(any, 1), 1e-9);
    }

    @Test
    void theAttemptCountedIsTheFirstToReachTheDeepestStep() throws Exception {
        // View day 0, click day 1, view day 2, click 2 hours later; the register (day 20) is outside the week. The
        // first attempt reaches the click first: a day from view to click, in either order.
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(1)).event(1, "view", days(2))
                .event(1, "click", days(2).plus(hours(2))).event(1, "register", days(20))
                .snapshot();
        for (StepOrder order : StepOrder.values()) {
            FunnelFigures figures = run(snapshot, VIEW_CLICK_REGISTER, WEEK, order).overall();
            assertEquals(List.of(1L, 1L, 0L), people(figures), order.key());
            assertEquals(86_400, medianGap(figures, 1), 1e-9, order.key());
        }
        // In any order, a later entry that completes at the same second is the one counted: view day 0; click,
        // register and a view all on day 2. The entry is day 2's view: no time between the steps.
        ActivitySnapshot late = new ActivityFixture().follower(1, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(2)).event(1, "register", days(2))
                .event(1, "view", days(2))
                .snapshot();
        FunnelFigures any = run(late, VIEW_CLICK_REGISTER, WEEK, StepOrder.ANY).overall();
        assertEquals(List.of(1L, 1L, 1L), people(any));
        assertEquals(0, medianGap(any, 1), 1e-9);
        assertEquals(0, any.convertSpread().orElseThrow().median(), 1e-9);
    }

    /**
     * Weeks of Monday 5 and Monday 12 January 2026. 1: views Sunday 11:00 and 12:00, clicks Monday 12:00 (exactly a
     * day after the second view). 2: views Wednesday 09:00 and exactly at Monday 00:00, clicks Monday 00:30.
     * 3: views Monday 06:00 only. The data end Monday 12:00.
     */
    private static ActivitySnapshot aroundMondayMidnight() {
        return new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .event(1, "view", LocalDateTime.of(2026, 1, 11, 11, 0))
                .event(1, "view", LocalDateTime.of(2026, 1, 11, 12, 0))
                .event(1, "click", LocalDateTime.of(2026, 1, 12, 12, 0))
                .event(2, "view", LocalDateTime.of(2026, 1, 7, 9, 0))
                .event(2, "view", LocalDateTime.of(2026, 1, 12, 0, 0))
                .event(2, "click", LocalDateTime.of(2026, 1, 12, 0, 30))
                .event(3, "view", LocalDateTime.of(2026, 1, 12, 6, 0))
                .snapshot();
    }

    @Test
    void byWeekAnEntryAtMondayMidnightStartsTheNewWeekAndTheWindowMayRunIntoIt() throws Exception {
        ActivitySnapshot snapshot = aroundMondayMidnight();
        for (StepOrder order : StepOrder.values()) {
            // A one-day window. Week 2: person 1 clicks exactly a day after the Sunday 12:00 view (in week 3);
            // person 2's Wednesday view is followed by no click within a day. Week 3: person 2 enters at midnight
            // and clicks half an hour later; person 3 views only. Person 1's click is no entry in week 3.
            FunnelResult trend = Funnels.trend(snapshot, new FunnelDefinition(List.of("view", "click"),
                    Duration.ofDays(1), order), Period.WEEK, TaskContext.silent());
            assertEquals(List.of("2026-W02", "2026-W03"), trend.groups().stream().map(g -> g.label().key()).toList());
            assertEquals(List.of(List.of(2L, 1L), List.of(2L, 1L)),
                    trend.groups().stream().map(g -> people(g.figures())).toList(), order.key());
            assertEquals(86_400, medianGap(trend.groups().get(0).figures(), 1), 1e-9, order.key());
            assertEquals(1800, medianGap(trend.groups().get(1).figures(), 1), 1e-9, order.key());
            // Still open: only person 3, whose day runs past the data's end (Monday 12:00); person 2's Wednesday
            // attempt closed on Thursday.
            assertEquals(List.of(Reason.of("funnel.note.stillOpen", 1, "1d", LocalDate.of(2026, 1, 12))),
                    trend.notes(), order.key());

            // A week's window. In week 2 person 2's entry stays the Wednesday view (the Monday midnight one belongs
            // to week 3): Wednesday 09:00 to Monday 00:30 is 4 days 15.5 hours; person 1's is a day.
            FunnelResult weekly = Funnels.trend(snapshot, new FunnelDefinition(List.of("view", "click"), WEEK, order),
                    Period.WEEK, TaskContext.silent());
            FunnelFigures second = weekly.groups().get(0).figures();
            assertEquals(List.of(2L, 2L), people(second), order.key());
            assertEquals((86_400 + 4 * 86_400 + 15.5 * 3600) / 2, medianGap(second, 1), 1e-9, order.key());
        }
    }

    @Test
    void personsWithEntriesInManyWeeksEnterEachWeekOnce() throws Exception {
        // Two views in each of 25 consecutive weeks (Monday 09:00 and Tuesday 09:00), a click every Wednesday:
        // 75 events of one person, 25 periods.
        ActivityFixture activity = new ActivityFixture().follower(1, WEIBO);
        for (int w = 0; w < 25; w++) {
            activity.event(1, "view", days(7 * w)).event(1, "view", days(7 * w + 1))
                    .event(1, "click", days(7 * w + 2));
        }
        FunnelResult trend = Funnels.trend(activity.snapshot(), new FunnelDefinition(List.of("view", "click"),
                Duration.ofDays(1), StepOrder.STRICT), Period.WEEK, TaskContext.silent());
        assertEquals(25, trend.groups().size());
        for (FunnelGroup group : trend.groups()) {
            assertEquals(List.of(1L, 1L), people(group.figures()), group.label().key());
        }
    }

    @Test
    void anEntryByAnOrderTakesThatOrdersPlatform() throws Exception {
        // Follower 1 (Weibo) buys once on Douyin; follower 2 (Weibo) twice on WeChat: their entry is their first
        // order (the second of the snapshot's orders), on WeChat.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .order("a", 1, at(days(0)), 10, DOUYIN, 0, 0, true)
                .order("b", 2, at(days(0)), 10, WECHAT, 0, 0, true)
                .order("b", 2, at(days(1)), 10, WECHAT, 0, 0, true)
                .snapshot();
        FunnelResult result = Funnels.run(snapshot, FunnelQuery.of(new FunnelDefinition(
                List.of("purchase", "purchase"), WEEK, StepOrder.STRICT)).by(Breakdown.PLATFORM), TaskContext.silent());
        assertEquals(List.of("wechat", "douyin"), result.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(List.of(1L, 1L), List.of(1L, 0L)),
                result.groups().stream().map(g -> people(g.figures())).toList());
    }

    @Test
    void byProductBuyersWhoNeverEnteredAreInNoGroupAndOrdersWithoutAProductAreGroupedLast() throws Exception {
        // 1 views and buys product 1; 2 buys product 2 without a view; 3 views and buys with no product; 4 only
        // views. Every group: 4 and the viewers enter (1, 3, 4); each converts only its own buyer.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO).follower(4, WEIBO)
                .event(1, "view", days(0)).event(3, "view", days(0)).event(4, "view", days(0))
                .order("a", 1, at(days(1)), 10, 0, 0, 1, true)
                .order("b", 2, at(days(1)), 10, 0, 0, 2, true)
                .order("c", 3, at(days(2)), 10, 0, 0, 0, true)
                .snapshot();
        FunnelResult result = Funnels.run(snapshot, FunnelQuery.of(new FunnelDefinition(List.of("view", "purchase"),
                WEEK, StepOrder.STRICT)).by(Breakdown.PRODUCT), TaskContext.silent());
        assertEquals(List.of("1", "2", "none"), result.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(List.of(3L, 1L), List.of(3L, 0L), List.of(3L, 1L)),
                result.groups().stream().map(g -> people(g.figures())).toList());
        assertEquals(List.of(3L, 2L), people(result.overall()));
        assertEquals(1, result.notEntered(), "2 bought without viewing");
    }

    /** Follower 1 buys after clicking; 2's order is refunded; 3's customer links through an earlier order. */
    private static ActivityFixture socialToSale() {
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
                .order(null, 0, at(days(1)), 10, WEIBO, 0, 0, true);
    }

    @Test
    void theNotesSayWhatWasLeftOutWithItsCounts() throws Exception {
        ActivitySnapshot snapshot = socialToSale().total().total().snapshot();
        // View, click, purchase: dan bought unlinked and never viewed; bob's order was refunded; one guest order;
        // two totals. Bob is still open: his view (day 0) is less than a week before the data end (day 3,
        // 8 January).
        FunnelResult social = run(snapshot, List.of("view", "click", "purchase"), WEEK, StepOrder.STRICT);
        assertEquals(List.of(Reason.of("funnel.note.unlinkedBuyers", 1), Reason.of("funnel.note.refundsLeftOut", 1),
                Reason.of("funnel.note.guestOrdersLeftOut", 1), Reason.of("funnel.note.totalsLeftOut", 2),
                Reason.of("funnel.note.notEntered", 1, "view"),
                Reason.of("funnel.note.stillOpen", 1, "7d", LocalDate.of(2026, 1, 8))), social.notes());
        // Purchases only: unlinked buyers and engagement totals do not matter. Ann and dan bought once within 30
        // days of the data end; cat twice.
        FunnelResult purchases = run(snapshot, List.of("purchase", "purchase"), Duration.ofDays(30), StepOrder.STRICT);
        assertEquals(List.of(Reason.of("funnel.note.refundsLeftOut", 1), Reason.of("funnel.note.guestOrdersLeftOut", 1),
                Reason.of("funnel.note.stillOpen", 2, "30d", LocalDate.of(2026, 1, 8))), purchases.notes());
    }

    @Test
    void aFunnelWithNothingLeftOutHasNoNotes() throws Exception {
        // Both view and buy a day later; the data end then, and an entry exactly one window before the end is
        // closed: follower 2's view is 7 days before the data end and he never buys.
        ActivitySnapshot snapshot = new ActivityFixture()
                .follower(1, WEIBO).follower(2, WEIBO)
                .event(1, "view", days(7)).event(2, "view", days(0))
                .order("a", 1, at(days(7).plus(hours(1))), 10, 0, 0, 0, true)
                .event(1, "click", days(7).plus(hours(1)))
                .snapshot();
        FunnelResult result = run(snapshot, List.of("view", "purchase"), Duration.ofDays(7).plus(hours(1)),
                StepOrder.STRICT);
        assertEquals(List.of(2L, 1L), people(result.overall()));
        assertEquals(0, result.overall().stillOpen());
        assertEquals(List.of(), result.notes());
        FunnelResult clicks = run(snapshot, List.of("view", "click"), Duration.ofDays(7).plus(hours(1)),
                StepOrder.STRICT);
        assertEquals(List.of(), clicks.notes());
    }

    @Test
    void windowsAreDescribedInTheirLargestWholeUnit() {
        assertEquals("2w", Funnels.describe(Duration.ofDays(14)));
        assertEquals("3w", Funnels.describe(Duration.ofDays(21)));
        assertEquals("7d", Funnels.describe(Duration.ofDays(7)), "a single week reads as days");
        assertEquals("13d", Funnels.describe(Duration.ofDays(13)));
        assertEquals("15d", Funnels.describe(Duration.ofDays(15)));
        assertEquals("1d", Funnels.describe(Duration.ofDays(1)));
        assertEquals("36h", Funnels.describe(Duration.ofHours(36)));
        assertEquals("2h", Funnels.describe(Duration.ofHours(2)));
        assertEquals("90m", Funnels.describe(Duration.ofMinutes(90)));
        assertEquals("1m", Funnels.describe(Duration.ofMinutes(1)));
        assertEquals("45s", Funnels.describe(Duration.ofSeconds(45)));
        assertEquals("61s", Funnels.describe(Duration.ofSeconds(61)));
    }

    @Test
    void eachPersonsEventsAndOrdersAreMergedWithoutTheNextPersons() throws Exception {
        // 1 buys on day 1 and views on day 2 (after the order: no purchase follows the view); 2 buys on day 0.
        ActivitySnapshot viewAfterOrder = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO)
                .order("a", 1, at(days(1)), 10, 0, 0, 0, true).event(1, "view", days(2))
                .order("b", 2, at(days(0)), 10, 0, 0, 0, true)
                .snapshot();
        FunnelResult first = run(viewAfterOrder, List.of("view", "purchase"), WEEK, StepOrder.STRICT);
        assertEquals(List.of(1L, 0L), people(first.overall()));
        assertEquals(1, first.notEntered(), "2 never viewed");
        // Two purchases: 1 and 2 bought once each.
        assertEquals(List.of(2L, 0L), people(run(viewAfterOrder, List.of("purchase", "purchase"), WEEK,
                StepOrder.STRICT).overall()));
        // 1 only buys (day 1); 2 views on day 0: 1 never entered.
        ActivitySnapshot orderOnly = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO)
                .order("a", 1, at(days(1)), 10, 0, 0, 0, true).event(2, "view", days(0))
                .snapshot();
        FunnelResult second = run(orderOnly, List.of("view", "purchase"), WEEK, StepOrder.STRICT);
        assertEquals(List.of(1L, 0L), people(second.overall()));
        assertEquals(1, second.notEntered());
    }
}
