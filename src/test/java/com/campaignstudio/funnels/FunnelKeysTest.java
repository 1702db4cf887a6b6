package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivityFixture;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.campaignstudio.snapshot.ActivityFixture.WEIBO;
import static com.campaignstudio.snapshot.ActivityFixture.days;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The names funnels are saved and asked for by, their limits, and the groups of a saved segmentation. */
class FunnelKeysTest {

    @Test
    void breakdownsAndStepOrdersAreNamedByTheirKeys() {
        for (Breakdown breakdown : Breakdown.values()) {
            assertEquals(breakdown, Breakdown.byKey(breakdown.key()));
        }
        assertEquals("period", Breakdown.PERIOD.key());
        assertEquals(Breakdown.PLATFORM, Breakdown.byKey("platform"));
        assertThrows(IllegalArgumentException.class, () -> Breakdown.byKey("country"));
        assertEquals("any", StepOrder.ANY.key());
        assertEquals(StepOrder.STRICT, StepOrder.byKey("strict"));
        assertEquals(StepOrder.ANY, StepOrder.byKey("any"));
        assertThrows(IllegalArgumentException.class, () -> StepOrder.byKey("loose"));
    }

    @Test
    void aFunnelHasTwoToSixteenSteps() {
        List<String> sixteen = IntStream.range(0, 16).mapToObj(i -> "view").toList();
        assertEquals(16, new FunnelDefinition(sixteen, Duration.ofDays(1), StepOrder.STRICT).size());
        List<String> seventeen = IntStream.range(0, 17).mapToObj(i -> "view").toList();
        assertThrows(IllegalArgumentException.class,
                () -> new FunnelDefinition(seventeen, Duration.ofDays(1), StepOrder.STRICT));
        assertThrows(IllegalArgumentException.class,
                () -> new FunnelDefinition(List.of("view"), Duration.ofDays(1), StepOrder.STRICT));
    }

    @Test
    void segmentsAreNumberedFromOneAndPersonsOutsideThemAreInNone() {
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .snapshot();
        PersonGroups groups = PersonGroups.ofFollowers(snapshot, new long[]{3, 1, 99}, new int[]{1, 0, 0},
                List.of("Fans", "Buyers"));
        assertEquals(List.of("1", "2"), groups.labels().stream().map(l -> l.key()).toList());
        assertEquals(List.of("Fans", "Buyers"), groups.labels().stream().map(l -> l.english()).toList());
        assertArrayEquals(new int[]{0, -1, 1}, groups.group(), "follower 2 is in no segment; 99 is no follower");
        BitSet buyers = new BitSet();
        buyers.set(2);
        assertEquals(buyers, groups.members(1));
    }

    @Test
    void nobodyInThePopulationEnteringIsAPlainReason() throws Exception {
        // Persons 0 and 1 view and click; person 2 only clicks. Population {2}: nobody entered here.
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO).follower(3, WEIBO)
                .event(1, "view", days(0)).event(1, "click", days(1))
                .event(2, "view", days(0)).event(2, "click", days(3))
                .event(3, "click", days(0))
                .snapshot();
        FunnelDefinition definition = new FunnelDefinition(List.of("view", "click"), Duration.ofDays(1),
                StepOrder.STRICT);
        BitSet onlyThird = new BitSet();
        onlyThird.set(2);
        FunnelException nobody = assertThrows(FunnelException.class, () -> Funnels.run(snapshot,
                new FunnelQuery(definition, Breakdown.NONE, com.campaignstudio.snapshot.Period.MONTH,
                        Optional.empty(), Optional.of(onlyThird)), TaskContext.silent()));
        assertEquals("funnel.error.nobodyEnteredHere", nobody.reason().key());
        // Population {1}: person 1 clicks 3 days after the view; a day's window leaves them short, and one person
        // of the population would reach the click with a longer one.
        BitSet onlySecond = new BitSet();
        onlySecond.set(1);
        FunnelException window = assertThrows(FunnelException.class, () -> Funnels.run(snapshot,
                new FunnelQuery(definition, Breakdown.NONE, com.campaignstudio.snapshot.Period.MONTH,
                        Optional.empty(), Optional.of(onlySecond)), TaskContext.silent()));
        assertEquals(com.campaignstudio.text.Reason.of("funnel.error.windowExcludesEveryone", "1d", "click", "view", 1),
                window.reason());
    }

    @Test
    void aProductNobodyInThePopulationBoughtHasNoGroup() throws Exception {
        // Person 0 buys product 1 twice; person 1 (outside the population) buys product 2.
        ActivitySnapshot snapshot = new ActivityFixture().follower(1, WEIBO).follower(2, WEIBO)
                .order("a", 1, ActivityFixture.at(days(0)), 10, 0, 0, 1, true)
                .order("a", 1, ActivityFixture.at(days(1)), 10, 0, 0, 1, true)
                .order("b", 2, ActivityFixture.at(days(0)), 10, 0, 0, 2, true)
                .snapshot();
        BitSet first = new BitSet();
        first.set(0);
        FunnelResult result = Funnels.run(snapshot, new FunnelQuery(new FunnelDefinition(
                List.of("purchase", "purchase"), Duration.ofDays(7), StepOrder.STRICT), Breakdown.PRODUCT,
                com.campaignstudio.snapshot.Period.MONTH, Optional.empty(), Optional.of(first)), TaskContext.silent());
        assertEquals(List.of("1"), result.groups().stream().map(g -> g.label().key()).toList());
        assertEquals(List.of(1L, 1L), result.groups().getFirst().figures().steps().stream()
                .map(StepFigures::people).toList());
    }

    @Test
    void aHalfHourWindowHasThirtyBinsOfAMinute() throws Exception {
        // 20 people view and click 0, 1, ... 19 minutes later; 30 minutes make exactly 30 bins of a minute.
        ActivityFixture activity = new ActivityFixture();
        for (int i = 1; i <= 20; i++) {
            activity.follower(i, WEIBO).event(i, "view", days(0)).event(i, "click", Duration.ofMinutes(i - 1));
        }
        FunnelResult result = Funnels.run(activity.snapshot(), FunnelQuery.of(new FunnelDefinition(
                List.of("view", "click"), Duration.ofMinutes(30), StepOrder.STRICT)), TaskContext.silent());
        FunnelFigures figures = result.overall();
        assertEquals(30, figures.timeToConvert().size());
        assertEquals(new TimeBin(0, 60, 1), figures.timeToConvert().getFirst());
        assertEquals(new TimeBin(29 * 60, 30 * 60, 0), figures.timeToConvert().getLast());
        assertEquals(20, figures.converted());
        // Minutes 0..19: the median is 9.5 minutes, the 90th percentile 0.9 * 19 = 17.1 minutes.
        assertEquals(9.5 * 60, figures.steps().get(1).timeFromPrevious().orElseThrow().median(), 1e-9);
        assertEquals(17.1 * 60, figures.convertSpread().orElseThrow().p90(), 1e-9);
    }
}
