package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Funnels over an {@link ActivitySnapshot}: one pass over each person's events in time order, no database query.
 *
 * <p><b>Counting rules.</b>
 * <ol>
 *   <li><b>People, not events.</b> A person counts once per step. Repeated events (ten views, three clicks) are
 *   only more chances to enter or to go on; they never count twice.</li>
 *   <li><b>Entry and window.</b> An attempt starts at an event of the first step. The window runs from the entry:
 *   a step exactly one window after the entry counts, one second later does not.</li>
 *   <li><b>Best attempt.</b> Every event of the first step is a possible entry. A person reaches the deepest step
 *   any of their attempts reaches. The attempt whose figures count (its entry's platform and period, the times
 *   between its steps) is the one that reaches that step first, with each earlier step taken at its latest
 *   occurrence before the step after it (in strict order): the entry is the last one that leads there, and the
 *   times between steps are the shortest. In any order, each step is taken at its first occurrence after the
 *   entry.</li>
 *   <li><b>Order.</b> Strict: each step at or after the step before. Any order: the first step first, the others
 *   at or after it in any order (each step a different kind); a step is reached when it and all before it are done,
 *   at the time the last of them was done.</li>
 *   <li><b>Ties.</b> Events at the same second count as happening in the funnel's order (exports often round to
 *   the minute: a register and a purchase in the same minute both count). One event fills one step only, so a
 *   funnel {@code purchase, purchase} needs two orders.</li>
 *   <li><b>Skipped steps.</b> A person who misses a step stops there: someone who registers without clicking
 *   counts at the view, not at the register. They are shown as <i>out of order</i> at each later step they did
 *   within their window. People who did a later step but never the first are in no step
 *   ({@link FunnelResult#notEntered()}).</li>
 *   <li><b>Purchases</b> are paid orders only; refunds and cancellations never count. Orders reach the person of
 *   the follower they are linked to; buyers linked to no follower cannot enter a funnel that starts on a platform.</li>
 *   <li><b>Breakdowns.</b> Platform and period are those of the counted attempt's entry; segment is the person's.
 *   By period, a person enters once in every period in which they did the first step, with their best attempt
 *   among the entries of that period (so a trend counts each period's newcomers and returners alike). By campaign or
 *   product, each group counts only that campaign's or product's orders at its purchase steps: the groups share
 *   their earlier steps and compare what people went on to buy.</li>
 * </ol>
 * Rates carry 95% Wilson intervals; times between steps are summarised by median and 25th, 75th and 90th
 * percentiles ({@link com.campaignstudio.stats.Percentiles}).
 */
public final class Funnels {

    /** Event kinds a project may have, whether or not this one has any yet. */
    public static final List<String> KNOWN_KINDS = List.of("view", "like", "comment", "share", "click", "register",
            "live_watch", "favourite", "watch_minutes", ActivitySnapshot.FOLLOW);

    private static final int CHECK_EVERY = 1 << 15;
    /** A window no one's history outlasts: for telling whether the window or the data leave a step empty. */
    private static final long UNLIMITED = Long.MAX_VALUE / 4;

    private Funnels() {
    }

    public static FunnelResult run(ActivitySnapshot snapshot, FunnelQuery query, TaskContext context)
            throws FunnelException {
        FunnelDefinition definition = query.definition();
        Steps steps = Steps.resolve(snapshot, definition);
        if (query.breakdown().splitsOrders() && steps.purchaseSteps == 0) {
            throw new FunnelException("funnel.error.breakdownNeedsPurchase", query.breakdown().key());
        }
        BitSet population = query.population().orElse(null);
        if (population != null && population.isEmpty()) {
            throw new FunnelException("funnel.error.emptyPopulation");
        }
        long window = definition.window().toSeconds();
        PersonPath path = steps.path(snapshot, window, definition.order());
        Breakdown breakdown = query.breakdown();
        int[] groupOf = switch (breakdown) {
            case SEGMENT -> query.segments().orElseThrow().group();
            default -> null;
        };
        int segmentGroups = breakdown == Breakdown.SEGMENT ? query.segments().orElseThrow().labels().size() : 0;
        long openAfter = snapshot.lastTime() == ActivitySnapshot.NO_TIME ? Long.MAX_VALUE : snapshot.lastTime() - window;
        Tally overall = new Tally(definition.size(), openAfter);
        TreeMap<Integer, Tally> groups = new TreeMap<>();
        PeriodGrid grid = breakdown == Breakdown.PERIOD ? PeriodGrid.of(snapshot, query.period()) : null;
        Tally[] periodTallies = grid == null ? null : new Tally[grid.count()];
        // By campaign or product, people without paid orders walk the same way in every group: counted here once.
        Tally withoutOrders = breakdown.splitsOrders() ? new Tally(definition.size(), openAfter) : null;
        int[] orderStart = snapshot.orderStart();
        long notEntered = 0;
        int persons = snapshot.persons();
        for (int p = 0; p < persons; p++) {
            if ((p & (CHECK_EVERY - 1)) == 0) {
                context.checkCancelled();
                context.progress(p, persons);
            }
            if (population != null && !population.get(p)) {
                continue;
            }
            int did = path.load(p);
            if (did == 0) {
                continue;
            }
            path.match(Long.MIN_VALUE, Long.MAX_VALUE);
            if (path.depth == 0) {
                notEntered++;
                continue;
            }
            overall.add(path);
            if (withoutOrders != null && orderStart[p + 1] == orderStart[p]) {
                withoutOrders.add(path);
            }
            switch (breakdown) {
                case PLATFORM -> groups.computeIfAbsent(path.entryPlatform(p),
                        g -> new Tally(definition.size(), openAfter)).add(path);
                case SEGMENT -> {
                    int group = groupOf[p] < 0 ? segmentGroups : groupOf[p];
                    groups.computeIfAbsent(group, g -> new Tally(definition.size(), openAfter)).add(path);
                }
                case PERIOD -> {
                    int[] periods = path.entryPeriods(grid.days());
                    for (int i = 0; i < path.periodCount; i++) {
                        int index = periods[i] - grid.first();
                        path.match(grid.starts()[index], grid.starts()[index + 1]);
                        if (periodTallies[index] == null) {
                            periodTallies[index] = new Tally(definition.size(), openAfter);
                        }
                        periodTallies[index].add(path);
                    }
                }
                default -> {
                }
            }
        }
        check(snapshot, steps, definition, overall, population, context);
        for (int i = 0; grid != null && i < grid.count(); i++) {
            if (periodTallies[i] != null) {
                groups.put(grid.first() + i, periodTallies[i]);
            }
        }

        List<FunnelGroup> results = new ArrayList<>();
        switch (breakdown) {
            case PLATFORM -> groups.forEach((platform, tally) -> results.add(new FunnelGroup(
                    snapshot.platformLabel(platform), tally.figures(definition.steps(), window))));
            case SEGMENT -> groups.forEach((group, tally) -> results.add(new FunnelGroup(group == segmentGroups
                    ? query.segments().orElseThrow().outside() : query.segments().orElseThrow().labels().get(group),
                    tally.figures(definition.steps(), window))));
            case PERIOD -> groups.forEach((period, tally) -> results.add(new FunnelGroup(Label.named(
                    query.period().label(period), query.period().label(period)),
                    tally.figures(definition.steps(), window))));
            case CAMPAIGN, PRODUCT -> results.addAll(byOrderValue(snapshot, steps, definition, breakdown, population,
                    withoutOrders, window, context));
            case NONE -> {
            }
        }
        FunnelFigures total = overall.figures(definition.steps(), window);
        List<Reason> notes = notes(snapshot, steps, definition, notEntered);
        long open = breakdown == Breakdown.PERIOD
                ? results.stream().mapToLong(group -> group.figures().stillOpen()).sum() : total.stillOpen();
        if (open > 0) {
            notes.add(Reason.of("funnel.note.stillOpen", open, describe(definition.window()),
                    ActivitySnapshot.time(snapshot.lastTime()).toLocalDate()));
        }
        return new FunnelResult(definition, breakdown, query.period(), total, results, notEntered,
                snapshot.unlinkedBuyers(), notes);
    }

    /** The conversion trend: the funnel broken down by the period of entry. */
    public static FunnelResult trend(ActivitySnapshot snapshot, FunnelDefinition definition, Period period,
                                     TaskContext context) throws FunnelException {
        return run(snapshot, new FunnelQuery(definition, Breakdown.PERIOD, period, java.util.Optional.empty(),
                java.util.Optional.empty()), context);
    }

    /** Nobody entered, or the window (not the data) leaves everyone short of the second step: a plain reason. */
    private static void check(ActivitySnapshot snapshot, Steps steps, FunnelDefinition definition, Tally overall,
                              BitSet population, TaskContext context) throws FunnelException {
        if (overall.entered() == 0) {
            throw new FunnelException(population == null ? "funnel.error.nobodyEntered"
                    : "funnel.error.nobodyEnteredHere", definition.steps().getFirst());
        }
        if (overall.reached(1) > 0) {
            return;
        }
        PersonPath unlimited = steps.path(snapshot, UNLIMITED, definition.order());
        long wouldReach = 0;
        for (int p = 0; p < snapshot.persons(); p++) {
            if ((p & (CHECK_EVERY - 1)) == 0) {
                context.checkCancelled();
            }
            if (population != null && !population.get(p) || unlimited.load(p) == 0) {
                continue;
            }
            unlimited.match(Long.MIN_VALUE, Long.MAX_VALUE);
            if (unlimited.depth >= 2) {
                wouldReach++;
            }
        }
        if (wouldReach > 0) {
            throw new FunnelException("funnel.error.windowExcludesEveryone", describe(definition.window()),
                    definition.steps().get(1), definition.steps().getFirst(), wouldReach);
        }
    }

    /**
     * One funnel per campaign or product, whose purchase steps count only that value's orders: the people without
     * paid orders ({@code withoutOrders}, the same in every group) and each group's walk of the people with orders.
     */
    private static List<FunnelGroup> byOrderValue(ActivitySnapshot snapshot, Steps steps, FunnelDefinition definition,
                                                  Breakdown breakdown, BitSet population, Tally withoutOrders,
                                                  long window, TaskContext context) throws FunnelException {
        int[] column = breakdown == Breakdown.CAMPAIGN ? snapshot.orderCampaign() : snapshot.orderProduct();
        Set<Integer> values = new TreeSet<>();
        for (int value : column) {
            values.add(value);
        }
        // "No campaign" (or product) last.
        Set<Integer> ordered = new LinkedHashSet<>(values);
        if (ordered.remove(ActivitySnapshot.NONE)) {
            ordered.add(ActivitySnapshot.NONE);
        }
        List<FunnelGroup> groups = new ArrayList<>();
        PersonPath path = steps.path(snapshot, window, definition.order());
        int[] orderStart = snapshot.orderStart();
        BitSet buyers = new BitSet(snapshot.persons());
        for (int p = 0; p < snapshot.persons(); p++) {
            if (orderStart[p + 1] > orderStart[p] && (population == null || population.get(p))) {
                buyers.set(p);
            }
        }
        for (int value : ordered) {
            context.checkCancelled();
            path.onlyOrders(column, value);
            Tally tally = withoutOrders.copy();
            for (int p = buyers.nextSetBit(0); p >= 0; p = buyers.nextSetBit(p + 1)) {
                if (path.load(p) == 0) {
                    continue;
                }
                path.match(Long.MIN_VALUE, Long.MAX_VALUE);
                if (path.depth > 0) {
                    tally.add(path);
                }
            }
            if (tally.entered() > 0) {
                groups.add(new FunnelGroup(orderValueLabel(snapshot, breakdown, value),
                        tally.figures(definition.steps(), window)));
            }
        }
        return groups;
    }

    private static Label orderValueLabel(ActivitySnapshot snapshot, Breakdown breakdown, int value) {
        boolean campaign = breakdown == Breakdown.CAMPAIGN;
        if (value == ActivitySnapshot.NONE) {
            return Label.of("none", Reason.of(campaign ? "group.noCampaign" : "group.noProduct"));
        }
        String name = (campaign ? snapshot.campaigns() : snapshot.products()).get(value);
        return Label.named(Integer.toString(value), name == null ? "#" + value : name);
    }

    private static List<Reason> notes(ActivitySnapshot snapshot, Steps steps, FunnelDefinition definition,
                                      long notEntered) {
        List<Reason> notes = new ArrayList<>();
        if (steps.purchaseSteps != 0) {
            if (steps.engagementSteps() && snapshot.unlinkedBuyers() > 0) {
                notes.add(Reason.of("funnel.note.unlinkedBuyers", snapshot.unlinkedBuyers()));
            }
            if (snapshot.refundsLeftOut() > 0) {
                notes.add(Reason.of("funnel.note.refundsLeftOut", snapshot.refundsLeftOut()));
            }
            if (snapshot.guestOrdersLeftOut() > 0) {
                notes.add(Reason.of("funnel.note.guestOrdersLeftOut", snapshot.guestOrdersLeftOut()));
            }
        }
        if (steps.engagementSteps() && snapshot.leftOut().totals() > 0) {
            notes.add(Reason.of("funnel.note.totalsLeftOut", snapshot.leftOut().totals()));
        }
        if (notEntered > 0) {
            notes.add(Reason.of("funnel.note.notEntered", notEntered, definition.steps().getFirst()));
        }
        return notes;
    }

    /** A window as the messages write it: 7d, 12h, 30m. */
    public static String describe(java.time.Duration window) {
        long seconds = window.toSeconds();
        if (seconds % (7 * 86_400) == 0 && seconds >= 14 * 86_400) {
            return seconds / (7 * 86_400) + "w";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /**
     * The periods from the data's first to its last: numbers by day, and the second each starts at ({@code starts}
     * has one more, the end of the last).
     */
    private record PeriodGrid(Period.Days days, int first, int count, long[] starts) {

        static PeriodGrid of(ActivitySnapshot snapshot, Period period) {
            long firstTime = snapshot.firstTime();
            long lastTime = snapshot.lastTime();
            if (firstTime == ActivitySnapshot.NO_TIME) {
                return new PeriodGrid(period.days(0, -1), 0, 0, new long[1]);
            }
            int first = period.ofSecond(firstTime);
            int count = period.ofSecond(lastTime) - first + 1;
            long[] starts = new long[count + 1];
            for (int i = 0; i <= count; i++) {
                starts[i] = period.start(first + i).toEpochDay() * 86_400L;
            }
            return new PeriodGrid(period.days(Math.floorDiv(firstTime, 86_400L), Math.floorDiv(lastTime, 86_400L)),
                    first, count, starts);
        }
    }

    /** The funnel's steps as the snapshot's kind codes and the purchase steps. */
    private record Steps(int[] kindSteps, int purchaseSteps, int count) {

        static Steps resolve(ActivitySnapshot snapshot, FunnelDefinition definition) throws FunnelException {
            int[] kindSteps = new int[snapshot.kinds().size()];
            int purchaseSteps = 0;
            for (int s = 0; s < definition.size(); s++) {
                String step = definition.steps().get(s);
                if (step.equals(FunnelDefinition.PURCHASE)) {
                    if (snapshot.orders() == 0) {
                        throw new FunnelException("funnel.error.noEvents", step);
                    }
                    purchaseSteps |= 1 << s;
                    continue;
                }
                int code = snapshot.kindCode(step);
                if (code < 0 && !KNOWN_KINDS.contains(step)) {
                    Set<String> known = new TreeSet<>(snapshot.kinds());
                    known.add(FunnelDefinition.PURCHASE);
                    throw new FunnelException("funnel.error.unknownStep", step, String.join(", ", known));
                }
                if (snapshot.eventsOfKind(code) == 0) {
                    throw new FunnelException("funnel.error.noEvents", step);
                }
                kindSteps[code] |= 1 << s;
            }
            return new Steps(kindSteps, purchaseSteps, definition.size());
        }

        boolean engagementSteps() {
            for (int steps : kindSteps) {
                if (steps != 0) {
                    return true;
                }
            }
            return false;
        }

        PersonPath path(ActivitySnapshot snapshot, long window, StepOrder order) {
            return new PersonPath(snapshot, kindSteps, purchaseSteps, count, window, order);
        }
    }
}
