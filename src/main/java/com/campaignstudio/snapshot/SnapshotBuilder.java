package com.campaignstudio.snapshot;

import com.campaignstudio.ids.IdRows;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles an {@link ActivitySnapshot} from rows in any order: the reader feeds it from the database, tests from
 * hand-made tables. Followers come first (their ids resolve the engagement and orders that follow); then events and
 * orders, in any order; {@link #build} groups them by person and sorts each person's by time.
 */
public final class SnapshotBuilder {

    private static final int CHECK_EVERY = 1 << 19;

    private final Map<Integer, ActivitySnapshot.PlatformName> platforms = new HashMap<>();
    private final Map<Integer, String> campaigns = new HashMap<>();
    private final Map<Integer, String> products = new HashMap<>();

    private long[] followerIds = new long[1024];
    private int[] followerPlatforms = new int[1024];
    private long[] followedAt = new long[1024];
    private int followerCount;
    private boolean followersSorted = true;
    private IdRows followerIndex;
    /** Person of each follower row as added (followers are sorted by id when frozen). */
    private int[] personOfRow;

    private final Map<String, Short> kindCodes = new HashMap<>();
    private final List<String> kinds = new ArrayList<>();
    private int[] eventPerson;
    private long[] eventTime;
    private short[] eventKind;
    private int[] eventPost;
    private int events;

    private final Map<String, Integer> customerIds = new HashMap<>();
    private int[] orderCustomer;
    private int[] orderPerson;
    private long[] orderTime;
    private int[] orderPlatform;
    private int[] orderCampaign;
    private int[] orderProduct;
    private double[] orderAmount;
    private int orders;

    private long refunds;
    private long guestOrders;
    private long totals;
    private long eventsWithoutFollower;

    public SnapshotBuilder() {
        this(1024, 1024);
    }

    /** A builder sized for about {@code expectedEvents} engagement rows and {@code expectedOrders} orders. */
    public SnapshotBuilder(int expectedEvents, int expectedOrders) {
        int e = Math.max(1024, expectedEvents);
        eventPerson = new int[e];
        eventTime = new long[e];
        eventKind = new short[e];
        eventPost = new int[e];
        int o = Math.max(1024, expectedOrders);
        orderCustomer = new int[o];
        orderPerson = new int[o];
        orderTime = new long[o];
        orderPlatform = new int[o];
        orderCampaign = new int[o];
        orderProduct = new int[o];
        orderAmount = new double[o];
    }

    public SnapshotBuilder platform(int id, String code, String english, String chinese) {
        platforms.put(id, new ActivitySnapshot.PlatformName(code, english, chinese));
        return this;
    }

    public SnapshotBuilder campaign(int id, String name) {
        campaigns.put(id, name);
        return this;
    }

    public SnapshotBuilder product(int id, String name) {
        products.put(id, name);
        return this;
    }

    /** A follower; {@code followed} may be null. All followers come before any event or order. */
    public SnapshotBuilder follower(long id, int platformId, LocalDateTime followed) {
        return follower(id, platformId, followed == null ? ActivitySnapshot.NO_TIME : ActivitySnapshot.second(followed));
    }

    public SnapshotBuilder follower(long id, int platformId, long followedSecond) {
        if (followerIndex != null) {
            throw new IllegalStateException("followers come before events and orders");
        }
        if (followerCount == followerIds.length) {
            int grown = followerCount * 2;
            followerIds = Arrays.copyOf(followerIds, grown);
            followerPlatforms = Arrays.copyOf(followerPlatforms, grown);
            followedAt = Arrays.copyOf(followedAt, grown);
        }
        if (followerCount > 0 && followerIds[followerCount - 1] >= id) {
            followersSorted = false;
        }
        followerIds[followerCount] = id;
        followerPlatforms[followerCount] = platformId;
        followedAt[followerCount] = followedSecond;
        followerCount++;
        return this;
    }

    /** An engagement event of follower {@code followerId} ({@code postId} 0 for none). */
    public SnapshotBuilder event(long followerId, LocalDateTime at, String kind, long postId) {
        return event(followerId, ActivitySnapshot.second(at), kind, postId);
    }

    public SnapshotBuilder event(long followerId, long second, String kind, long postId) {
        int person = personOf(followerId);
        if (person < 0) {
            eventsWithoutFollower++;
            return this;
        }
        addEvent(person, second, kindCode(kind), postId);
        return this;
    }

    /**
     * Engagement events read elsewhere, as {@link #event} one by one: {@code kinds[i]} is an index into
     * {@code kindNames}.
     */
    public SnapshotBuilder events(long[] followerIds, long[] seconds, short[] kinds, List<String> kindNames,
                                  long[] postIds, int count) {
        freezeFollowers();
        short[] codes = new short[kindNames.size()];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = kindCode(kindNames.get(k));
        }
        if (events + count > eventTime.length) {
            int grown = events + count;
            eventPerson = Arrays.copyOf(eventPerson, grown);
            eventTime = Arrays.copyOf(eventTime, grown);
            eventKind = Arrays.copyOf(eventKind, grown);
            eventPost = Arrays.copyOf(eventPost, grown);
        }
        for (int i = 0; i < count; i++) {
            int row = followerIndex.row(followerIds[i]);
            if (row < 0) {
                eventsWithoutFollower++;
                continue;
            }
            addEvent(personOfRow[row], seconds[i], codes[kinds[i]], postIds[i]);
        }
        return this;
    }

    /** A per-follower total from an aggregated export: not an event, only counted. */
    public SnapshotBuilder total() {
        totals++;
        return this;
    }

    /**
     * An order. {@code customerRef} and {@code followerId} (0) may be missing; {@code paid} false for refunds and
     * cancellations, which are only counted.
     */
    public SnapshotBuilder order(String customerRef, long followerId, LocalDateTime paidAt, double amount,
                                 int platformId, long campaignId, long productId, boolean paid) {
        return order(customerRef, followerId, ActivitySnapshot.second(paidAt), amount, platformId, campaignId,
                productId, paid);
    }

    public SnapshotBuilder order(String customerRef, long followerId, long second, double amount, int platformId,
                                 long campaignId, long productId, boolean paid) {
        freezeFollowers();
        if (!paid) {
            refunds++;
            return this;
        }
        int person = followerId == 0 ? -1 : followerIndex.row(followerId);
        if (person >= 0) {
            person = personOfRow[person];
        }
        if (customerRef == null && person < 0) {
            guestOrders++;
            return this;
        }
        if (orders == orderTime.length) {
            int grown = orders * 2;
            orderCustomer = Arrays.copyOf(orderCustomer, grown);
            orderPerson = Arrays.copyOf(orderPerson, grown);
            orderTime = Arrays.copyOf(orderTime, grown);
            orderPlatform = Arrays.copyOf(orderPlatform, grown);
            orderCampaign = Arrays.copyOf(orderCampaign, grown);
            orderProduct = Arrays.copyOf(orderProduct, grown);
            orderAmount = Arrays.copyOf(orderAmount, grown);
        }
        orderCustomer[orders] = customerRef == null ? -1 : customerIds.computeIfAbsent(customerRef, r -> customerIds.size());
        orderPerson[orders] = person;
        orderTime[orders] = second;
        orderPlatform[orders] = platformId;
        orderCampaign[orders] = Math.toIntExact(campaignId);
        orderProduct[orders] = Math.toIntExact(productId);
        orderAmount[orders] = amount;
        orders++;
        return this;
    }

    private int personOf(long followerId) {
        freezeFollowers();
        int row = followerIndex.row(followerId);
        return row < 0 ? -1 : personOfRow[row];
    }

    private short kindCode(String kind) {
        Short code = kindCodes.get(kind);
        if (code == null) {
            if (kinds.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " kinds of engagement");
            }
            code = (short) kinds.size();
            kindCodes.put(kind, code);
            kinds.add(kind);
        }
        return code;
    }

    private void addEvent(int person, long second, short kind, long postId) {
        if (events == eventTime.length) {
            int grown = events + (events >> 1);
            eventPerson = Arrays.copyOf(eventPerson, grown);
            eventTime = Arrays.copyOf(eventTime, grown);
            eventKind = Arrays.copyOf(eventKind, grown);
            eventPost = Arrays.copyOf(eventPost, grown);
        }
        eventPerson[events] = person;
        eventTime[events] = second;
        eventKind[events] = kind;
        eventPost[events] = postId > Integer.MAX_VALUE || postId < 0 ? ActivitySnapshot.NONE : (int) postId;
        events++;
    }

    /** Sorts the followers by id (persons are in id order) and adds their follow events. */
    private void freezeFollowers() {
        if (followerIndex != null) {
            return;
        }
        followerIds = Arrays.copyOf(followerIds, followerCount);
        followerPlatforms = Arrays.copyOf(followerPlatforms, followerCount);
        followedAt = Arrays.copyOf(followedAt, followerCount);
        personOfRow = new int[followerCount];
        if (!followersSorted) {
            Integer[] order = new Integer[followerCount];
            for (int i = 0; i < followerCount; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(followerIds[a], followerIds[b]));
            long[] ids = new long[followerCount];
            int[] platformIds = new int[followerCount];
            long[] followed = new long[followerCount];
            for (int i = 0; i < followerCount; i++) {
                ids[i] = followerIds[order[i]];
                platformIds[i] = followerPlatforms[order[i]];
                followed[i] = followedAt[order[i]];
            }
            followerIds = ids;
            followerPlatforms = platformIds;
            followedAt = followed;
        }
        for (int i = 1; i < followerCount; i++) {
            if (followerIds[i] == followerIds[i - 1]) {
                throw new IllegalArgumentException("follower " + followerIds[i] + " given twice");
            }
        }
        for (int i = 0; i < followerCount; i++) {
            personOfRow[i] = i;
        }
        followerIndex = IdRows.of(followerIds);
        short follow = kindCode(ActivitySnapshot.FOLLOW);
        for (int i = 0; i < followerCount; i++) {
            if (followedAt[i] != ActivitySnapshot.NO_TIME) {
                addEvent(i, followedAt[i], follow, 0);
            }
        }
    }

    /** Links orders to persons, groups everything by person and sorts each person's rows by time. */
    public ActivitySnapshot build(TaskContext context) {
        freezeFollowers();
        context.message(Reason.of("stage.snapshot"));
        int[] personPlatform = Arrays.copyOf(followerPlatforms, followerCount);
        int persons = linkOrders();
        personPlatform = Arrays.copyOf(personPlatform, persons);
        context.checkCancelled();

        int[] eventStart = new int[persons + 1];
        int[] eventOrder = groupByPersonThenTime(eventPerson, eventTime, events, persons, eventStart, context);
        long[] time = new long[events];
        short[] kind = new short[events];
        int[] post = new int[events];
        long[] byKind = new long[kinds.size()];
        for (int i = 0; i < events; i++) {
            int row = eventOrder[i];
            time[i] = eventTime[row];
            kind[i] = eventKind[row];
            post[i] = eventPost[row];
            byKind[kind[i]]++;
        }
        eventPerson = null;
        eventTime = null;
        eventKind = null;
        eventPost = null;
        context.checkCancelled();

        int[] orderStart = new int[persons + 1];
        int[] byTime = groupByPersonThenTime(orderPerson, orderTime, orders, persons, orderStart, context);
        long[] paidAt = new long[orders];
        int[] platform = new int[orders];
        int[] campaign = new int[orders];
        int[] product = new int[orders];
        double[] amount = new double[orders];
        for (int i = 0; i < orders; i++) {
            int row = byTime[i];
            paidAt[i] = orderTime[row];
            platform[i] = orderPlatform[row];
            campaign[i] = orderCampaign[row];
            product[i] = orderProduct[row];
            amount[i] = orderAmount[row];
        }
        for (int p = followerCount; p < persons; p++) {
            personPlatform[p] = platform[orderStart[p]];
        }
        return new ActivitySnapshot(followerCount, followerIds, personPlatform, followedAt, eventStart, time, kind, post,
                orderStart, paidAt, platform, campaign, product, amount, kinds, byKind, platforms, campaigns, products,
                new ActivitySnapshot.LeftOut(refunds, guestOrders, totals, eventsWithoutFollower));
    }

    /**
     * Gives every order a person: its own follower's; else the follower any paid order of its customer is linked
     * to (the first in table order); else the customer's own, new person. Returns the number of persons.
     */
    private int linkOrders() {
        int[] customerPerson = new int[customerIds.size()];
        Arrays.fill(customerPerson, -1);
        for (int i = 0; i < orders; i++) {
            int customer = orderCustomer[i];
            if (customer >= 0 && orderPerson[i] >= 0 && customerPerson[customer] < 0) {
                customerPerson[customer] = orderPerson[i];
            }
        }
        int persons = followerCount;
        for (int i = 0; i < orders; i++) {
            if (orderPerson[i] >= 0) {
                continue;
            }
            int customer = orderCustomer[i];
            if (customerPerson[customer] < 0) {
                customerPerson[customer] = persons++;
            }
            orderPerson[i] = customerPerson[customer];
        }
        return persons;
    }

    /**
     * The rows {@code 0..size-1} grouped by person (a counting sort, which fills {@code start}) and by time within
     * each person, ties in row order.
     */
    static int[] groupByPersonThenTime(int[] person, long[] time, int size, int persons, int[] start,
                                       TaskContext context) {
        for (int i = 0; i < size; i++) {
            start[person[i] + 1]++;
        }
        for (int p = 0; p < persons; p++) {
            start[p + 1] += start[p];
        }
        int[] next = Arrays.copyOf(start, persons);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[person[i]]++] = i;
        }
        long[] keys = null;
        for (int p = 0; p < persons; p++) {
            if ((p & (CHECK_EVERY - 1)) == 0) {
                context.checkCancelled();
            }
            int from = start[p];
            int to = start[p + 1];
            if (to - from <= 32) {
                for (int k = from + 1; k < to; k++) {
                    int row = order[k];
                    long t = time[row];
                    int j = k - 1;
                    while (j >= from && time[order[j]] > t) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = row;
                }
                continue;
            }
            if (keys == null || keys.length < to - from) {
                keys = new long[Math.max(to - from, 1024)];
            }
            sortLong(order, time, from, to, keys);
        }
        return order;
    }

    /** Sorts {@code order[from..to)} by time, stable: by (time, row) pairs, which are distinct. */
    private static void sortLong(int[] order, long[] time, int from, int to, long[] keys) {
        int n = to - from;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = from; k < to; k++) {
            min = Math.min(min, time[order[k]]);
            max = Math.max(max, time[order[k]]);
        }
        // Rows are ascending within the person's slice (the counting sort keeps row order), so the slice's position
        // stands in for the row: (time offset << 24 | position) sorts by time, then row.
        if (n < (1 << 24) && max - min < (1L << 39)) {
            for (int k = 0; k < n; k++) {
                keys[k] = (time[order[from + k]] - min) << 24 | k;
            }
            Arrays.sort(keys, 0, n);
            int[] rows = Arrays.copyOfRange(order, from, to);
            for (int k = 0; k < n; k++) {
                order[from + k] = rows[(int) (keys[k] & ((1 << 24) - 1))];
            }
            return;
        }
        Integer[] boxed = new Integer[n];
        for (int k = 0; k < n; k++) {
            boxed[k] = order[from + k];
        }
        Arrays.sort(boxed, (a, b) -> a.intValue() == b.intValue() ? 0
                : time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
        for (int k = 0; k < n; k++) {
            order[from + k] = boxed[k];
        }
    }
}
