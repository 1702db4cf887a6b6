package com.campaignstudio.snapshot;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot read from a project holds what the tables hold, person by person in time order, and stays current. */
class SnapshotReaderTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 1, 5, 9, 0, 30);

    @TempDir
    Path folder;

    private Project project() throws Exception {
        return Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    private static void follower(Connection c, long id, int platform, LocalDateTime followed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO follower (id, platform_id, external_id, followed_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setInt(2, platform);
            insert.setString(3, "f" + id);
            insert.setTimestamp(4, followed == null ? null : Timestamp.valueOf(followed));
            insert.executeUpdate();
        }
    }

    private static void event(Connection c, long follower, LocalDateTime at, String kind, boolean total)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO engagement (follower_id, occurred_at, kind, is_total) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, follower);
            insert.setTimestamp(2, Timestamp.valueOf(at));
            insert.setString(3, kind);
            insert.setBoolean(4, total);
            insert.executeUpdate();
        }
    }

    private static void order(Connection c, String ref, String customer, Long follower, LocalDateTime at, double amount,
                              Integer platform, String status) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_order (order_ref, customer_ref, "
                + "follower_id, amount, paid_at, platform_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, ref);
            insert.setString(2, customer);
            insert.setObject(3, follower);
            insert.setDouble(4, amount);
            insert.setTimestamp(5, Timestamp.valueOf(at));
            insert.setObject(6, platform);
            insert.setString(7, status);
            insert.executeUpdate();
        }
    }

    private static void fill(Project project) throws SQLException {
        project.database().transaction(c -> {
            follower(c, 12, 3, null);
            follower(c, 10, 1, T.minusDays(10));
            follower(c, 11, 2, T.minusDays(5));
            // Follower 10's events in reverse time order; a total is no event.
            event(c, 10, T.plusDays(2), "click", false);
            event(c, 10, T.plusDays(1), "view", false);
            event(c, 10, T, "view", false);
            event(c, 10, T.plusDays(3), "view", true);
            event(c, 11, T.plusHours(1), "like", false);
            event(c, 99, T, "view", false);
            // Orders: linked; refunded; linked only through another order of the customer; unlinked; guest.
            order(c, "o1", "ann", 10L, T.plusDays(3), 99, null, "paid");
            order(c, "o2", "ann", 10L, T.plusDays(4), 50, 1, "refunded");
            order(c, "o3", "bob", 11L, T.plusDays(1), 20, 2, "paid");
            order(c, "o4", "bob", null, T.plusDays(6), 30, 2, "paid");
            order(c, "o5", "dan", null, T.plusDays(2), 70, 3, "paid");
            order(c, "o6", null, null, T.plusDays(2), 10, 3, "paid");
            return null;
        });
    }

    @Test
    void theSnapshotHoldsPersonsEventsAndPaidOrdersInTimeOrder() throws Exception {
        try (Project project = project()) {
            fill(project);
            ActivitySnapshot snapshot = SnapshotReader.read(project.database(), TaskContext.silent());
            assertArrayEquals(new long[]{10, 11, 12}, snapshot.followerIds());
            assertEquals(4, snapshot.persons(), "three followers and dan");
            assertEquals(1, snapshot.unlinkedBuyers());
            assertEquals(2, snapshot.linkedBuyers(), "ann and bob");
            assertArrayEquals(new int[]{1, 2, 3, 3}, snapshot.personPlatform(), "dan: his first order's platform");
            assertEquals(new ActivitySnapshot.LeftOut(1, 1, 1, 1), snapshot.leftOut());

            // Follower 10: the follow, then view, view, click; times to the second.
            int[] start = snapshot.eventStart();
            List<String> kinds = java.util.stream.IntStream.range(start[0], start[1])
                    .mapToObj(e -> snapshot.kinds().get(snapshot.eventKind()[e])).toList();
            assertEquals(List.of("follow", "view", "view", "click"), kinds);
            assertArrayEquals(new long[]{ActivitySnapshot.second(T.minusDays(10)), ActivitySnapshot.second(T),
                    ActivitySnapshot.second(T.plusDays(1)), ActivitySnapshot.second(T.plusDays(2))},
                    Arrays.copyOfRange(snapshot.eventTime(), start[0], start[1]));
            assertEquals(2, start[2] - start[1], "follower 11: follow and like");
            assertEquals(0, start[3] - start[2], "follower 12 has no follow date and no events");
            assertEquals(2, snapshot.eventsOfKind(snapshot.kindCode("view")));

            // Orders: ann's paid one; both of bob's (the second linked through his customer reference); dan's.
            int[] orders = snapshot.orderStart();
            assertArrayEquals(new int[]{0, 1, 3, 3, 4}, orders);
            assertArrayEquals(new double[]{99, 20, 30, 70}, snapshot.orderAmount(), 1e-9);
            assertEquals(ActivitySnapshot.second(T.plusDays(6)), snapshot.orderTime()[2]);
            assertEquals("weibo", snapshot.platformLabel(1).key());
            assertEquals("抖音", snapshot.platformLabel(3).chinese());
            assertEquals(ActivitySnapshot.second(T.minusDays(10)), snapshot.firstTime());
            assertEquals(ActivitySnapshot.second(T.plusDays(6)), snapshot.lastTime());
        }
    }

    @Test
    void readingInRangesOnSeveralThreadsGivesTheSameSnapshot() throws Exception {
        try (Project project = project()) {
            fill(project);
            project.database().transaction(c -> {
                for (int i = 0; i < 40; i++) {
                    event(c, 10 + i % 3, T.plusHours(37L * i % 101), i % 2 == 0 ? "view" : "like", i % 13 == 0);
                }
                return null;
            });
            ActivitySnapshot one = SnapshotReader.read(project.database(), TaskContext.silent(), 1, Long.MAX_VALUE);
            ActivitySnapshot three = SnapshotReader.read(project.database(), TaskContext.silent(), 3, 0);
            assertEquals(one.events(), three.events());
            assertArrayEquals(one.eventStart(), three.eventStart());
            assertArrayEquals(one.eventTime(), three.eventTime());
            List<String> kindsOne = java.util.stream.IntStream.range(0, one.events())
                    .mapToObj(e -> one.kinds().get(one.eventKind()[e])).toList();
            List<String> kindsThree = java.util.stream.IntStream.range(0, three.events())
                    .mapToObj(e -> three.kinds().get(three.eventKind()[e])).toList();
            assertEquals(kindsOne, kindsThree);
            assertEquals(one.leftOut(), three.leftOut());
            assertEquals(5, one.leftOut().totals(), "the first fill's and i = 0, 13, 26, 39");
            assertArrayEquals(one.orderTime(), three.orderTime());
        }
    }

    /**
     * 1,100 followers (every fifth without a follow date), 1,100 orders and engagement rows whose ids start below
     * zero with gaps of three, plus rows at exactly every id where 2, 3 or 4 ranges meet and at the id before: more
     * rows than any table starts with, and ranges whose edges fall on rows.
     */
    @Test
    void everyNumberOfThreadsReadsEachRowOnceWhateverTheIdsAndTheRangesEdges() throws Exception {
        long firstId = -37;
        long lastId = firstId + 3 * 1099;
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (long id = firstId; id <= lastId; id += 3) {
            ids.add(id);
        }
        long span = lastId - firstId + 1;
        for (int parts = 2; parts <= 4; parts++) {
            for (int part = 1; part < parts; part++) {
                long edge = firstId + span * part / parts;
                ids.add(edge);
                ids.add(edge - 1);
            }
        }
        int followers = 1100;
        long followDates = followers - followers / 5;
        long[] counted = new long[2];
        try (Project project = project()) {
            project.database().transaction(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO follower (id, platform_id, external_id, followed_at) VALUES (?, ?, ?, ?)")) {
                    for (int f = 1; f <= followers; f++) {
                        insert.setLong(1, f);
                        insert.setInt(2, 1 + f % 3);
                        insert.setString(3, "f" + f);
                        insert.setTimestamp(4, f % 5 == 0 ? null : Timestamp.valueOf(T.minusMinutes(f)));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO engagement (id, follower_id, "
                        + "occurred_at, kind, is_total) VALUES (?, ?, ?, ?, ?)")) {
                    int i = 0;
                    for (long id : ids) {
                        boolean total = i % 11 == 0;
                        insert.setLong(1, id);
                        insert.setLong(2, 1 + (i * 7L) % followers);
                        // Times fall as ids rise for a follower's rows, and repeat: the snapshot must sort them.
                        insert.setTimestamp(3, Timestamp.valueOf(T.plusSeconds(5_000 - i % 97)));
                        insert.setString(4, i % 3 == 0 ? "view" : "click");
                        insert.setBoolean(5, total);
                        insert.addBatch();
                        counted[total ? 1 : 0]++;
                        i++;
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_order (order_ref, "
                        + "customer_ref, follower_id, amount, paid_at, platform_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int o = 0; o < 1100; o++) {
                        insert.setString(1, "o" + o);
                        insert.setString(2, "c" + o % 300);
                        insert.setObject(3, o < 300 ? Long.valueOf(1 + o) : null);
                        insert.setDouble(4, o);
                        insert.setTimestamp(5, Timestamp.valueOf(T.plusHours(o % 50)));
                        insert.setObject(6, 1);
                        insert.setString(7, o % 100 == 99 ? "refunded" : "paid");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            ActivitySnapshot one = SnapshotReader.read(project.database(), TaskContext.silent(), 1, Long.MAX_VALUE);
            // By hand: the follow events plus the engagement rows that are no totals; 11 refunded orders (99, 199 ...
            // 1099); customers c0..c299 each linked through their first order (o0..o299) to followers 1..300.
            assertEquals(followDates + counted[0], one.events());
            assertEquals(counted[1], one.leftOut().totals());
            assertEquals(1100 - 11, one.orders());
            assertEquals(11, one.leftOut().refunds());
            assertEquals(followers, one.persons(), "every customer is linked to a follower");
            assertEquals((1099 * 1100 / 2.0) - (99 + 199 + 299 + 399 + 499 + 599 + 699 + 799 + 899 + 999 + 1099),
                    Arrays.stream(one.orderAmount()).sum(), 1e-6);
            assertEquals(4, one.orderStart()[1] - one.orderStart()[0], "c0: o0, o300, o600, o900 through follower 1");
            for (int threads = 1; threads <= 4; threads++) {
                ActivitySnapshot split = SnapshotReader.read(project.database(), TaskContext.silent(), threads, 0);
                assertEquals(one.events(), split.events(), threads + " threads");
                assertArrayEquals(one.eventStart(), split.eventStart(), threads + " threads");
                assertArrayEquals(one.eventTime(), split.eventTime(), threads + " threads");
                assertEquals(one.leftOut(), split.leftOut(), threads + " threads");
                assertArrayEquals(one.orderStart(), split.orderStart(), threads + " threads");
                assertArrayEquals(one.orderAmount(), split.orderAmount(), 0, threads + " threads");
                List<String> kindsOne = java.util.stream.IntStream.range(0, one.events())
                        .mapToObj(e -> one.kinds().get(one.eventKind()[e])).toList();
                List<String> kindsSplit = java.util.stream.IntStream.range(0, split.events())
                        .mapToObj(e -> split.kinds().get(split.eventKind()[e])).toList();
                assertEquals(kindsOne, kindsSplit, threads + " threads");
            }
        }
    }

    @Test
    void theProgressClimbsOnceForEachTableAndRangeToTheEnd() throws Exception {
        try (Project project = project()) {
            fill(project);
            for (int threads = 1; threads <= 3; threads++) {
                List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                TaskContext recording = new TaskContext() {
                    @Override
                    public void progress(long done, long total) {
                        seen.add(done + "/" + total);
                    }

                    @Override
                    public void message(com.campaignstudio.text.Reason message) {
                        seen.add(message.key());
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                };
                SnapshotReader.read(project.database(), recording, threads, 0);
                // Followers, each of the ranges (one per thread) and orders: threads + 2 steps and then the build.
                List<String> expected = new java.util.ArrayList<>(List.of("stage.engagement"));
                int total = threads + 3;
                for (int done = 1; done <= threads + 2; done++) {
                    expected.add(done + "/" + total);
                }
                expected.add("stage.snapshot");
                expected.add(total + "/" + total);
                assertEquals(expected, seen, threads + " threads");
            }
        }
    }

    @Test
    void theCachedSnapshotIsReusedUntilAWriteCommits() throws Exception {
        try (Project project = project()) {
            fill(project);
            Snapshots snapshots = new Snapshots();
            ActivitySnapshot first = snapshots.of(project.database(), TaskContext.silent());
            assertSame(first, snapshots.of(project.database(), TaskContext.silent()));
            assertTrue(snapshots.isCurrent(project.database()));
            project.save();
            assertTrue(snapshots.isCurrent(project.database()), "saving changes no data");
            project.database().transaction(c -> {
                event(c, 12, T.plusDays(9), "view", false);
                return null;
            });
            assertFalse(snapshots.isCurrent(project.database()));
            ActivitySnapshot second = snapshots.of(project.database(), TaskContext.silent());
            assertNotSame(first, second);
            assertEquals(first.events() + 1, second.events());
            assertEquals(ActivitySnapshot.second(T.plusDays(9)), second.lastTime());
        }
    }

    @Test
    void readingStopsWhenCancelled() throws Exception {
        try (Project project = project()) {
            fill(project);
            TaskContext cancelled = new TaskContext() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void message(com.campaignstudio.text.Reason message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> new Snapshots().of(project.database(), cancelled));
        }
    }
}
