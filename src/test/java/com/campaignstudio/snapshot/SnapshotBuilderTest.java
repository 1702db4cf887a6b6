package com.campaignstudio.snapshot;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The builder's grouping by person and time (both sorts: insertion for small slices, packed keys or boxed compare for
 * large), the linking of orders to persons and the followers' freezing, on tables small enough to work out by hand.
 */
class SnapshotBuilderTest {

    private static final long T = ActivitySnapshot.second(LocalDateTime.of(2026, 1, 5, 9, 0));

    /** What groupByPersonThenTime must return: rows by person, then by time, ties in row order (a plain stable sort). */
    private static int[] expectedOrder(int[] person, long[] time) {
        return IntStream.range(0, person.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(r -> person[r]).thenComparingLong(r -> time[r]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] group(int[] person, long[] time, int persons, int[] start) {
        return SnapshotBuilder.groupByPersonThenTime(person, time, person.length, persons, start, TaskContext.silent());
    }

    @Test
    void smallSlicesAreSortedByTimeWithTiesInTableOrder() {
        // Rows: 0 (p1, T+5), 1 (p0, T+9), 2 (p1, T+5), 3 (p0, T+1), 4 (p1, T), 5 (p0, T+9).
        // Person 0: rows 3 (T+1), then 1 and 5 (both T+9, in table order). Person 1: row 4 (T), then 0 and 2 (T+5).
        int[] person = {1, 0, 1, 0, 1, 0};
        long[] time = {T + 5, T + 9, T + 5, T + 1, T, T + 9};
        int[] start = new int[3];
        assertArrayEquals(new int[]{3, 1, 5, 4, 0, 2}, group(person, time, 2, start));
        assertArrayEquals(new int[]{0, 3, 6}, start);
    }

    /**
     * A person with {@code n} events given in reverse time order, two at each second (so every pair is a tie), after
     * a person with two events: the slice of the large person starts at 2 and ends at the table's end.
     */
    private static void reversePairs(int n, long base, long step) {
        int size = n + 2;
        int[] person = new int[size];
        long[] time = new long[size];
        person[0] = 0;
        time[0] = base + 7;
        person[1] = 0;
        time[1] = base + 3;
        for (int i = 0; i < n; i++) {
            person[2 + i] = 1;
            time[2 + i] = base + (n - 1 - i) / 2 * step;
        }
        int[] start = new int[3];
        int[] order = group(person, time, 2, start);
        assertArrayEquals(new int[]{0, 2, size}, start);
        // By hand: person 0 is rows 1 (base+3), 0 (base+7). Person 1's times fall as the rows rise, two rows per
        // second: its earliest second is held by its last row(s), and each tied pair stays in table order.
        assertEquals(1, order[0]);
        assertEquals(0, order[1]);
        // The earliest second is held by the last two rows, the first of them first; with odd n row 2 is alone at
        // the latest second, else it is paired with row 3 and comes first.
        assertEquals(size - 2, order[2]);
        assertEquals(size - 1, order[3]);
        assertEquals(2, order[size - 1 - (n % 2 == 1 ? 0 : 1)], "the latest second's pair starts at row 2");
        for (int k = 1; k < n; k++) {
            long before = time[order[2 + k - 1]];
            long here = time[order[2 + k]];
            assertEquals(true, before < here || before == here && order[2 + k - 1] < order[2 + k],
                    "time order, ties by row, at " + k + " of " + n);
        }
        assertArrayEquals(expectedOrder(person, time), order, n + " events");
    }

    @Test
    void slicesOnBothSidesOfTheInsertionSortThresholdKeepTiesInTableOrder() {
        for (int n : new int[]{31, 32, 33, 34, 100, 1500}) {
            reversePairs(n, T, 60);
        }
    }

    @Test
    void timesFurtherApartThanThePackedKeysHoldAreSortedByComparingAndStayStable() {
        // A spread of 2^39 seconds or more does not fit the packed (offset << 24 | position) key.
        reversePairs(40, -(1L << 40), 1L << 36);
        reversePairs(40, T, (1L << 39) / 19 + 1);
        // Exactly 2^39 apart: min and max, with ties at both ends, given latest first.
        int[] person = new int[40];
        long[] time = new long[40];
        for (int i = 0; i < 40; i++) {
            time[i] = i < 20 ? T + (1L << 39) : T;
        }
        int[] order = group(person, time, 1, new int[2]);
        // The 20 at T (rows 20..39), then the 20 at T + 2^39 (rows 0..19), each in table order.
        int[] expected = IntStream.concat(IntStream.range(20, 40), IntStream.range(0, 20)).toArray();
        assertArrayEquals(expected, order);
    }

    @Test
    void packedKeysNearTheirLimitStillSortByTime() {
        // Times near 2^38: offsets from the minimum are small, but the times themselves doubled would overflow.
        reversePairs(40, (1L << 38) - 500, 100);
        reversePairs(40, (1L << 38) - 500, 1);
    }

    /** Followers 10 (person 0) and 20 (person 1). */
    private static SnapshotBuilder twoFollowers() {
        return new SnapshotBuilder()
                .platform(1, "weibo", "Weibo", "微博").platform(2, "wechat", "WeChat", "微信")
                .platform(3, "douyin", "Douyin", "抖音")
                .follower(10, 1, (LocalDateTime) null).follower(20, 2, (LocalDateTime) null);
    }

    @Test
    void ordersOfACustomerFollowTheFirstFollowerAnyOfTheirOrdersIsLinkedTo() {
        // Table order: eve's first order has no follower but a later one links her to follower 10 (person 0);
        // another links her to 20, but the first link wins for her unlinked orders. An order with no customer
        // reference of follower 10 is still 10's. zed and amy never link: new persons 2 and 3, in table order.
        ActivitySnapshot snapshot = twoFollowers()
                .order("eve", 0, T + 50, 1, 0, 0, 0, true)
                .order("eve", 10, T + 10, 2, 0, 0, 0, true)
                .order("eve", 20, T + 20, 3, 0, 0, 0, true)
                .order("eve", 0, T + 5, 4, 0, 0, 0, true)
                .order(null, 10, T + 30, 5, 1, 0, 0, true)
                .order("zed", 0, T + 70, 6, 3, 0, 0, true)
                .order("amy", 0, T + 60, 7, 2, 0, 0, true)
                .order("zed", 0, T + 40, 8, 1, 0, 0, true)
                .build(TaskContext.silent());
        assertEquals(4, snapshot.persons());
        assertEquals(2, snapshot.unlinkedBuyers(), "zed and amy");
        assertArrayEquals(new int[]{0, 4, 5, 7, 8}, snapshot.orderStart());
        // Person 0 by time: T+5 (4), T+10 (2), T+30 (5), T+50 (1); person 1: 3; zed: T+40 (8), T+70 (6); amy: 7.
        assertArrayEquals(new double[]{4, 2, 5, 1, 3, 8, 6, 7}, snapshot.orderAmount(), 0);
        // A person made of orders takes the platform of their earliest order: zed's at T+40 is on platform 1.
        assertArrayEquals(new int[]{1, 2, 1, 2}, snapshot.personPlatform());
        assertEquals(3, snapshot.platforms().size());
        assertEquals("WeChat", snapshot.platform(2).orElseThrow().english());
        assertEquals(true, snapshot.platform(4).isEmpty());
    }

    @Test
    void aCustomerLinkedOnlyThroughALaterOrderOfTheFirstFollowerIsThatFollower() {
        ActivitySnapshot snapshot = twoFollowers()
                .order("eve", 0, T + 1, 1, 0, 0, 0, true)
                .order("eve", 0, T + 2, 2, 0, 0, 0, true)
                .order("eve", 10, T + 3, 3, 0, 0, 0, true)
                .build(TaskContext.silent());
        assertEquals(2, snapshot.persons(), "no new person for eve");
        assertArrayEquals(new int[]{0, 3, 3}, snapshot.orderStart());
    }

    @Test
    void refundsGuestOrdersAndEventsOfUnknownFollowersAreOnlyCounted() {
        ActivitySnapshot snapshot = twoFollowers()
                .event(99, T, "view", 0).event(10, T, "view", 0)
                .total().total()
                .order("eve", 10, T, 9, 0, 0, 0, false)
                .order(null, 0, T, 9, 0, 0, 0, true)
                .order(null, 99, T, 9, 0, 0, 0, true)
                .order(null, 20, T, 9, 0, 0, 0, true)
                .build(TaskContext.silent());
        assertEquals(new ActivitySnapshot.LeftOut(1, 2, 2, 1), snapshot.leftOut());
        assertArrayEquals(new int[]{0, 0, 1}, snapshot.orderStart(), "follower 20's order without a customer");
        assertEquals(1, snapshot.events());
    }

    @Test
    void followersGivenOutOfOrderAreSortedByIdAndOnlyThoseWithAFollowDateGetAFollowEvent() {
        ActivitySnapshot snapshot = new SnapshotBuilder()
                .follower(30, 3, LocalDateTime.of(2026, 1, 3, 8, 0))
                .follower(10, 1, (LocalDateTime) null)
                .follower(20, 2, LocalDateTime.of(2026, 1, 2, 8, 0))
                .build(TaskContext.silent());
        assertArrayEquals(new long[]{10, 20, 30}, snapshot.followerIds());
        assertArrayEquals(new int[]{1, 2, 3}, snapshot.personPlatform());
        assertArrayEquals(new long[]{ActivitySnapshot.NO_TIME, ActivitySnapshot.second(LocalDateTime.of(2026, 1, 2, 8, 0)),
                ActivitySnapshot.second(LocalDateTime.of(2026, 1, 3, 8, 0))}, snapshot.followedAt());
        assertArrayEquals(new int[]{0, 0, 1, 2}, snapshot.eventStart(), "10 has no follow date");
        assertEquals(2, snapshot.eventsOfKind(snapshot.kindCode(ActivitySnapshot.FOLLOW)));
        assertEquals(0, snapshot.eventsOfKind(-1));
        assertEquals(0, snapshot.eventsOfKind(1), "no second kind");

        assertThrows(IllegalArgumentException.class, () -> new SnapshotBuilder().follower(5, 1, 0L).follower(5, 1, 0L)
                .build(TaskContext.silent()));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotBuilder().follower(5, 1, 0L).follower(7, 1, 0L)
                .follower(5, 1, 0L).build(TaskContext.silent()));
        assertThrows(IllegalStateException.class, () -> new SnapshotBuilder().follower(5, 1, 0L)
                .event(5, T, "view", 0).follower(6, 1, 0L));
    }

    @Test
    void postIdsOutsideTheIntRangeAreNone() {
        ActivitySnapshot snapshot = new SnapshotBuilder().follower(1, 1, (LocalDateTime) null)
                .event(1, T, "view", -1).event(1, T + 1, "view", 0).event(1, T + 2, "view", 7)
                .event(1, T + 3, "view", Integer.MAX_VALUE).event(1, T + 4, "view", Integer.MAX_VALUE + 1L)
                .build(TaskContext.silent());
        assertArrayEquals(new int[]{ActivitySnapshot.NONE, 0, 7, Integer.MAX_VALUE, ActivitySnapshot.NONE},
                snapshot.eventPost());
    }

    @Test
    void manyEventsAndOrdersGrowTheTablesWithoutLosingARow() {
        // 3 followers with follow dates, then 1,100 events one by one and 1,100 in a batch (beyond the 1,024 the
        // builder starts with), and 1,500 orders.
        SnapshotBuilder builder = new SnapshotBuilder();
        for (int f = 1; f <= 3; f++) {
            builder.follower(f, 1, T - f);
        }
        long expectedTimeSum = T - 1 + T - 2 + T - 3;
        for (int i = 0; i < 1100; i++) {
            builder.event(1 + i % 3, T + i, "view", 0);
            expectedTimeSum += T + i;
        }
        int batch = 1100;
        long[] ids = new long[batch];
        long[] seconds = new long[batch];
        short[] kinds = new short[batch];
        long[] posts = new long[batch];
        for (int i = 0; i < batch; i++) {
            ids[i] = 1 + i % 3;
            seconds[i] = T - 10_000 + i;
            kinds[i] = (short) (i % 2);
            posts[i] = i;
            expectedTimeSum += seconds[i];
        }
        builder.events(ids, seconds, kinds, List.of("click", "view"), posts, batch);
        for (int i = 0; i < 1500; i++) {
            builder.order("c" + i % 7, i % 4, T + i, i, 1, 0, 0, true);
        }
        ActivitySnapshot snapshot = builder.build(TaskContext.silent());
        assertEquals(3 + 1100 + 1100, snapshot.events());
        assertEquals(expectedTimeSum, Arrays.stream(snapshot.eventTime()).sum());
        assertEquals(1100 + 550, snapshot.eventsOfKind(snapshot.kindCode("view")));
        assertEquals(550, snapshot.eventsOfKind(snapshot.kindCode("click")));
        assertEquals(1500, snapshot.orders());
        assertEquals(1499 * 1500 / 2.0, Arrays.stream(snapshot.orderAmount()).sum(), 0);
        for (int p = 0; p < snapshot.persons(); p++) {
            for (int e = snapshot.eventStart()[p] + 1; e < snapshot.eventStart()[p + 1]; e++) {
                assertEquals(true, snapshot.eventTime()[e - 1] <= snapshot.eventTime()[e], "person " + p + " sorted");
            }
        }
    }

    @Test
    void exactlyAsManyOrdersAsTheTablesHoldAreAllLinked() {
        SnapshotBuilder builder = new SnapshotBuilder(0, 0).follower(1, 1, (LocalDateTime) null);
        for (int i = 0; i < 1024; i++) {
            builder.order(i % 2 == 0 ? "x" : "y", i == 0 ? 1 : 0, T + i, 1, 1, 0, 0, true);
        }
        ActivitySnapshot snapshot = builder.build(TaskContext.silent());
        // x is linked to follower 1 by her first order: 512 orders; y is a new person with 512.
        assertArrayEquals(new int[]{0, 512, 1024}, snapshot.orderStart());
    }

    @Test
    void aSnapshotOfFollowersAloneHasTheirFollowEvents() {
        ActivitySnapshot snapshot = new SnapshotBuilder().follower(4, 1, T).follower(8, 1, T + 60)
                .build(TaskContext.silent());
        assertEquals(2, snapshot.events());
        assertArrayEquals(new long[]{4, 8}, snapshot.followerIds());
        assertArrayEquals(new long[]{T, T + 60}, snapshot.eventTime());
    }

    @Test
    void groupingHandlesPersonsWithoutRows() {
        int[] person = {2, 0, 2};
        long[] time = {T, T, T - 1};
        int[] start = new int[5];
        assertArrayEquals(new int[]{1, 2, 0}, group(person, time, 4, start));
        assertArrayEquals(new int[]{0, 1, 1, 3, 3}, start);
        assertEquals(0, group(new int[0], new long[0], 2, new int[3]).length);
    }
}
