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
