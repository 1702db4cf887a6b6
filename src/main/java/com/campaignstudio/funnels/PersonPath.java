package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;

import java.util.Arrays;

/**
 * One person's way through a funnel, found in one pass over their events in time order. The rules (see
 * {@link Funnels} for all of them):
 * <ul>
 *   <li>An attempt starts at an event of the first step (the entry); the person then has the window, from the entry,
 *   to do the other steps. Each event fills at most one step.</li>
 *   <li>Strict order: each step at or after the step before; events with the same time count as in the funnel's
 *   order. Any order: every other step at or after the entry, in any order.</li>
 *   <li>A person may enter many times (every view is a possible entry). The person reaches the deepest step any
 *   attempt reaches; the attempt counted is the one that reaches it first. In strict order its earlier steps are
 *   their latest occurrences before the step after them (the last click before the register, the last view before
 *   that click); in any order, the first occurrences after the entry.</li>
 * </ul>
 * The strict pass keeps, per step, the chain with the latest entry that has reached the step so far (a later entry
 * leaves more of the window for the steps after), updated at every occurrence of the step: the method of
 * ClickHouse's {@code windowFunnel}, with the steps' times kept.
 */
final class PersonPath {

    private final ActivitySnapshot snapshot;
    private final int steps;
    private final long window;
    private final boolean strict;
    /** Per event kind code, the steps (bits) it can fill. */
    private final int[] kindSteps;
    /** The steps a paid order can fill. */
    private final int purchaseSteps;
    /** When set, only orders whose value in this column is {@link #orderValue} fill purchase steps. */
    private int[] orderColumn;
    private int orderValue;

    // The person's events that can fill a step, in time order.
    private long[] time = new long[64];
    private int[] mask = new int[64];
    /** An engagement event's index (>= 0), or -1 - an order's index. */
    private int[] origin = new int[64];
    private int size;
    private int allSteps;

    // The strict pass's state, per step.
    private final boolean[] reached;
    private final long[] entryTime;
    private final int[] entryAt;
    private final long[][] times;

    // The counted attempt.
    int depth;
    final long[] completion;
    int entry;
    /** The steps done within the counted attempt's window, in order or not. */
    int windowSteps;

    PersonPath(ActivitySnapshot snapshot, int[] kindSteps, int purchaseSteps, int steps, long windowSeconds,
               StepOrder order) {
        this.snapshot = snapshot;
        this.kindSteps = kindSteps;
        this.purchaseSteps = purchaseSteps;
        this.steps = steps;
        this.window = windowSeconds;
        this.strict = order == StepOrder.STRICT;
        reached = new boolean[steps];
        entryTime = new long[steps];
        entryAt = new int[steps];
        times = new long[steps][steps];
        completion = new long[steps];
    }

    /** Purchase steps count only orders with {@code value} in {@code column} (a product or campaign); null: all. */
    void onlyOrders(int[] column, int value) {
        this.orderColumn = column;
        this.orderValue = value;
    }

    /** Gathers person {@code p}'s events that can fill a step; returns the steps they could fill together. */
    int load(int p) {
        size = 0;
        allSteps = 0;
        int e = snapshot.eventStart()[p];
        int eEnd = snapshot.eventStart()[p + 1];
        int o = purchaseSteps == 0 ? 0 : snapshot.orderStart()[p];
        int oEnd = purchaseSteps == 0 ? 0 : snapshot.orderStart()[p + 1];
        long[] eventTime = snapshot.eventTime();
        short[] eventKind = snapshot.eventKind();
        if (o == oEnd) {
            // Most people never buy: their events alone, without merging.
            for (; e < eEnd; e++) {
                int m = kindSteps[eventKind[e]];
                if (m != 0) {
                    add(eventTime[e], m, e);
                }
            }
        } else {
            long[] orderTime = snapshot.orderTime();
            while (e < eEnd || o < oEnd) {
                if (o >= oEnd || e < eEnd && eventTime[e] <= orderTime[o]) {
                    int m = kindSteps[eventKind[e]];
                    if (m != 0) {
                        add(eventTime[e], m, e);
                    }
                    e++;
                } else {
                    if (orderColumn == null || orderColumn[o] == orderValue) {
                        add(orderTime[o], purchaseSteps, -1 - o);
                    }
                    o++;
                }
            }
        }
        reachable = 0;
        while (reachable < steps && (allSteps & (1 << reachable)) != 0) {
            reachable++;
        }
        if (size > 1) {
            orderTies();
        }
        return allSteps;
    }

    /** The deepest step the loaded events could reach: every step before it has an event. */
    private int reachable;

    private void add(long t, int m, int from) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            mask = Arrays.copyOf(mask, size * 2);
            origin = Arrays.copyOf(origin, size * 2);
        }
        time[size] = t;
        mask[size] = m;
        origin[size] = from;
        allSteps |= m;
        size++;
    }

    /** Events with the same time are taken in the funnel's order: a register and a purchase in one second count. */
    private void orderTies() {
        for (int i = 1; i < size; i++) {
            if (time[i] != time[i - 1]) {
                continue;
            }
            int m = mask[i];
            int from = origin[i];
            int rank = Integer.numberOfTrailingZeros(m);
            int j = i - 1;
            while (j >= 0 && time[j] == time[i] && Integer.numberOfTrailingZeros(mask[j]) > rank) {
                mask[j + 1] = mask[j];
                origin[j + 1] = origin[j];
                j--;
            }
            mask[j + 1] = m;
            origin[j + 1] = from;
        }
    }

    /**
     * Finds the counted attempt among those that enter at times in {@code [entryFrom, entryTo)}: sets {@link #depth}
     * (0 when there is no entry), {@link #completion} (when each step was reached) and {@link #entry}.
     */
    void match(long entryFrom, long entryTo) {
        depth = 0;
        entry = -1;
        windowSteps = 0;
        if ((allSteps & 1) == 0) {
            return;
        }
        // Events before the first possible entry belong to no attempt.
        int first = entryFrom == Long.MIN_VALUE ? 0 : firstAtOrAfter(entryFrom);
        if (strict) {
            matchStrict(first, entryFrom, entryTo);
        } else {
            matchAnyOrder(first, entryFrom, entryTo);
        }
        if (depth > 0) {
            long end = time[entry] + window;
            for (int i = entry; i < size && time[i] <= end; i++) {
                windowSteps |= mask[i];
            }
        }
    }

    /** The first loaded event at or after {@code t}. */
    private int firstAtOrAfter(long t) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time[middle] < t) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void matchStrict(int first, long entryFrom, long entryTo) {
        Arrays.fill(reached, false);
        for (int i = first; i < size; i++) {
            long t = time[i];
            if (t >= entryTo && (!reached[0] || t - entryTime[0] > window)) {
                break;
            }
            int m = mask[i];
            // The steps this event can fill, deepest first: each uses the step before as it was before this event.
            while (m != 0) {
                int k = 31 - Integer.numberOfLeadingZeros(m);
                m &= ~(1 << k);
                if (k == 0) {
                    if (t < entryFrom || t >= entryTo) {
                        continue;
                    }
                    reached[0] = true;
                    entryTime[0] = t;
                    entryAt[0] = i;
                    times[0][0] = t;
                } else if (reached[k - 1] && t - entryTime[k - 1] <= window) {
                    reached[k] = true;
                    entryTime[k] = entryTime[k - 1];
                    entryAt[k] = entryAt[k - 1];
                    System.arraycopy(times[k - 1], 0, times[k], 0, k);
                    times[k][k] = t;
                } else {
                    continue;
                }
                if (k + 1 > depth) {
                    depth = k + 1;
                    entry = entryAt[k];
                    System.arraycopy(times[k], 0, completion, 0, k + 1);
                    if (depth == reachable) {
                        return;
                    }
                }
            }
        }
    }

    private final int[] next = new int[32];
    private final long[] candidate = new long[32];

    private void matchAnyOrder(int first, long entryFrom, long entryTo) {
        Arrays.fill(next, first);
        for (int i = first; i < size; i++) {
            long t = time[i];
            if ((mask[i] & 1) == 0 || t < entryFrom) {
                continue;
            }
            if (t >= entryTo || depth == reachable && t > completion[depth - 1]) {
                break;
            }
            candidate[0] = t;
            int reachedHere = 1;
            for (int k = 1; k < steps; k++) {
                int bit = 1 << k;
                int j = next[k];
                while (j < size && ((mask[j] & bit) == 0 || time[j] < t)) {
                    j++;
                }
                next[k] = j;
                if (j == size || time[j] - t > window) {
                    break;
                }
                candidate[k] = Math.max(candidate[k - 1], time[j]);
                reachedHere++;
            }
            if (reachedHere > depth || reachedHere == depth && candidate[depth - 1] == completion[depth - 1]) {
                depth = reachedHere;
                entry = i;
                System.arraycopy(candidate, 0, completion, 0, reachedHere);
            }
        }
    }

    /** The platform of the counted attempt's entry: an order's own, else the person's. */
    int entryPlatform(int person) {
        int from = origin[entry];
        if (from < 0) {
            int platform = snapshot.orderPlatform()[-1 - from];
            if (platform != ActivitySnapshot.NONE) {
                return platform;
            }
        }
        return snapshot.personPlatform()[person];
    }

    long entryTime() {
        return time[entry];
    }

    private int[] periods = new int[16];

    /** The periods the person's entries (first-step events) fall in, ascending and each once; {@link #periodCount}. */
    int[] entryPeriods(Period.Days days) {
        periodCount = 0;
        for (int i = 0; i < size; i++) {
            if ((mask[i] & 1) == 0) {
                continue;
            }
            int period = days.ofSecond(time[i]);
            if (periodCount > 0 && periods[periodCount - 1] == period) {
                continue;
            }
            if (periodCount == periods.length) {
                periods = Arrays.copyOf(periods, periodCount * 2);
            }
            periods[periodCount++] = period;
        }
        return periods;
    }

    int periodCount;
}
